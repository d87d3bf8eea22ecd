import {
  SESSIONS_PER_WEEK,
  weakestFirst,
  type Curriculum,
  type PlanItem,
  type PlanSession,
  type Skill,
  type WeekPlan,
} from '@cadenza/pedagogy';
import type { Planner } from './plan-input.js';

// STAND-IN until @cadenza/pedagogy exports generateCurriculum: sessions of the profile's length over the
// three weakest skills, exercise items only. Replaced by the core's planner as soon as it lands.
const EXERCISE_FOR: { readonly [S in Skill]: NonNullable<PlanItem['exercise']>['skill_type'] } = {
  pitch_accuracy: 'scales',
  rhythm_accuracy: 'rhythm',
  sight_reading: 'sight_reading',
  music_theory: 'chord_progressions',
  ear_training: 'arpeggios',
  technique: 'scales',
};

/** The days of the week each frequency practises on. */
const DAYS: { readonly [n: number]: readonly number[] } = {
  7: [0, 1, 2, 3, 4, 5, 6],
  3: [0, 2, 4],
  2: [5, 6],
};

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export const corePlanner: Planner = ({ profile, startDate, weeks, seed }): Curriculum => {
  const focus = weakestFirst(profile.skills).slice(0, 3);
  const days = DAYS[SESSIONS_PER_WEEK[profile.practiceFrequency]] ?? [0];
  const plan: WeekPlan[] = Array.from({ length: weeks }, (_, w) => {
    const sessions: PlanSession[] = days.map((day) => {
      const each = Math.floor(profile.sessionMinutes / focus.length);
      const items: PlanItem[] = focus.map((skill, i) => ({
        id: `w${w + 1}-d${day}-${i}`,
        kind: 'exercise',
        skill,
        title: `${skill.replace('_', ' ')} practice`,
        minutes: i === 0 ? profile.sessionMinutes - each * (focus.length - 1) : each,
        difficulty: profile.skillLevels[skill],
        exercise: {
          skill_type: EXERCISE_FOR[skill],
          difficulty: Math.round(profile.skillLevels[skill]),
          seed: seed + w * 100 + day * 10 + i,
        },
      }));
      return { day, items, minutes: profile.sessionMinutes };
    });
    return {
      weekNumber: w + 1,
      startDate: addDays(startDate, 7 * w),
      focusAreas: focus,
      sessions,
      milestoneSong: '',
      theoryTopics: [],
      estimatedMinutes: sessions.length * profile.sessionMinutes,
      skillLevels: { ...profile.skillLevels },
      reasons: [],
    };
  });
  return { weeks: plan, seed };
};

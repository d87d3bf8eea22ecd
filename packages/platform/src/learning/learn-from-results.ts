import { applyResults, SESSIONS_PER_WEEK, type SkillResult } from '@cadenza/pedagogy';
import {
  keepLast,
  LEARNING_CAPS,
  type LearningDocument,
  type StoredSkillChange,
} from './learning-document.js';
import { daysPractisedInFourWeeks, isoDate } from './practice-days.js';

/**
 * The document after learning from graded results (one attempt may give several, one per skill): each
 * goes through the core's `applyResults` in turn (skill estimate, the spec's difficulty rule), the results
 * are kept for the next trend, the difficulty changes are kept with their reasons, and one history point
 * records where the skills stand afterwards.
 */
export function learnFromResults(
  doc: LearningDocument,
  newResults: readonly SkillResult[],
  at: number,
): { doc: LearningDocument; changes: StoredSkillChange[] } {
  let profile = doc.profile;
  let results = [...doc.results];
  const changes: StoredSkillChange[] = [];
  for (const result of newResults) {
    const applied = applyResults(profile, results, result);
    profile = applied.profile;
    results = keepLast([...results, result], LEARNING_CAPS.results);
    changes.push(...applied.changes.map((c) => ({ ...c, trend: c.trend ?? null, at })));
  }
  return {
    doc: {
      ...doc,
      profile,
      results,
      changes: keepLast([...doc.changes, ...changes], LEARNING_CAPS.changes),
      history: keepLast(
        [...doc.history, { at, skills: profile.skills, skillLevels: profile.skillLevels }],
        LEARNING_CAPS.history,
      ),
    },
    changes,
  };
}

/**
 * Counts practice: minutes on the day (for streaks and the weekly chart), the profile's totals and its
 * consistency (days practised in the last four weeks against the sessions the frequency plans, capped at 1).
 */
export function countPractice(
  doc: LearningDocument,
  minutes: number,
  at: number,
  options: { readonly exercise: boolean },
): LearningDocument {
  const day = isoDate(at);
  const practiceDays = { ...doc.practiceDays, [day]: (doc.practiceDays[day] ?? 0) + minutes };
  const kept = Object.keys(practiceDays).sort().slice(-LEARNING_CAPS.practiceDays);
  const trimmed = Object.fromEntries(kept.map((d) => [d, practiceDays[d] ?? 0]));
  const planned = SESSIONS_PER_WEEK[doc.profile.practiceFrequency] * 4;
  const history = doc.profile.history;
  return {
    ...doc,
    practiceDays: trimmed,
    profile: {
      ...doc.profile,
      history: {
        totalPracticeMinutes: Math.round((history.totalPracticeMinutes + minutes) * 10) / 10,
        completedExercises: history.completedExercises + (options.exercise ? 1 : 0),
        consistency: Math.min(1, daysPractisedInFourWeeks(trimmed, day) / planned),
      },
    },
  };
}

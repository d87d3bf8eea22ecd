import { describe, expect, it } from 'vitest';
import {
  createProfile,
  generateCurriculum,
  generateEarTrainingQuestion,
  generateExercise,
  exerciseFieldsOf,
  generatorDifficulty,
  liveItem,
  subtypesFor,
  SKILLS,
  type LearnerProfile,
  type PlanItem,
} from '../src/index.js';
import { randomCase } from './learning-curriculum-helpers.js';

const profile = createProfile({
  selfLevel: 4,
  practiceFrequency: 'daily',
  sessionMinutes: 30,
  preferredGenres: ['blues'],
  learningStyle: 'kinesthetic',
});
const at = (p: LearnerProfile, levels: Partial<LearnerProfile['skillLevels']>): LearnerProfile => ({
  ...p,
  skillLevels: { ...p.skillLevels, ...levels },
});

describe('generatorDifficulty', () => {
  it('a whole level is itself; a half level alternates between its neighbours by turn', () => {
    expect(generatorDifficulty(4)).toBe(4);
    expect(generatorDifficulty(4, 1)).toBe(4);
    expect([0, 1, 2, 3].map((t) => generatorDifficulty(4.5, t))).toEqual([4, 5, 4, 5]);
    const mean = [0, 1, 2, 3, 4, 5].reduce((s, t) => s + generatorDifficulty(2.5, t), 0) / 6;
    expect(mean).toBe(2.5);
    expect(generatorDifficulty(10, 1)).toBe(10);
    expect(generatorDifficulty(1, 1)).toBe(1);
  });
});

describe('liveItem', () => {
  const scales: PlanItem = {
    id: 'w1-d0-0',
    kind: 'exercise',
    skill: 'technique',
    title: 'Scales: minor harmonic',
    minutes: 8,
    difficulty: 4,
    exercise: { skill_type: 'scales', subtype: 'minor_harmonic', difficulty: 4, seed: 42 },
  };

  it('resets an exercise to the skill’s difficulty now, keeping a subtype still open there', () => {
    const live = liveItem(scales, at(profile, { technique: 6 }));
    expect(live.difficulty).toBe(6);
    expect(live.exercise).toEqual({ ...scales.exercise, difficulty: 6 });
    expect(live.title).toBe(scales.title);
    expect(live.id).toBe(scales.id);
  });

  it('an exercise already at the live difficulty is returned as it is', () => {
    expect(liveItem(scales, at(profile, { technique: 4 }))).toBe(scales);
  });

  it('swaps a subtype that is not open at the lower difficulty for one that is (with its title)', () => {
    const live = liveItem(scales, at(profile, { technique: 2 }));
    expect(live.difficulty).toBe(2);
    const subtype = live.exercise?.subtype ?? '';
    expect(subtypesFor('scales', 2, ['blues'])).toContain(subtype);
    expect(subtype).not.toBe('minor_harmonic');
    expect(live.title).not.toBe(scales.title);
    expect(live.exercise?.skill_type).toBe('scales');
    expect(live.exercise?.seed).toBe(42);
  });

  it('a half level plays at the lower or the upper neighbour by the item’s seed', () => {
    const even = liveItem(scales, at(profile, { technique: 5.5 }));
    expect(even.difficulty).toBe(5); // seed 42: the lower neighbour
    const odd = liveItem(
      { ...scales, exercise: { skill_type: 'scales', subtype: 'minor_harmonic', difficulty: 4, seed: 43 } },
      at(profile, { technique: 5.5 }),
    );
    expect(odd.difficulty).toBe(6); // seed 43: the upper one
  });

  it('ear training keeps its quiz type when open at the new difficulty, and changes it when not', () => {
    const melodic: PlanItem = {
      id: 'w1-d0-3',
      kind: 'ear_training',
      skill: 'ear_training',
      title: 'Ear training: melodic dictation',
      minutes: 6,
      difficulty: 4,
      earTraining: { type: 'melodic_dictation', difficulty: 4, count: 12, seed: 8 },
    };
    const up = liveItem(melodic, at(profile, { ear_training: 6 }));
    expect(up.earTraining).toEqual({ ...melodic.earTraining, difficulty: 6 });
    expect(up.title).toBe(melodic.title);
    const down = liveItem(melodic, at(profile, { ear_training: 1 }));
    expect(down.difficulty).toBe(1);
    expect(['interval_recognition', 'chord_quality']).toContain(down.earTraining?.type);
    expect(down.title).not.toBe(melodic.title);
  });

  it('theory, songs, reviews and a teacher’s assignment stay as planned', () => {
    const moved = at(profile, { music_theory: 8, sight_reading: 8, technique: 8 });
    const theory: PlanItem = {
      id: 't',
      kind: 'theory',
      skill: 'music_theory',
      title: 'Theory: Triads',
      minutes: 5,
      difficulty: 3,
      theoryTopic: 'triads',
    };
    const song: PlanItem = {
      id: 's',
      kind: 'song',
      skill: 'sight_reading',
      title: 'Milestone song',
      minutes: 8,
      difficulty: 3,
      songId: 'ode-to-joy',
    };
    const assigned: PlanItem = { ...scales, assignedBy: 'teacher-1' };
    for (const item of [theory, song, assigned]) expect(liveItem(item, moved)).toBe(item);
  });

  it('every live exercise and quiz over random plans and levels is one the generators make', () => {
    let checked = 0;
    for (let k = 0; k < 40; k++) {
      const c = randomCase(5000 + k);
      const plan = generateCurriculum(c.profile, {
        weeks: 1,
        startDate: '2026-11-30',
        seed: c.seed,
        songs: c.songs,
      });
      const items = plan.weeks.flatMap((w) => w.sessions.flatMap((s) => s.items));
      // the profile has moved since the plan: every skill a step or two elsewhere
      const now = at(
        c.profile,
        Object.fromEntries(
          SKILLS.map((s, i) => [
            s,
            Math.min(10, Math.max(1, c.profile.skillLevels[s] + ((i % 5) - 2) * 0.5)),
          ]),
        ),
      );
      for (const item of items) {
        const live = liveItem(item, now);
        if (live.exercise) {
          const level = now.skillLevels[live.skill];
          expect(Math.abs(live.difficulty - level)).toBeLessThanOrEqual(0.5);
          expect(live.exercise.difficulty).toBe(live.difficulty);
          const ex = generateExercise(exerciseFieldsOf(live.exercise));
          expect(ex.difficulty).toBe(live.difficulty);
          checked++;
        }
        if (live.earTraining) {
          expect(live.skill).toBe('ear_training');
          expect(Math.abs(live.difficulty - now.skillLevels.ear_training)).toBeLessThanOrEqual(0.5);
          const q = generateEarTrainingQuestion({
            type: live.earTraining.type,
            difficulty: live.earTraining.difficulty,
            seed: live.earTraining.seed ?? 1,
          });
          expect(q.type).toBe(live.earTraining.type);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
  });
});

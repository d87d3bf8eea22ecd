import { describe, expect, it } from 'vitest';
import {
  createPlacementTest,
  createProfile,
  exerciseFieldsOf,
  generateEarTrainingQuestion,
  generateExercise,
  placeStudent,
  placementLevel,
  RequestFieldError,
  SKILLS,
  theoryTopic,
  type PlacementTest,
} from '../src/index.js';

const profileAt = (selfLevel: number) =>
  createProfile({
    selfLevel,
    practiceFrequency: 'daily',
    sessionMinutes: 20,
    preferredGenres: [],
    learningStyle: 'visual',
  });

const allAt = (test: PlacementTest, accuracy: number) =>
  test.items.map((i) => ({ itemId: i.id, accuracy, pitchAccuracy: accuracy, rhythmAccuracy: accuracy }));

describe('placement test', () => {
  it('has 6–8 short items over all six skills around the self level, each one the generators can make', () => {
    for (let level = 1; level <= 10; level++) {
      for (const seed of [1, 2, 3]) {
        const test = createPlacementTest(level, seed);
        expect(test.items.length).toBeGreaterThanOrEqual(6);
        expect(test.items.length).toBeLessThanOrEqual(8);
        for (const s of SKILLS) expect(test.items.some((i) => i.skill === s)).toBe(true);
        for (const item of test.items) {
          expect(Math.abs(item.difficulty - level)).toBeLessThanOrEqual(level === 1 ? 1 : 2);
          if (item.exercise) {
            const ex = generateExercise(exerciseFieldsOf(item.exercise));
            expect(ex.bars).toBeGreaterThanOrEqual(2);
            expect(ex.bars).toBeLessThanOrEqual(4);
          }
          if (item.earTraining)
            expect(generateEarTrainingQuestion(item.earTraining).type).toBe('interval_recognition');
          if (item.theoryQuestion)
            expect(theoryTopic(item.theoryQuestion.topicId)?.level).toBeLessThanOrEqual(level);
        }
        const technique = test.items.filter((i) => i.skill === 'technique').map((i) => i.difficulty);
        expect(technique).toEqual([Math.max(1, level - 1), Math.min(10, level + 1)]);
      }
    }
    expect(createPlacementTest(5, 9)).toEqual(createPlacementTest(5, 9));
  });

  it('a perfect student places high, a failing one at 1–2', () => {
    for (const level of [3, 5, 8]) {
      const test = createPlacementTest(level, 4);
      const top = placeStudent(profileAt(level), allAt(test, 1), test).profile;
      expect(top.placed).toBe(true);
      for (const s of SKILLS) expect(top.skillLevels[s]).toBeGreaterThanOrEqual(level + 1);
      expect(top.skillLevels.technique).toBe(Math.min(10, level + 2));
      const low = placeStudent(profileAt(level), allAt(test, 0), test).profile;
      for (const s of SKILLS) {
        expect(low.skillLevels[s]).toBeLessThanOrEqual(2);
        expect(low.skills[s]).toBeLessThanOrEqual(1 / 9 + 1e-9);
      }
      expect(low.level).toBeLessThanOrEqual(2);
    }
  });

  it('passing the harder item places higher than passing only the easier one', () => {
    const test = createPlacementTest(5, 1);
    const both = placeStudent(
      profileAt(5),
      [
        { itemId: 'p2', accuracy: 0.9 },
        { itemId: 'p3', accuracy: 0.9 },
      ],
      test,
    );
    const easyOnly = placeStudent(
      profileAt(5),
      [
        { itemId: 'p2', accuracy: 0.9 },
        { itemId: 'p3', accuracy: 0.3 },
      ],
      test,
    );
    expect(both.profile.skillLevels.rhythm_accuracy).toBe(6.5);
    expect(easyOnly.profile.skillLevels.rhythm_accuracy).toBe(4.5);
    expect(both.changes.find((c) => c.skill === 'rhythm_accuracy')?.reason).toBe(
      'Placement: rhythm accuracy 90 % at difficulty 6 → start at 6.5',
    );
    // failing the easier item drops below it
    const failing = placeStudent(profileAt(5), [{ itemId: 'p2', accuracy: 0.5 }], test).profile;
    expect(failing.skillLevels.rhythm_accuracy).toBe(1);
    expect(placementLevel(4, 0.7)).toBe(3);
  });

  it('starts each placed skill’s adaptation evidence at the time of the test', () => {
    const test = createPlacementTest(4, 9);
    const before = { ...profileAt(4), difficultySince: { technique: 1000 } };
    const at = 5_000_000;
    const placed = placeStudent(before, allAt(test, 1), test, at).profile;
    for (const s of SKILLS) expect(placed.difficultySince?.[s]).toBe(at);
    // Without a time nothing about the evidence changes.
    expect(placeStudent(before, allAt(test, 1), test).profile.difficultySince).toEqual({ technique: 1000 });
    // A skipped skill keeps its own start.
    const onlyTheory = test.items.filter((i) => i.skill === 'music_theory');
    const partial = placeStudent(
      before,
      onlyTheory.map((i) => ({ itemId: i.id, accuracy: 1 })),
      test,
      at,
    ).profile;
    expect(partial.difficultySince?.music_theory).toBe(at);
    expect(partial.difficultySince?.technique).toBe(1000);
  });

  it('a skipped skill keeps its prior', () => {
    const test = createPlacementTest(6, 2);
    const prior = profileAt(6);
    const results = allAt(test, 1).filter(
      (r) => test.items.find((i) => i.id === r.itemId)?.skill !== 'ear_training',
    );
    const placed = placeStudent(prior, results, test).profile;
    expect(placed.skillLevels.ear_training).toBe(prior.skillLevels.ear_training);
    expect(placed.skills.ear_training).toBe(prior.skills.ear_training);
    expect(placed.skillLevels.music_theory).toBeGreaterThan(6);
  });

  it('refuses unknown items and accuracies outside 0–1', () => {
    const test = createPlacementTest(4, 1);
    expect(() => placeStudent(profileAt(4), [{ itemId: 'p99', accuracy: 1 }], test)).toThrow(
      RequestFieldError,
    );
    expect(() => placeStudent(profileAt(4), [{ itemId: 'p0', accuracy: 95 }], test)).toThrow(
      RequestFieldError,
    );
    expect(() => createPlacementTest(0, 1)).toThrow(RequestFieldError);
  });
});

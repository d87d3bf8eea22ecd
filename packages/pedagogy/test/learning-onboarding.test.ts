import { describe, expect, it } from 'vitest';
import {
  createProfile,
  deriveProfile,
  RequestFieldError,
  SKILLS,
  updatePreferences,
  type OnboardingAnswers,
} from '../src/index.js';

const ANSWERS: OnboardingAnswers = {
  selfLevel: 4,
  practiceFrequency: '3x_week',
  sessionMinutes: 30,
  preferredGenres: ['jazz', 'blues'],
  learningStyle: 'auditory',
  shortTermGoals: ['read lead sheets'],
};

const fieldOf = (answers: OnboardingAnswers): string | undefined => {
  try {
    createProfile(answers);
  } catch (error) {
    if (error instanceof RequestFieldError) return error.field;
    throw error;
  }
  return undefined;
};

describe('createProfile', () => {
  it('starts every skill at the self estimate: skill (level − 1) / 9, difficulty = level', () => {
    const p = createProfile(ANSWERS);
    for (const s of SKILLS) {
      expect(p.skills[s]).toBeCloseTo(3 / 9, 3);
      expect(p.skillLevels[s]).toBe(4);
    }
    expect(p.level).toBe(4);
    expect(p.placed).toBe(false);
    expect(p.identifiedWeaknesses).toEqual([...SKILLS]);
    expect(p.targetSongs).toEqual([]);
    expect(p.history).toEqual({ totalPracticeMinutes: 0, completedExercises: 0, consistency: 0 });
  });

  it('a beginner starts at 0 and an advanced player at 1 with no weaknesses', () => {
    expect(createProfile({ ...ANSWERS, selfLevel: 1 }).skills.technique).toBe(0);
    const advanced = createProfile({ ...ANSWERS, selfLevel: 10 });
    expect(advanced.skills.ear_training).toBe(1);
    expect(advanced.identifiedWeaknesses).toEqual([]);
  });

  it.each([
    [{ selfLevel: 0 }, 'self_level'],
    [{ selfLevel: 11 }, 'self_level'],
    [{ selfLevel: Number.NaN }, 'self_level'],
    [{ sessionMinutes: 5 }, 'session_minutes'],
    [{ sessionMinutes: 181 }, 'session_minutes'],
    [{ sessionMinutes: 20.5 }, 'session_minutes'],
    [{ practiceFrequency: 'hourly' }, 'practice_frequency'],
    [{ preferredGenres: ['polka'] }, 'preferred_genres'],
    [{ learningStyle: 'telepathic' }, 'learning_style'],
    [{ shortTermGoals: [''] }, 'short_term_goals'],
    [{ targetSongs: Array.from({ length: 11 }, () => 'x') }, 'target_songs'],
  ])('refuses %j naming %s', (bad, field) => {
    expect(fieldOf({ ...ANSWERS, ...(bad as Partial<OnboardingAnswers>) })).toBe(field);
  });

  it('accepts the edges of the ranges', () => {
    expect(fieldOf({ ...ANSWERS, sessionMinutes: 10, selfLevel: 1 })).toBeUndefined();
    expect(fieldOf({ ...ANSWERS, sessionMinutes: 180, selfLevel: 10 })).toBeUndefined();
  });
});

describe('deriveProfile', () => {
  it('level is the rounded mean of the skill levels; weaknesses are the skills below 0.5, weakest first', () => {
    const p = createProfile(ANSWERS);
    const derived = deriveProfile({
      ...p,
      skills: {
        ...p.skills,
        rhythm_accuracy: 0.2,
        ear_training: 0.45,
        technique: 0.9,
        music_theory: 0.5,
        pitch_accuracy: 0.6,
        sight_reading: 0.7,
      },
      skillLevels: { ...p.skillLevels, technique: 8, rhythm_accuracy: 2.5 },
    });
    // (4 + 2.5 + 4 + 4 + 4 + 8) / 6 = 4.42 → 4
    expect(derived.level).toBe(4);
    expect(derived.identifiedWeaknesses).toEqual(['rhythm_accuracy', 'ear_training']);
    const high = deriveProfile({
      ...p,
      skillLevels: { ...p.skillLevels, technique: 10, sight_reading: 10, pitch_accuracy: 10 },
    });
    // (4·3 + 30) / 6 = 7
    expect(high.level).toBe(7);
  });
});

describe('updatePreferences', () => {
  it('changes preferences and keeps skills, levels and history', () => {
    const p = createProfile(ANSWERS);
    const moved = {
      ...p,
      skills: { ...p.skills, technique: 0.77 },
      skillLevels: { ...p.skillLevels, technique: 6 },
    };
    const u = updatePreferences(moved, { sessionMinutes: 45, preferredGenres: ['classical'], selfLevel: 9 });
    expect(u.sessionMinutes).toBe(45);
    expect(u.preferredGenres).toEqual(['classical']);
    expect(u.skills.technique).toBe(0.77);
    expect(u.skillLevels.technique).toBe(6);
    expect(u.practiceFrequency).toBe('3x_week');
    expect(() => updatePreferences(p, { sessionMinutes: 1000 })).toThrow(RequestFieldError);
  });
});

import { RequestFieldError } from '../arrange/request/resolve-request.js';
import {
  LEARNING_GENRES,
  LEARNING_STYLES,
  PRACTICE_FREQUENCIES,
  SESSION_MINUTES_RANGE,
  SKILLS,
  type LearnerProfile,
  type OnboardingAnswers,
} from './learning-types.js';
import { clampLevel, skillMap, weakestFirst } from './skill-words.js';

/** Goals and target songs a profile keeps, and how long each may be. */
export const MAX_GOALS = 10;
export const MAX_GOAL_LENGTH = 200;

/**
 * The skill estimate (0–1) that corresponds to playing comfortably at a difficulty level (1–10):
 * level 1 is 0, level 10 is 1. The same scale the adaptation's estimate uses.
 */
export const skillForLevel = (level: number): number =>
  Math.round(((clampLevel(level) - 1) / 9) * 1000) / 1000;

/** A level rounded to the adaptation's half steps. */
const halfStep = (level: number): number => Math.round(clampLevel(level) * 2) / 2;

function checkList(field: string, items: readonly string[] | undefined): void {
  if (items === undefined) return;
  if (!Array.isArray(items) || items.length > MAX_GOALS) {
    throw new RequestFieldError(field, `must be a list of at most ${MAX_GOALS} entries`);
  }
  for (const item of items) {
    if (typeof item !== 'string' || item.trim() === '' || item.length > MAX_GOAL_LENGTH) {
      throw new RequestFieldError(
        field,
        `each entry must be text of 1 to ${MAX_GOAL_LENGTH} characters`,
        String(item).slice(0, 40),
      );
    }
  }
}

/**
 * Checks whichever onboarding answers are present; a bad one is a `RequestFieldError` naming the API's
 * snake_case field (`self_level`, `session_minutes`, `preferred_genres`, …).
 */
export function checkOnboardingAnswers(answers: Partial<OnboardingAnswers>): void {
  const { selfLevel, practiceFrequency, sessionMinutes, preferredGenres, learningStyle } = answers;
  if (selfLevel !== undefined && !(Number.isFinite(selfLevel) && selfLevel >= 1 && selfLevel <= 10)) {
    throw new RequestFieldError('self_level', `must be a number from 1 to 10, got ${selfLevel}`);
  }
  if (practiceFrequency !== undefined && !PRACTICE_FREQUENCIES.includes(practiceFrequency)) {
    throw new RequestFieldError(
      'practice_frequency',
      `use one of ${PRACTICE_FREQUENCIES.join(', ')}`,
      String(practiceFrequency),
    );
  }
  const [minMinutes, maxMinutes] = SESSION_MINUTES_RANGE;
  if (
    sessionMinutes !== undefined &&
    !(Number.isInteger(sessionMinutes) && sessionMinutes >= minMinutes && sessionMinutes <= maxMinutes)
  ) {
    throw new RequestFieldError(
      'session_minutes',
      `must be a whole number of minutes from ${minMinutes} to ${maxMinutes}, got ${sessionMinutes}`,
    );
  }
  if (preferredGenres !== undefined) {
    if (!Array.isArray(preferredGenres)) throw new RequestFieldError('preferred_genres', 'must be a list');
    const genres: readonly unknown[] = preferredGenres;
    const known: readonly unknown[] = LEARNING_GENRES;
    const unknown = genres.find((g) => !known.includes(g));
    if (unknown !== undefined) {
      const text = JSON.stringify(unknown).slice(0, 40);
      throw new RequestFieldError(
        'preferred_genres',
        `${text} is not a genre: use ${LEARNING_GENRES.join(', ')}`,
        text,
      );
    }
  }
  if (learningStyle !== undefined && !LEARNING_STYLES.includes(learningStyle)) {
    throw new RequestFieldError(
      'learning_style',
      `use one of ${LEARNING_STYLES.join(', ')}`,
      String(learningStyle),
    );
  }
  checkList('short_term_goals', answers.shortTermGoals);
  checkList('long_term_goals', answers.longTermGoals);
  checkList('target_songs', answers.targetSongs);
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/**
 * A new profile from the onboarding answers. Until the placement test runs, every skill starts at the
 * student's own estimate: skill = (selfLevel − 1) / 9 and each skill's difficulty = selfLevel (to the
 * half step). Throws `RequestFieldError` for a bad answer.
 */
export function createProfile(answers: OnboardingAnswers): LearnerProfile {
  checkOnboardingAnswers(answers);
  const level = halfStep(answers.selfLevel);
  const skill = skillForLevel(level);
  return deriveProfile({
    level: Math.round(level),
    skills: skillMap(() => skill),
    skillLevels: skillMap(() => level),
    practiceFrequency: answers.practiceFrequency,
    sessionMinutes: answers.sessionMinutes,
    preferredGenres: unique(answers.preferredGenres),
    learningStyle: answers.learningStyle,
    shortTermGoals: answers.shortTermGoals ?? [],
    longTermGoals: answers.longTermGoals ?? [],
    targetSongs: answers.targetSongs ?? [],
    history: { totalPracticeMinutes: 0, completedExercises: 0, consistency: 0 },
    identifiedWeaknesses: [],
    theoryLearned: [],
    placed: false,
  });
}

/**
 * Recomputes what the profile derives from its skills: the overall level (the rounded mean of the skill
 * levels, 1–10) and the identified weaknesses (skills below 0.5, weakest first).
 */
export function deriveProfile(profile: LearnerProfile): LearnerProfile {
  const mean = SKILLS.reduce((sum, s) => sum + profile.skillLevels[s], 0) / SKILLS.length;
  return {
    ...profile,
    level: Math.round(clampLevel(mean)),
    identifiedWeaknesses: weakestFirst(profile.skills).filter((s) => profile.skills[s] < 0.5),
  };
}

/**
 * The profile with changed preferences (frequency, minutes, genres, style, goals, target songs). Skills,
 * skill levels and history are kept: `selfLevel` is checked but ignored once a profile exists (the
 * results and the placement test set the skills from then on).
 */
export function updatePreferences(
  profile: LearnerProfile,
  answers: Partial<OnboardingAnswers>,
): LearnerProfile {
  checkOnboardingAnswers(answers);
  return deriveProfile({
    ...profile,
    ...(answers.practiceFrequency !== undefined ? { practiceFrequency: answers.practiceFrequency } : {}),
    ...(answers.sessionMinutes !== undefined ? { sessionMinutes: answers.sessionMinutes } : {}),
    ...(answers.preferredGenres !== undefined ? { preferredGenres: unique(answers.preferredGenres) } : {}),
    ...(answers.learningStyle !== undefined ? { learningStyle: answers.learningStyle } : {}),
    ...(answers.shortTermGoals !== undefined ? { shortTermGoals: answers.shortTermGoals } : {}),
    ...(answers.longTermGoals !== undefined ? { longTermGoals: answers.longTermGoals } : {}),
    ...(answers.targetSongs !== undefined ? { targetSongs: answers.targetSongs } : {}),
  });
}

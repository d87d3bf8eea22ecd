import { RequestFieldError } from '../arrange/request/resolve-request.js';
import type { Skill, SkillResult } from './learning-types.js';

/** The kinds of graded work a result can come from: the five exercise types, ear training, theory, a song. */
export const ATTEMPT_TYPES = [
  'scales',
  'arpeggios',
  'chord_progressions',
  'rhythm',
  'sight_reading',
  'ear_training',
  'theory',
  'song',
] as const;
export type AttemptType = (typeof ATTEMPT_TYPES)[number];

/** One graded attempt as the practice, ear-training and theory endpoints report it. */
export interface GradedAttempt {
  readonly skillType: AttemptType;
  /** 0–1 (a practice score of 0–100 divided by 100). */
  readonly score: number;
  /** 0–1, for played attempts: the share of notes at the right pitch. */
  readonly pitchAccuracy?: number;
  /** 0–1, for played attempts: the share of notes in time. */
  readonly rhythmAccuracy?: number;
  /** 1–10. */
  readonly difficulty: number;
  /** Epoch ms. */
  readonly at: number;
}

/** The skill an attempt's overall score trains. */
const MAIN_SKILL: { readonly [T in AttemptType]: Skill } = {
  scales: 'technique',
  arpeggios: 'technique',
  chord_progressions: 'technique',
  rhythm: 'rhythm_accuracy',
  sight_reading: 'sight_reading',
  song: 'sight_reading',
  ear_training: 'ear_training',
  theory: 'music_theory',
};

const PLAYED: ReadonlySet<AttemptType> = new Set([
  'scales',
  'arpeggios',
  'chord_progressions',
  'rhythm',
  'sight_reading',
  'song',
]);

const share = (field: string, value: number | undefined): void => {
  if (value !== undefined && !(Number.isFinite(value) && value >= 0 && value <= 1)) {
    throw new RequestFieldError(field, `must be from 0 to 1, got ${value}`);
  }
};

/**
 * The skill results one graded attempt gives:
 * - its score trains the type's skill: scales, arpeggios, chord progressions → technique; rhythm → rhythm
 *   accuracy; sight reading and songs → sight reading; ear training → ear training; theory → music theory;
 * - a played attempt (an exercise or a song) also reports pitch accuracy from `pitchAccuracy` and rhythm
 *   accuracy from `rhythmAccuracy` when given. A rhythm exercise is played on one pitch (or clapped), so it
 *   reports no pitch accuracy, and its rhythm accuracy is its score.
 */
export function skillsForAttempt(attempt: GradedAttempt): SkillResult[] {
  if (!ATTEMPT_TYPES.includes(attempt.skillType)) {
    throw new RequestFieldError(
      'skill_type',
      `use one of ${ATTEMPT_TYPES.join(', ')}`,
      String(attempt.skillType),
    );
  }
  share('score', attempt.score);
  share('pitch_accuracy', attempt.pitchAccuracy);
  share('rhythm_accuracy', attempt.rhythmAccuracy);
  if (!(Number.isFinite(attempt.difficulty) && attempt.difficulty >= 1 && attempt.difficulty <= 10)) {
    throw new RequestFieldError('difficulty', `must be from 1 to 10, got ${attempt.difficulty}`);
  }
  const { difficulty, at } = attempt;
  const main = MAIN_SKILL[attempt.skillType];
  const results: SkillResult[] = [{ skill: main, accuracy: attempt.score, difficulty, at }];
  if (PLAYED.has(attempt.skillType)) {
    if (attempt.pitchAccuracy !== undefined && attempt.skillType !== 'rhythm') {
      results.push({ skill: 'pitch_accuracy', accuracy: attempt.pitchAccuracy, difficulty, at });
    }
    if (attempt.rhythmAccuracy !== undefined && main !== 'rhythm_accuracy') {
      results.push({ skill: 'rhythm_accuracy', accuracy: attempt.rhythmAccuracy, difficulty, at });
    }
  }
  return results;
}

import { RequestFieldError } from '../arrange/request/resolve-request.js';
import { chordQuestion } from './chord-question.js';
import { MAX_DIFFICULTY, MIN_DIFFICULTY } from './difficulty-model.js';
import { intervalQuestion } from './interval-question.js';
import { melodicDictationQuestion } from './melodic-dictation.js';
import { EAR_TRAINING_TYPES, type EarTrainingQuestion, type EarTrainingType } from './question-types.js';
import { rhythmDictationQuestion } from './rhythm-dictation.js';

const GENERATORS: Readonly<
  Record<EarTrainingType, (difficulty: number, seed: number) => EarTrainingQuestion>
> = {
  interval_recognition: intervalQuestion,
  chord_quality: chordQuestion,
  melodic_dictation: melodicDictationQuestion,
  rhythm_dictation: rhythmDictationQuestion,
};

export interface EarTrainingRequest {
  readonly type: string;
  /** 1–10. */
  readonly difficulty: number;
  /** Any 32-bit unsigned integer; the same (type, difficulty, seed) always gives the same question. */
  readonly seed: number;
}

/**
 * One ear-training question, reproducible from (type, difficulty, seed). An unknown type or a
 * difficulty outside 1–10 is a RequestFieldError naming `type` or `difficulty`.
 */
export function generateEarTrainingQuestion(request: EarTrainingRequest): EarTrainingQuestion {
  const type = EAR_TRAINING_TYPES.find((t) => t === request.type);
  if (!type) {
    throw new RequestFieldError(
      'type',
      `'${request.type.slice(0, 40)}' is not an ear-training type: use ${EAR_TRAINING_TYPES.join(', ')}`,
    );
  }
  const { difficulty, seed } = request;
  if (!Number.isInteger(difficulty) || difficulty < MIN_DIFFICULTY || difficulty > MAX_DIFFICULTY) {
    throw new RequestFieldError(
      'difficulty',
      `difficulty must be a whole number from 1 to 10, got ${difficulty}`,
    );
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff) {
    throw new RequestFieldError('seed', `seed must be a whole number from 0 to 4294967295, got ${seed}`);
  }
  return GENERATORS[type](difficulty, seed);
}

import { keyFromFifths, keySignatureFifths, type Key, type Mode, type Rng } from '@cadenza/core';
import type { ExerciseRequest } from './exercise-request.js';
import { keyWithMode } from './exercise-request.js';

/**
 * The exercise's key: the tonic asked for in the mode the exercise needs, or (when none was asked)
 * a key of that mode with at most `maxFifths` sharps or flats, chosen by the seed.
 */
export function chooseKey(request: ExerciseRequest, mode: Mode, maxFifths: number, rng: Rng): Key {
  if (request.key) return keyWithMode(request.key, mode);
  const fifths = rng.int(-maxFifths, maxFifths);
  const key = keyFromFifths(fifths, mode);
  return Math.abs(keySignatureFifths(key)) <= 7 ? key : keyFromFifths(0, mode);
}

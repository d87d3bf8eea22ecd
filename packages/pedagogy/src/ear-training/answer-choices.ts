import type { Rng } from '@cadenza/core';
import type { AnswerChoice } from './question-types.js';

/**
 * `count` choices from `pool`: the answer exactly once and `count - 1` others drawn at random, listed in
 * the pool's order (smallest interval first, triads before sevenths) so the buttons keep their places.
 */
export function pickChoices(
  rng: Rng,
  pool: readonly string[],
  answer: string,
  count: number,
  label: (id: string) => string,
): AnswerChoice[] {
  if (!pool.includes(answer)) throw new RangeError(`answer '${answer}' is not in the pool`);
  const others = rng.shuffle(pool.filter((id) => id !== answer)).slice(0, Math.max(0, count - 1));
  const chosen = new Set([answer, ...others]);
  return pool.filter((id) => chosen.has(id)).map((id) => ({ id, label: label(id) }));
}

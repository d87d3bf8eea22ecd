import { MusicError } from '@cadenza/core';

/**
 * Onset tolerance (ms either side) once the player's tempo, start and drift are taken out.
 *
 * Why these numbers: listeners hear onset asynchronies of about 20–30 ms between instruments, but a
 * student's note feels "on the beat" to a teacher well beyond that. At σ = 30 ms of honest human
 * jitter (bench:grading) a ±75 ms window flags about 2.5 % of good notes and still catches every note
 * 150 ms late; ±60 ms flags 7 %, ±90 ms lets 3.5 % of late notes pass. Beginners get more room,
 * advanced exercises less: difficulty 1 → 100 ms, 10 → 55 ms, 75 ms with no difficulty.
 */
export const DEFAULT_TOLERANCE_MS = 75;

const EASIEST_MS = 100;
const HARDEST_MS = 55;

export function timingTolerance(difficulty?: number): number {
  if (difficulty === undefined) return DEFAULT_TOLERANCE_MS;
  if (!Number.isFinite(difficulty) || difficulty < 1 || difficulty > 10) {
    throw new MusicError(`difficulty must be 1–10, got ${difficulty}`);
  }
  return Math.round(EASIEST_MS + ((HARDEST_MS - EASIEST_MS) * (difficulty - 1)) / 9);
}

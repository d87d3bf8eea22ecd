import { toNumber, type Note } from '@cadenza/core';
import type { Feel } from './arrangement-types.js';

/**
 * The feel as performance offsets; the notation stays straight. Swing: an eighth note on the second
 * half of a beat is played late so that the beat divides long:short = ratio (2.0 is the triplet feel:
 * the off-beat lands at 2/3 of the beat; 1.0 is straight). Laid-back: every note is played `delay`
 * quarter notes behind the beat. Straight: no offsets.
 */
export function applyFeel(notes: readonly Note[], feel: Feel): Note[] {
  if (feel.kind === 'straight') return [...notes];
  if (feel.kind === 'laid-back') return notes.map((n) => ({ ...n, offset: (n.offset ?? 0) + feel.delay }));
  const late = swingOffset(feel.ratio);
  return notes.map((n) => (isOffbeatEighth(n) ? { ...n, offset: (n.offset ?? 0) + late } : n));
}

/** How late (in quarter notes) a swung off-beat eighth is played: ratio/(1+ratio) − 1/2. */
export function swingOffset(ratio: number): number {
  return ratio / (1 + ratio) - 0.5;
}

/** A note starting exactly halfway through a quarter-note beat. */
function isOffbeatEighth(note: Note): boolean {
  const inBeat = toNumber(note.position) % 1;
  return Math.abs(inBeat - 0.5) < 1e-9;
}

import { measureLength, toNumber, type Note } from '@cadenza/core';
import type { ArrangeRequest, Feel } from '../../arrangement-types.js';
import { isCompound, pulsesOf } from '../../meter-grid.js';

/** "Gospel Swing" (spec: 2:3): off-beats long:short 3:2, a gentle lilt for worship and concert. */
export const GOSPEL_SWING_RATIO = 1.5;
/** "Gospel Shuffle" (spec: 12/8 feel in 4/4): full triplet swing, 2:1, for up-tempo. */
export const GOSPEL_SHUFFLE_RATIO = 2;
/** Spec "Backbeat Emphasis": beats 2 and 4 played 1.3 times as strongly. */
export const BACKBEAT_WEIGHT = 1.3;

/**
 * Practice is straight (for learning); worship and concert swing gently; up-tempo shuffles. A requested
 * ratio wins (1.0 = straight), and the cues 'straight', 'shuffle' or '12/8' override the application.
 * A compound meter (6/8, 12/8) is notated straight: its eighths are the triplets.
 */
export function gospelFeel(request: ArrangeRequest): Feel {
  // 6/8 and 12/8 are written in triplet eighths already: swinging them again would limp.
  if (isCompound(request.meter)) return { kind: 'straight' };
  const cue = (word: string) => request.styles.some((s) => s.includes(word));
  const shuffleCue = cue('shuffle') || cue('12/8');
  const label = shuffleCue || request.application.id === 'uptempo' ? 'Shuffle' : 'Swing';
  if (request.swingRatio !== undefined) {
    return request.swingRatio <= 1
      ? { kind: 'straight' }
      : { kind: 'swing', ratio: request.swingRatio, label };
  }
  if (cue('straight')) return { kind: 'straight' };
  if (shuffleCue) return { kind: 'swing', ratio: GOSPEL_SHUFFLE_RATIO, label: 'Shuffle' };
  switch (request.application.id) {
    case 'practice':
      return { kind: 'straight' };
    case 'uptempo':
      return { kind: 'swing', ratio: GOSPEL_SHUFFLE_RATIO, label: 'Shuffle' };
    default:
      return { kind: 'swing', ratio: GOSPEL_SWING_RATIO, label: 'Swing' };
  }
}

/** Up-tempo gospel (or the 'backbeat' cue) drives beats 2 and 4. */
export const wantsBackbeat = (request: ArrangeRequest): boolean =>
  request.application.id === 'uptempo' || request.styles.some((s) => s.includes('backbeat'));

/**
 * Multiplies the relative velocity of notes on beats 2 and 4 of a four-beat bar (spec: × 1.3): 4/4's
 * quarters 2 and 4, 12/8's dotted quarters 2 and 4 (eighths 4 and 10).
 */
export function emphasiseBackbeat(notes: readonly Note[], request: ArrangeRequest): Note[] {
  const pulses = pulsesOf(request.meter);
  if (pulses.length !== 4) return [...notes];
  const bar = toNumber(measureLength(request.meter));
  const backbeats = [pulses[1], pulses[3]].map((p) => (p?.start ?? -12) / 12);
  return notes.map((n) => {
    const inBar = toNumber(n.position) % bar;
    const onBackbeat = backbeats.some((b) => Math.abs(inBar - b) < 1e-9);
    return onBackbeat ? { ...n, velocity: Math.round((n.velocity ?? 80) * BACKBEAT_WEIGHT) } : n;
  });
}

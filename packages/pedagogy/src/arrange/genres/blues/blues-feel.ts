import type { ArrangeRequest, Feel } from '../../arrangement-types.js';
import { isCompound } from '../../meter-grid.js';

/** Spec "Shuffle Feel": heavy triplet-based swing, ratio 2.0–3.0, default 2.5. */
export const BLUES_SHUFFLE_RATIO = 2.5;
/**
 * Up-tempo blues: at 140–180 the heavy 2.5 shuffle would crowd the short eighth into the next beat,
 * so fast blues swings a little lighter (still inside the spec's 2.0–3.0).
 */
export const FAST_SHUFFLE_RATIO = 2.25;
/** Spec "12/8 Feel": rolling triplets, exactly 2:1. */
export const TWELVE_EIGHT_RATIO = 2;

/**
 * Shuffle and fast blues shuffle; slow blues plays even eighths (spec "Straight Blues"). A requested
 * swing ratio wins (1.0 or less = straight); the cues 'straight', '12/8' and 'shuffle' override the
 * application. In 6/8 and 12/8 the notation already carries the triplets, so the feel is straight.
 */
export function bluesFeel(request: ArrangeRequest): Feel {
  // A 12/8 (or 6/8) bar writes the triplets out: the shuffle is in the notation, played straight.
  if (isCompound(request.meter)) return { kind: 'straight' };
  const cue = (word: string) => request.styles.some((s) => s.includes(word));
  if (request.swingRatio !== undefined) {
    return request.swingRatio <= 1
      ? { kind: 'straight' }
      : { kind: 'swing', ratio: request.swingRatio, label: 'Shuffle' };
  }
  if (cue('straight')) return { kind: 'straight' };
  if (cue('12/8')) return { kind: 'swing', ratio: TWELVE_EIGHT_RATIO, label: 'Shuffle' };
  if (cue('shuffle')) return { kind: 'swing', ratio: BLUES_SHUFFLE_RATIO, label: 'Shuffle' };
  switch (request.application.id) {
    case 'slow':
      return { kind: 'straight' };
    case 'fast':
      return { kind: 'swing', ratio: FAST_SHUFFLE_RATIO, label: 'Shuffle' };
    default:
      return { kind: 'swing', ratio: BLUES_SHUFFLE_RATIO, label: 'Shuffle' };
  }
}

/** The name the lesson gives the feel: 'Shuffle' or, for even eighths, 'Straight Blues'. */
export const bluesFeelName = (feel: Feel): string => (feel.kind === 'swing' ? feel.label : 'Straight Blues');

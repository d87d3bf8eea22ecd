import type { TimeSignature } from '@cadenza/core';
import { barTwelfths } from '../../meter-grid.js';

// The genre-neutral grid lives in ../../meter-grid.ts; re-exported so classical keeps one import place.
export {
  barTwelfths,
  beatTwelfths,
  fromTwelfths,
  halfBarTwelfths,
  isCompound,
  toTwelfths,
  TWELFTHS_PER_QUARTER,
} from '../../meter-grid.js';

/**
 * Strong beats inside a bar (twelfths from the bar line): the downbeat, and the middle of a 4/4 or 12/8
 * bar, where classical phrasing feels a secondary accent.
 */
export function strongBeatsInBar(meter: TimeSignature): number[] {
  const bar = barTwelfths(meter);
  const fourFour = meter.beats === 4 && meter.beatType === 4;
  const twelveEight = meter.beats === 12 && meter.beatType === 8;
  return fourFour || twelveEight ? [0, bar / 2] : [0];
}

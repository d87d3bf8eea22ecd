import { measureLength, rat, toNumber, type Rational, type TimeSignature } from '@cadenza/core';

/** Positions inside the piece are counted in twelfths of a quarter note (the arrangement grid). */
export const TWELFTHS_PER_QUARTER = 12;

/** Twelfths as a rational number of quarter notes. */
export const fromTwelfths = (n: number): Rational => rat(n, TWELFTHS_PER_QUARTER);

/** A rational number of quarter notes as twelfths (the arrangement grid keeps it whole). */
export const toTwelfths = (r: Rational): number => Math.round(toNumber(r) * TWELFTHS_PER_QUARTER);

/** Length of one bar in twelfths. */
export const barTwelfths = (meter: TimeSignature): number => toTwelfths(measureLength(meter));

/** Compound meters (6/8, 9/8, 12/8) count in dotted quarters. */
export const isCompound = (meter: TimeSignature): boolean =>
  meter.beatType === 8 && meter.beats % 3 === 0 && meter.beats > 3;

/** The counted beat in twelfths: a dotted quarter in compound time, else the lower number's value. */
export function beatTwelfths(meter: TimeSignature): number {
  const unit = (4 / meter.beatType) * TWELFTHS_PER_QUARTER;
  return isCompound(meter) ? unit * 3 : unit;
}

/**
 * Where a bar holding two chords changes harmony: on the beat after the first half, rounded up (4/4 at
 * beat 3, 3/4 at beat 3 as 2+1, 6/8 at the second dotted quarter, 2/4 at beat 2).
 */
export function halfBarTwelfths(meter: TimeSignature): number {
  const beat = beatTwelfths(meter);
  const beats = Math.round(barTwelfths(meter) / beat);
  return Math.max(1, Math.ceil(beats / 2)) * beat;
}

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

import { measureLength, rat, toNumber, type Rational, type TimeSignature } from '@cadenza/core';

/**
 * How every genre counts a bar. Positions are kept in twelfths of a quarter note (the arrangement
 * grid); the counted beat ("pulse") is a dotted quarter in compound time (6/8, 9/8, 12/8), a quarter in
 * x/4 and x/2, and a group of two or three eighths in additive x/8 meters (5/8 = 3+2, 7/8 = 3+2+2).
 */
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

/** One counted beat of a bar, in twelfths from the bar line. */
export interface Pulse {
  /** From 0. */
  readonly index: number;
  readonly start: number;
  readonly length: number;
  /**
   * Starts a group: the downbeat, and the beats a player leans on inside the bar (4/4 and 12/8: 1 and
   * 3; 5/4 as 3+2: 1 and 4; 6/8, 3/4, 9/8: only 1). Stride bass plays its low note here.
   */
  readonly strong: boolean;
}

/** How `count` beats group: in twos, an odd count opening with a three (3, 3+2, 3+2+2). */
function groupStarts(count: number): Set<number> {
  const starts = new Set([0]);
  for (let at = count % 2 === 1 && count > 1 ? 3 : 2; at < count; at += 2) starts.add(at);
  return starts;
}

/** Additive x/8 meters as eighth groups: threes first where the count is odd (5 = 3+2, 7 = 3+2+2). */
function eighthGroups(eighths: number): number[] {
  if (eighths <= 3) return [eighths];
  const groups = eighths % 2 === 1 ? [3] : [];
  for (let left = eighths - (eighths % 2 === 1 ? 3 : 0); left > 0; left -= 2) groups.push(2);
  return groups;
}

/** The counted beats of one bar; the last beat of an odd bar (7/4 in halves) may be shorter. */
export function pulsesOf(meter: TimeSignature): Pulse[] {
  const bar = barTwelfths(meter);
  const lengths: number[] = [];
  if (meter.beatType === 8 && !isCompound(meter)) {
    for (const g of eighthGroups(meter.beats)) lengths.push(g * 6);
  } else {
    const beat = isCompound(meter) ? beatTwelfths(meter) : TWELFTHS_PER_QUARTER;
    for (let at = 0; at < bar; at += beat) lengths.push(Math.min(beat, bar - at));
  }
  const strong = groupStarts(lengths.length);
  let start = 0;
  return lengths.map((length, index) => {
    const pulse = { index, start, length, strong: strong.has(index) };
    start += length;
    return pulse;
  });
}

/** The pulse count of a bar (2 in 6/8, 4 in 12/8 and 4/4, 5 in 5/4). */
export const pulsesPerBar = (meter: TimeSignature): number => pulsesOf(meter).length;

/**
 * Note values: which written type and dots a length in quarter notes needs, how a length that no
 * single note can show is split into tied values, and the tuplet ratio a length belongs to.
 */
import { add, div, eq, gt, lte, mul, rat, sub, ZERO, type Rational } from '@cadenza/core';

/** MusicXML note types by written length in quarter notes, longest first. */
const TYPES: readonly (readonly [Rational, string])[] = [
  [rat(16), 'long'],
  [rat(8), 'breve'],
  [rat(4), 'whole'],
  [rat(2), 'half'],
  [rat(1), 'quarter'],
  [rat(1, 2), 'eighth'],
  [rat(1, 4), '16th'],
  [rat(1, 8), '32nd'],
  [rat(1, 16), '64th'],
  [rat(1, 32), '128th'],
  [rat(1, 64), '256th'],
  [rat(1, 128), '512th'],
  [rat(1, 256), '1024th'],
];

/** Beams a note type carries: eighth 1, 16th 2 … (0 for quarter and longer). */
export function beamCount(type: string): number {
  const i = TYPES.findIndex(([, t]) => t === type);
  return i < 5 ? 0 : i - 4;
}

export interface NoteValue {
  /** MusicXML type name: 'quarter', 'eighth', '16th' … */
  readonly type: string;
  readonly dots: number;
}

const MAX_DOTS = 2;

/** The single written value of a length in quarter notes (dots allowed), or undefined if it needs ties. */
export function noteValueOf(written: Rational): NoteValue | undefined {
  for (let dots = 0; dots <= MAX_DOTS; dots++) {
    // A value with k dots lasts base × (2^(k+1) − 1) / 2^k.
    const base = div(mul(written, rat(2 ** dots)), rat(2 ** (dots + 1) - 1));
    const found = TYPES.find(([len]) => eq(len, base));
    if (found) return { type: found[1], dots };
  }
  return undefined;
}

/** Splits a binary written length into values that tie together, longest first (5/4 → 1 + 1/4). */
export function splitWritten(written: Rational): Rational[] {
  const pieces: Rational[] = [];
  let left = written;
  while (gt(left, ZERO)) {
    const entry = TYPES.find(([len]) => lte(len, left));
    if (!entry) throw new RangeError(`a length of ${left.n}/${left.d} quarter notes is too short to write`);
    let piece = entry[0];
    let dot = div(entry[0], rat(2));
    for (let d = 0; d < MAX_DOTS && lte(add(piece, dot), left); d++) {
      piece = add(piece, dot);
      dot = div(dot, rat(2));
    }
    pieces.push(piece);
    left = sub(left, piece);
  }
  return pieces;
}

export function isPowerOfTwo(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}

/** True when a length or position needs no tuplet: its denominator is a power of two. */
export const isBinary = (r: Rational): boolean => isPowerOfTwo(r.d);

function gcd(a: number, b: number): number {
  return b === 0 ? Math.abs(a) : gcd(b, a % b);
}

export const lcm = (a: number, b: number): number => (a / gcd(a, b)) * b;

function oddPart(n: number): number {
  let x = n;
  while (x % 2 === 0) x /= 2;
  return x;
}

/** The tuplet factor of some positions and lengths: 3 for triplets, 5 for quintuplets, 1 for none. */
export function tupletFactor(values: readonly Rational[]): number {
  return values.reduce((f, v) => lcm(f, oddPart(v.d)), 1);
}

export interface TupletRatio {
  /** Notes played… */
  readonly actual: number;
  /** …in the time of this many: 3:2 for triplets, 5:4 for quintuplets. */
  readonly normal: number;
}

/** The usual ratio for a factor: the largest power of two below it is the normal count. */
export function tupletRatio(factor: number): TupletRatio {
  let normal = 1;
  while (normal * 2 < factor) normal *= 2;
  return { actual: factor, normal };
}

/** Written length of an actual length under a tuplet ratio (a triplet eighth, 1/3, is written 1/2). */
export function writtenLength(actual: Rational, ratio: TupletRatio | undefined): Rational {
  return ratio ? mul(actual, rat(ratio.actual, ratio.normal)) : actual;
}

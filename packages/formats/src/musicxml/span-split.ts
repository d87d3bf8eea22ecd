/**
 * Cuts a note or rest span inside one measure into lengths that single written notes can show.
 * Offsets are quarter notes from the measure start; `shift` moves them onto the bar's beat grid
 * (a one-beat pickup in 4/4 starts on beat 4, so its shift is 3).
 */
import { add, div, floor, gt, isInteger, lte, mul, rat, sub, type Rational } from '@cadenza/core';
import {
  isBinary,
  lcm,
  noteValueOf,
  splitWritten,
  tupletFactor,
  tupletRatio,
  writtenLength,
  type TupletRatio,
} from './note-values.js';

/** The bar's beat grid, for grouping rests and beams the way musicians read them. */
export interface BeatGrid {
  /** Felt beat in quarter notes: 1 in 4/4, 3/2 in 6/8. */
  readonly beat: Rational;
  readonly compound: boolean;
  /** Added to a measure offset to place it in a full bar (non-zero only for a pickup). */
  readonly shift: Rational;
}

export interface Piece {
  readonly offset: Rational;
  readonly duration: Rational;
}

/** The tuplet ratio a span needs from its own position and length, if any. */
export function ownRatio(offset: Rational, duration: Rational): TupletRatio | undefined {
  const f = tupletFactor([offset, duration]);
  return f > 1 ? tupletRatio(f) : undefined;
}

function isSingleValue(offset: Rational, duration: Rational): boolean {
  return noteValueOf(writtenLength(duration, ownRatio(offset, duration))) !== undefined;
}

/** Unit of the power-of-two part of a denominator: 1/3 → 1, 5/6 → 1/2. */
const binaryUnit = (r: Rational): Rational => rat(1, r.d & -r.d);

/** The first position at or after `r` that needs no tuplet. */
function nextBinary(r: Rational): Rational {
  const u = binaryUnit(r);
  return mul(rat(-floor(div(rat(-r.n, r.d), u))), u);
}

/** The last position at or before `r` that needs no tuplet. */
function prevBinary(r: Rational): Rational {
  const u = binaryUnit(r);
  return mul(rat(floor(div(r, u))), u);
}

/** Pieces of a tuplet (or odd binary) span, longest written values first. */
function splitByValues(offset: Rational, duration: Rational): Piece[] {
  const ratio = ownRatio(offset, duration);
  const pieces: Piece[] = [];
  let at = offset;
  for (const w of splitWritten(writtenLength(duration, ratio))) {
    const d = ratio ? mul(w, rat(ratio.normal, ratio.actual)) : w;
    pieces.push({ offset: at, duration: d });
    at = add(at, d);
  }
  return pieces;
}

/**
 * Splits [start, end) into a tuplet head up to the first tuplet-free position, a tuplet-free
 * middle and a tuplet tail, then each with `middle` (binary) or by written values (tuplets).
 */
function splitAtBinaryPoints(
  start: Rational,
  end: Rational,
  middle: (a: Rational, b: Rational) => Piece[],
): Piece[] {
  const p = isBinary(start) ? start : nextBinary(start);
  const q = isBinary(end) ? end : prevBinary(end);
  if (!lte(p, q)) return splitByValues(start, sub(end, start));
  const out: Piece[] = [];
  if (gt(p, start)) out.push(...splitByValues(start, sub(p, start)));
  if (gt(q, p)) out.push(...middle(p, q));
  if (gt(end, q)) out.push(...splitByValues(q, sub(end, q)));
  return out;
}

/** Pieces of a sounding note: one note when a single value fits, else tied values. */
export function splitNoteSpan(offset: Rational, duration: Rational): Piece[] {
  if (isSingleValue(offset, duration)) return [{ offset, duration }];
  return splitAtBinaryPoints(offset, add(offset, duration), (a, b) => splitByValues(a, sub(b, a)));
}

/** Pieces of a rest: one rest inside a tuplet when it fits, else rests that respect the beats. */
export function splitRestSpan(offset: Rational, duration: Rational, grid: BeatGrid): Piece[] {
  const end = add(offset, duration);
  if ((!isBinary(offset) || !isBinary(end)) && isSingleValue(offset, duration)) return [{ offset, duration }];
  return splitAtBinaryPoints(offset, end, (a, b) => alignedRests(a, b, grid));
}

const CANDIDATES: readonly Rational[] = [
  16,
  12,
  8,
  6,
  4,
  3,
  2,
  3 / 2,
  1,
  3 / 4,
  1 / 2,
  3 / 8,
  1 / 4,
  3 / 16,
  1 / 8,
]
  .map((x) => (Number.isInteger(x) ? rat(x) : rat(Math.round(x * 16), 16)))
  .concat([rat(1, 16), rat(1, 32), rat(1, 64), rat(1, 128), rat(1, 256)]);

const isDotted = (l: Rational): boolean => l.n % 3 === 0;

/** Whether a rest of length `l` at bar position `at` (grid-shifted) reads well. */
function fitsBeats(at: Rational, l: Rational, grid: BeatGrid): boolean {
  if (!isInteger(div(at, l))) return false;
  const onBeat = isInteger(div(at, grid.beat));
  if (gt(l, grid.beat)) return onBeat && isInteger(div(l, grid.beat)) && isDotted(l) === grid.compound;
  const beatEnd = mul(rat(floor(div(at, grid.beat)) + 1), grid.beat);
  return lte(add(at, l), beatEnd);
}

/**
 * Binary rests, each aligned to its own length and not crossing a beat unless it spans whole beats.
 * Every piece ends on the grid of the gap's ends and the beats, so the divisions chosen for the
 * notes (which include the beat) can count every rest.
 */
function alignedRests(start: Rational, end: Rational, grid: BeatGrid): Piece[] {
  const out: Piece[] = [];
  const unit = rat(1, lcm(lcm(add(start, grid.shift).d, add(end, grid.shift).d), grid.beat.d));
  let at = start;
  while (gt(end, at)) {
    const left = sub(end, at);
    const bar = add(at, grid.shift);
    const fits = (l: Rational): boolean => lte(l, left) && isInteger(div(add(bar, l), unit));
    const l =
      CANDIDATES.find((c) => fits(c) && fitsBeats(bar, c, grid)) ??
      CANDIDATES.find((c) => fits(c) && !isDotted(c) && isInteger(div(bar, c))) ??
      CANDIDATES.find((c) => fits(c) && !isDotted(c));
    if (!l) throw new RangeError(`cannot write a rest of ${left.n}/${left.d} quarter notes`);
    out.push({ offset: at, duration: l });
    at = add(at, l);
  }
  return out;
}

import { maximumMatching } from './maximum-matching.js';
import type { NoteEvent } from './note-event.js';

/** Tolerances of note matching; the defaults are mir_eval's (MIREX) values. */
export interface MatchOptions {
  /** Largest onset difference that still matches, in seconds (default 0.05). */
  readonly onsetTolerance?: number;
  /** Largest pitch difference that still matches, in cents (default 50). */
  readonly pitchTolerance?: number;
  /** Offset tolerance as a fraction of the reference note's duration (default 0.2). */
  readonly offsetRatio?: number;
  /** Smallest offset tolerance, in seconds (default 0.05). */
  readonly offsetMinTolerance?: number;
  /** Use `<` instead of `≤` at every tolerance (default false). */
  readonly strict?: boolean;
}

export interface MatchNotesOptions extends MatchOptions {
  /** Also require the offsets to agree (default true); without it onset + pitch decide. */
  readonly withOffsets?: boolean;
}

/** A matched pair: index into the reference list, index into the estimate list. */
export type NotePair = readonly [refIndex: number, estIndex: number];

/**
 * Time distances are rounded to 4 decimals (half to even, like numpy) before they meet a
 * tolerance, so that 0.15 − 0.10 counts as 0.05 s and not 0.05000000000000002 s.
 */
function roundedDistance(a: number, b: number): number {
  const scaled = Math.abs(a - b) * 10000;
  const floor = Math.floor(scaled);
  const rest = scaled - floor;
  const rounded = rest > 0.5 ? floor + 1 : rest < 0.5 ? floor : floor % 2 === 0 ? floor : floor + 1;
  return rounded / 10000;
}

function centsBetween(aHz: number, bHz: number): number {
  return Math.abs(1200 * (Math.log2(aHz) - Math.log2(bHz)));
}

type PairTest = (ref: NoteEvent, est: NoteEvent) => boolean;

function within(strict: boolean): (distance: number, tolerance: number) => boolean {
  return strict ? (d, t) => d < t : (d, t) => d <= t;
}

function onsetTest(options: MatchOptions): PairTest {
  const ok = within(options.strict ?? false);
  const tolerance = options.onsetTolerance ?? 0.05;
  return (r, e) => ok(roundedDistance(r.onset, e.onset), tolerance);
}

function pitchTest(options: MatchOptions): PairTest {
  const ok = within(options.strict ?? false);
  const tolerance = options.pitchTolerance ?? 50;
  return (r, e) => ok(centsBetween(r.pitchHz, e.pitchHz), tolerance);
}

function offsetTest(options: MatchOptions): PairTest {
  const ok = within(options.strict ?? false);
  const ratio = options.offsetRatio ?? 0.2;
  const minimum = options.offsetMinTolerance ?? 0.05;
  return (r, e) =>
    ok(roundedDistance(r.offset, e.offset), Math.max(ratio * Math.abs(r.offset - r.onset), minimum));
}

/** The maximum matching over all pairs that pass every test, sorted by reference index. */
function matchWhere(
  ref: readonly NoteEvent[],
  est: readonly NoteEvent[],
  tests: readonly PairTest[],
): NotePair[] {
  // Estimate → allowed references; keys in first-seen order scanning reference rows (see
  // maximumMatching for why the order matters).
  const adjacency = new Map<number, number[]>();
  ref.forEach((r, i) => {
    est.forEach((e, j) => {
      if (!tests.every((test) => test(r, e))) return;
      const refs = adjacency.get(j);
      if (refs) refs.push(i);
      else adjacency.set(j, [i]);
    });
  });
  const pairs: NotePair[] = [...maximumMatching(adjacency)];
  return pairs.sort((a, b) => a[0] - b[0]);
}

/**
 * Matches estimated notes to reference notes one-to-one, as many as possible: a pair may match when
 * the onsets are within `onsetTolerance`, the pitches within `pitchTolerance` cents and (with
 * offsets) the offsets within max(`offsetRatio` × reference duration, `offsetMinTolerance`).
 */
export function matchNotes(
  ref: readonly NoteEvent[],
  est: readonly NoteEvent[],
  options: MatchNotesOptions = {},
): NotePair[] {
  const tests = [onsetTest(options), pitchTest(options)];
  if (options.withOffsets ?? true) tests.push(offsetTest(options));
  return matchWhere(ref, est, tests);
}

/** Matches by onset alone (pitch and offset ignored). */
export function matchNoteOnsets(
  ref: readonly NoteEvent[],
  est: readonly NoteEvent[],
  options: MatchOptions = {},
): NotePair[] {
  return matchWhere(ref, est, [onsetTest(options)]);
}

/** Matches by offset alone (onset and pitch ignored). */
export function matchNoteOffsets(
  ref: readonly NoteEvent[],
  est: readonly NoteEvent[],
  options: MatchOptions = {},
): NotePair[] {
  return matchWhere(ref, est, [offsetTest(options)]);
}

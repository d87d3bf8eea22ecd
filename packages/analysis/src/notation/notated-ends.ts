/**
 * Where each note of one staff ends in the notation. A note is cut at the next onset of its staff
 * (overlaps cleaned), stretched to it when the performed gap is under one grid step (legato closed), and
 * otherwise ends at its own end snapped to the grid, at least one grid step long; so only real gaps
 * become rests. The staff's last note ends on the nearest whole beat. Notes starting together (a chord) end together, at the latest of their ends.
 */
import { add, compare, gt, lt, max, min, rat, type Rational } from '@cadenza/core';
import { snapToGrid, stepAt, type GridChoice } from './beat-grid.js';

export interface PlacedNote {
  /** Notated onset in beats from the origin. */
  readonly start: Rational;
  /** Performed onset and end in beats from the origin. */
  readonly onsetBeat: number;
  readonly endBeat: number;
}

const key = (r: Rational): string => `${r.n}/${r.d}`;

/** Notated end (in beats) of each note of one staff, in input order. */
export function notatedEnds(notes: readonly PlacedNote[], grids: GridChoice): Rational[] {
  const starts = [...new Map(notes.map((n) => [key(n.start), n.start])).values()].sort(compare);
  const earliestOnset = new Map<string, number>();
  for (const n of notes) {
    const k = key(n.start);
    earliestOnset.set(k, Math.min(earliestOnset.get(k) ?? Infinity, n.onsetBeat));
  }
  const ends = notes.map((n) => {
    const next = starts.find((s) => gt(s, n.start));
    const step = stepAt(grids, n.onsetBeat);
    const shortest = add(n.start, step);
    // The last note rings out into silence: its end is loose, so it ends on a whole beat (no tuplet or
    // odd dotted value made from a release tail).
    if (next === undefined) return max(rat(Math.max(0, Math.round(n.endBeat))), shortest);
    const nextOnset = earliestOnset.get(key(next)) ?? Infinity;
    const gapStep = stepAt(grids, n.endBeat);
    if (n.endBeat > nextOnset - gapStep.n / gapStep.d) return next;
    return min(max(snapToGrid(grids, n.endBeat), shortest), next);
  });
  const chordEnd = new Map<string, Rational>();
  notes.forEach((n, i) => {
    const k = key(n.start);
    const end = ends[i] as Rational;
    const sofar = chordEnd.get(k);
    if (sofar === undefined || lt(sofar, end)) chordEnd.set(k, end);
  });
  return notes.map((n) => chordEnd.get(key(n.start)) as Rational);
}

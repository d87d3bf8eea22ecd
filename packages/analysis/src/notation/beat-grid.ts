/**
 * The rhythmic grid of each beat. A beat is divided into sixteenths (4 per quarter-note beat; 6 per
 * dotted-quarter beat in 6/8) unless the alternative — eighth triplets (3), or duplets (4) in 6/8 —
 * places the beat's onsets and free note ends with less total error, by more than a small penalty.
 * So triplets and dotted rhythms appear where the playing put them, not ties of sixteenths.
 */
import { rat, type Rational } from '@cadenza/core';

export interface GridChoice {
  /** The usual division of a beat (4 simple, 6 compound) and the alternative (3 simple, 4 compound). */
  readonly normal: number;
  readonly alternative: number;
  /** Divisions per beat, by beat index; beats not listed use `normal`. */
  readonly byBeat: ReadonlyMap<number, number>;
}

export interface TimePoint {
  /** Position in beats from the score origin (fractional). */
  readonly beat: number;
  /** How much its placement counts: 1 for onsets, less for note ends. */
  readonly weight: number;
}

const gridError = (frac: number, divisions: number): number =>
  Math.abs(frac * divisions - Math.round(frac * divisions)) / divisions;

/** Chooses each beat's division from the points that fall in it. */
export function chooseGrids(points: readonly TimePoint[], compound: boolean, penalty: number): GridChoice {
  const normal = compound ? 6 : 4;
  const alternative = compound ? 4 : 3;
  const perBeat = new Map<number, { normal: number; alternative: number }>();
  for (const p of points) {
    const k = Math.floor(p.beat);
    const frac = p.beat - k;
    const cost = perBeat.get(k) ?? { normal: 0, alternative: 0 };
    cost.normal += p.weight * gridError(frac, normal);
    cost.alternative += p.weight * gridError(frac, alternative);
    perBeat.set(k, cost);
  }
  const byBeat = new Map<number, number>();
  for (const [k, cost] of perBeat) {
    if (cost.alternative + penalty < cost.normal) byBeat.set(k, alternative);
  }
  return { normal, alternative, byBeat };
}

export const divisionsAt = (grids: GridChoice, beat: number): number =>
  grids.byBeat.get(Math.floor(beat)) ?? grids.normal;

/** A position in beats snapped to its beat's grid, as an exact number of beats. */
export function snapToGrid(grids: GridChoice, beat: number): Rational {
  const k = Math.floor(beat);
  const divisions = divisionsAt(grids, beat);
  return rat(k * divisions + Math.round((beat - k) * divisions), divisions);
}

/** One grid step, in beats, at a position. */
export const stepAt = (grids: GridChoice, beat: number): Rational => rat(1, divisionsAt(grids, beat));

/**
 * Seconds → beat index through tracked beat times: piecewise linear between beats, extrapolated at the
 * first and last beat period, so tempo drift the tracker followed leaves no trace in the notation.
 */
import { MusicError } from '@cadenza/core';

export interface BeatMap {
  /** Beat index (0 = `beats[0]`, fractional between beats) of a time in seconds. */
  readonly beatAt: (time: number) => number;
  /** Seconds between consecutive beats. */
  readonly periods: readonly number[];
}

export function beatMap(beats: readonly number[]): BeatMap {
  if (beats.length < 2) throw new MusicError(`notation needs at least two beat times, got ${beats.length}`);
  const periods: number[] = [];
  for (let i = 1; i < beats.length; i++) {
    const period = (beats[i] as number) - (beats[i - 1] as number);
    if (!(period > 0)) throw new MusicError(`beat times must increase: beat ${i} is at ${beats[i]} s`);
    periods.push(period);
  }
  const first = beats[0] as number;
  const last = beats[beats.length - 1] as number;
  const beatAt = (time: number): number => {
    if (time <= first) return (time - first) / (periods[0] as number);
    if (time >= last) return beats.length - 1 + (time - last) / (periods[periods.length - 1] as number);
    let lo = 0;
    let hi = beats.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((beats[mid] as number) <= time) lo = mid;
      else hi = mid;
    }
    return lo + (time - (beats[lo] as number)) / (periods[lo] as number);
  };
  return { beatAt, periods };
}

/**
 * A tempo curve that follows drift: the beat period re-estimated in sliding windows, searched only
 * within a third of an octave of the global period so that it never jumps to a tempo octave.
 */
import { autocorrelate, parabolicPeak } from './autocorrelation.js';

export interface LocalTempoOptions {
  /** Analysis window, seconds (default 8). */
  readonly windowSeconds?: number;
  /** Step between windows, seconds (default 1). */
  readonly hopSeconds?: number;
  /** How far the local period may stray from the global one, as a ratio (default 1.3). */
  readonly maxRatio?: number;
}

/**
 * The beat period in frames at every frame of the envelope, starting from `globalPeriod` (frames).
 * Windows with no periodicity keep the global period; between window centres it is linear.
 */
export function localPeriods(
  envelope: Float64Array,
  frameRate: number,
  globalPeriod: number,
  options: LocalTempoOptions = {},
): Float64Array {
  const n = envelope.length;
  const periods = new Float64Array(n).fill(globalPeriod);
  const window = Math.max(Math.round((options.windowSeconds ?? 8) * frameRate), Math.ceil(4 * globalPeriod));
  const hop = Math.max(1, Math.round((options.hopSeconds ?? 1) * frameRate));
  const maxRatio = options.maxRatio ?? 1.3;
  if (n <= window) return periods;

  const loLag = Math.max(2, Math.floor(globalPeriod / maxRatio));
  const hiLag = Math.ceil(globalPeriod * maxRatio);
  const centres: number[] = [];
  const values: number[] = [];
  for (let centre = Math.floor(window / 2); centre - window / 2 < n; centre += hop) {
    const from = Math.max(0, Math.min(n - window, centre - Math.floor(window / 2)));
    const ac = autocorrelate(envelope, hiLag + 1, from, from + window);
    let bestLag = -1;
    let bestScore = 0;
    for (let lag = loLag; lag <= hiLag; lag++) {
      const v = ac[lag] as number;
      if (v <= 0 || v < (ac[lag - 1] as number) || v < (ac[lag + 1] as number)) continue;
      // A mild pull towards the global period breaks ties between neighbouring peaks.
      const d = Math.log2(lag / globalPeriod) / 0.25;
      const score = v * Math.exp(-0.5 * d * d);
      if (score > bestScore) {
        bestScore = score;
        bestLag = lag;
      }
    }
    centres.push(Math.min(centre, n - 1));
    values.push(bestLag < 0 ? globalPeriod : parabolicPeak(ac, bestLag).position);
    if (centre >= n - 1) break;
  }
  const smooth = values.map((_, i) => median3(values[i - 1], values[i] as number, values[i + 1]));
  for (let i = 0; i < n; i++) periods[i] = interpolate(centres, smooth, i);
  return periods;
}

function median3(a: number | undefined, b: number, c: number | undefined): number {
  if (a === undefined || c === undefined) return b;
  return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
}

function interpolate(xs: readonly number[], ys: readonly number[], x: number): number {
  const first = xs[0] as number;
  if (x <= first) return ys[0] as number;
  for (let i = 1; i < xs.length; i++) {
    const x1 = xs[i] as number;
    if (x <= x1) {
      const x0 = xs[i - 1] as number;
      const y0 = ys[i - 1] as number;
      return y0 + ((x - x0) / (x1 - x0)) * ((ys[i] as number) - y0);
    }
  }
  return ys[ys.length - 1] as number;
}

/**
 * Autocorrelation of one stretch of an onset-strength envelope, the periodicity measure behind the
 * tempo estimate and the local tempo curve.
 */

/**
 * Mean-removed autocorrelation of `envelope[from, to)` for lags 0…maxLag (frames), each lag divided by
 * its number of overlapping products (so long lags are not penalised for overlapping less) and then by
 * lag 0, so a perfectly periodic stretch scores 1 at its period. An empty or flat stretch gives zeros.
 */
export function autocorrelate(
  envelope: Float64Array,
  maxLag: number,
  from = 0,
  to = envelope.length,
): Float64Array {
  const n = to - from;
  const ac = new Float64Array(maxLag + 1);
  if (n <= 1) return ac;
  let mean = 0;
  for (let i = from; i < to; i++) mean += envelope[i] as number;
  mean /= n;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = (envelope[from + i] as number) - mean;
  for (let lag = 0; lag <= maxLag && lag < n; lag++) {
    let sum = 0;
    for (let i = lag; i < n; i++) sum += (x[i] as number) * (x[i - lag] as number);
    ac[lag] = sum / (n - lag);
  }
  const zero = ac[0] as number;
  if (zero <= 0) return new Float64Array(maxLag + 1);
  for (let lag = 0; lag <= maxLag; lag++) ac[lag] = (ac[lag] as number) / zero;
  return ac;
}

/**
 * Vertex of the parabola through (i-1, i, i+1): the sub-frame position and height of a peak at index i.
 * At the edges, or when the three points are not concave, it returns the sample itself.
 */
export function parabolicPeak(values: ArrayLike<number>, i: number): { position: number; value: number } {
  const y0 = values[i - 1];
  const y1 = values[i] as number;
  const y2 = values[i + 1];
  if (y0 === undefined || y2 === undefined) return { position: i, value: y1 };
  const denominator = y0 - 2 * y1 + y2;
  if (denominator >= 0) return { position: i, value: y1 };
  const offset = (0.5 * (y0 - y2)) / denominator;
  return { position: i + offset, value: y1 - 0.25 * (y0 - y2) * offset };
}

/** Largest value of `values` over indices [centre - radius, centre + radius], clamped to the array. */
export function maxAround(values: ArrayLike<number>, centre: number, radius: number): number {
  const lo = Math.max(0, Math.floor(centre - radius));
  const hi = Math.min(values.length - 1, Math.ceil(centre + radius));
  let best = -Infinity;
  for (let i = lo; i <= hi; i++) best = Math.max(best, values[i] as number);
  return best;
}

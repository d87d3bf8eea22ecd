import { designKernel, type PolyphaseKernel, type ResampleQuality } from './resample-kernel.js';

export { RESAMPLE_QUALITY, type ResampleQuality } from './resample-kernel.js';

/** Largest interpolation factor handled with one exact filter phase per output phase. */
const MAX_EXACT_PHASES = 1024;
/** Phases in the table used for ratios that are not small rationals (interpolated linearly). */
const INTERPOLATED_PHASES = 1024;

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

function checkRate(name: string, rate: number): void {
  if (!Number.isFinite(rate) || rate <= 0) {
    throw new RangeError(`resample: ${name} must be a positive number of Hz, got ${rate}`);
  }
}

/**
 * Weighted sum of `taps` inputs from `start` with one kernel row, treating samples outside as 0. Inside
 * the signal it keeps four running sums (the products are the same; only the order of the additions
 * differs, by rounding), so the additions do not wait on each other: the resampler's inner loop.
 */
function dot(x: Float32Array, start: number, rows: Float64Array, row: number, taps: number): number {
  if (start >= 0 && start + taps <= x.length) {
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    let i = 0;
    for (; i + 3 < taps; i += 4) {
      const s = start + i;
      const r = row + i;
      a0 += (x[s] as number) * (rows[r] as number);
      a1 += (x[s + 1] as number) * (rows[r + 1] as number);
      a2 += (x[s + 2] as number) * (rows[r + 2] as number);
      a3 += (x[s + 3] as number) * (rows[r + 3] as number);
    }
    for (; i < taps; i++) a0 += (x[start + i] as number) * (rows[row + i] as number);
    return a0 + a1 + (a2 + a3);
  }
  let acc = 0;
  const from = Math.max(0, -start);
  const to = Math.min(taps, x.length - start);
  for (let i = from; i < to; i++) acc += (x[start + i] as number) * (rows[row + i] as number);
  return acc;
}

/**
 * Integer decimation (one phase, output j at input j·down): the single kernel row is symmetric about its
 * centre tap (t ↔ −t, and the last tap, at the window's edge, is 0), so mirrored inputs are added before
 * one multiply — half the products of `dot`. Outputs whose taps overhang the signal use `dot`.
 */
function decimate(x: Float32Array, out: Float32Array, k: PolyphaseKernel, down: number): void {
  const { half, taps, rows } = k;
  for (let j = 0; j < out.length; j++) {
    const centre = j * down;
    if (centre - half + 1 < 0 || centre + half > x.length) {
      out[j] = dot(x, centre - half + 1, rows, 0, taps);
      continue;
    }
    // rows[half - 1] is the centre tap; rows[half - 1 - m] = rows[half - 1 + m].
    let a0 = (x[centre] as number) * (rows[half - 1] as number);
    let a1 = 0;
    let m = 1;
    for (; m + 1 < half; m += 2) {
      a0 += ((x[centre - m] as number) + (x[centre + m] as number)) * (rows[half - 1 - m] as number);
      a1 += ((x[centre - m - 1] as number) + (x[centre + m + 1] as number)) * (rows[half - 2 - m] as number);
    }
    for (; m < half; m++) {
      a0 += ((x[centre - m] as number) + (x[centre + m] as number)) * (rows[half - 1 - m] as number);
    }
    out[j] = a0 + a1;
  }
}

/** Exact polyphase path: output j sits at input position j·M/L, with L ≤ MAX_EXACT_PHASES. */
function resampleRational(
  x: Float32Array,
  out: Float32Array,
  k: PolyphaseKernel,
  up: number,
  down: number,
): void {
  const { half, taps, rows } = k;
  let base = 0;
  let phase = 0;
  for (let j = 0; j < out.length; j++) {
    out[j] = dot(x, base - half + 1, rows, phase * taps, taps);
    phase += down;
    if (phase >= up) {
      base += Math.floor(phase / up);
      phase %= up;
    }
  }
}

/** Arbitrary-ratio path: fractional positions, linear interpolation between neighbouring phases. */
function resampleArbitrary(x: Float32Array, out: Float32Array, k: PolyphaseKernel, ratio: number): void {
  const { half, taps, rows, phases } = k;
  for (let j = 0; j < out.length; j++) {
    const pos = j * ratio;
    const base = Math.floor(pos);
    const scaled = (pos - base) * phases;
    const p = Math.min(phases - 1, Math.floor(scaled));
    const a = scaled - p;
    const start = base - half + 1;
    const y0 = dot(x, start, rows, p * taps, taps);
    const y1 = dot(x, start, rows, (p + 1) * taps, taps);
    out[j] = y0 + a * (y1 - y0);
  }
}

/**
 * Band-limited resampling by windowed-sinc interpolation (Kaiser window). Output sample j is the
 * input evaluated at time j / toRate, so there is no group delay: a click at input sample i lands at
 * output sample i·toRate/fromRate. Everything above 0.5 × min(rates) is removed before it can alias.
 * Output length is round(n × toRate / fromRate). Equal rates return a copy.
 */
export function resample(
  samples: Float32Array,
  fromRate: number,
  toRate: number,
  quality: ResampleQuality = 'standard',
): Float32Array {
  checkRate('fromRate', fromRate);
  checkRate('toRate', toRate);
  if (fromRate === toRate) return samples.slice();
  const out = new Float32Array(Math.round((samples.length * toRate) / fromRate));
  if (Number.isInteger(fromRate) && Number.isInteger(toRate)) {
    const g = gcd(fromRate, toRate);
    const up = toRate / g;
    const down = fromRate / g;
    if (up === 1) {
      decimate(samples, out, designKernel(fromRate, toRate, quality, 1), down);
      return out;
    }
    if (up <= MAX_EXACT_PHASES) {
      resampleRational(samples, out, designKernel(fromRate, toRate, quality, up), up, down);
      return out;
    }
  }
  const kernel = designKernel(fromRate, toRate, quality, INTERPOLATED_PHASES);
  resampleArbitrary(samples, out, kernel, fromRate / toRate);
  return out;
}

import { fft, nextPowerOfTwo } from '../signal/fft.js';

/**
 * Cross-correlations c(τ) = Σ_{j<length} x[s+j]·x[s+j+τ], τ = 0…maxLag, of a segment with the signal
 * after it (zero outside the signal), by FFT. Two segments share each transform: the forward FFT packs
 * a segment (real part) with the segment-plus-lags (imaginary part), the inverse packs the two
 * segments' correlations, both real, as real and imaginary parts.
 */
export interface SegmentCorrelator {
  readonly length: number;
  readonly maxLag: number;
  /** Fills `outA` (and `outB` when `startB` is given) with c(τ), τ = 0…maxLag, of the segments at those samples. */
  pair(samples: Float32Array, startA: number, outA: Float64Array, startB?: number, outB?: Float64Array): void;
}

export function createSegmentCorrelator(length: number, maxLag: number): SegmentCorrelator {
  const span = length + maxLag;
  const size = nextPowerOfTwo(span);
  const reA = new Float64Array(size);
  const imA = new Float64Array(size);
  const reB = new Float64Array(size);
  const imB = new Float64Array(size);
  const pr = new Float64Array(size);
  const pi = new Float64Array(size);

  const load = (x: Float32Array, start: number, re: Float64Array, im: Float64Array): void => {
    re.fill(0);
    im.fill(0);
    if (start >= 0 && start + span <= x.length) {
      for (let j = 0; j < length; j++) re[j] = x[start + j] as number;
      for (let j = 0; j < span; j++) im[j] = x[start + j] as number;
    } else {
      for (let j = 0; j < span; j++) {
        const k = start + j;
        const v = k >= 0 && k < x.length ? (x[k] as number) : 0;
        if (j < length) re[j] = v;
        im[j] = v;
      }
    }
    fft(re, im);
  };

  // From Z = FFT(a + i·b): A_k = (Z_k + conj Z_{−k}) / 2, B_k = (Z_k − conj Z_{−k}) / 2i; the
  // correlation's spectrum is conj(A_k)·B_k. `rotate` adds it times i (the second segment's slot).
  const spectrum = (re: Float64Array, im: Float64Array, rotate: boolean): void => {
    for (let k = 0; k < size; k++) {
      const n = k === 0 ? 0 : size - k;
      const zr = re[k] as number;
      const zi = im[k] as number;
      const nr = re[n] as number;
      const ni = im[n] as number;
      const ar = (zr + nr) * 0.5;
      const ai = (zi - ni) * 0.5;
      const br = (zi + ni) * 0.5;
      const bi = (nr - zr) * 0.5;
      const cr = ar * br + ai * bi;
      const ci = ar * bi - ai * br;
      if (rotate) {
        pr[k] = (pr[k] as number) - ci;
        pi[k] = (pi[k] as number) + cr;
      } else {
        pr[k] = cr;
        pi[k] = ci;
      }
    }
  };

  return {
    length,
    maxLag,
    pair(samples, startA, outA, startB, outB) {
      load(samples, startA, reA, imA);
      spectrum(reA, imA, false);
      const second = startB !== undefined && outB !== undefined;
      if (second) {
        load(samples, startB, reB, imB);
        spectrum(reB, imB, true);
      }
      fft(pr, pi, true);
      for (let tau = 0; tau <= maxLag; tau++) outA[tau] = pr[tau] as number;
      if (second) for (let tau = 0; tau <= maxLag; tau++) outB[tau] = pi[tau] as number;
    },
  };
}

/**
 * The YIN difference function d(τ) = Σ_{j<W} (x[s+j] − x[s+j+τ])² = e(0) + e(τ) − 2·c(τ), τ = 1…maxLag,
 * from the frame's correlation `corr` (overwritten with d). `prefix` is scratch of length W + maxLag + 1.
 * Index 0 receives the window's energy Σx² instead of d(0), which is 0 by definition.
 */
export function differenceFromCorrelation(
  x: Float32Array,
  start: number,
  window: number,
  corr: Float64Array,
  prefix: Float64Array,
): void {
  const maxLag = corr.length - 1;
  const span = window + maxLag;
  let acc = 0;
  prefix[0] = 0;
  for (let j = 0; j < span; j++) {
    const k = start + j;
    const v = k >= 0 && k < x.length ? (x[k] as number) : 0;
    acc += v * v;
    prefix[j + 1] = acc;
  }
  const e0 = prefix[window] as number;
  corr[0] = e0;
  for (let tau = 1; tau <= maxLag; tau++) {
    const et = (prefix[tau + window] as number) - (prefix[tau] as number);
    const d = e0 + et - 2 * (corr[tau] as number);
    corr[tau] = d > 0 ? d : 0;
  }
}

/**
 * Cumulative-mean-normalised difference d′(τ) = d(τ)·τ / Σ_{j=1..τ} d(j), in place, from
 * `differenceFromCorrelation`'s output (index 0 = window energy); d′(0) = 1. Where the differences are
 * negligible beside the energy (digital silence, a constant) d′ reads 1: nothing periodic.
 */
export function normaliseDifference(d: Float64Array): void {
  const energy = d[0] as number;
  d[0] = 1;
  let sum = 0;
  const floor = 1e-10 * energy + 1e-20;
  for (let tau = 1; tau < d.length; tau++) {
    const v = d[tau] as number;
    sum += v;
    d[tau] = sum > floor * tau ? (v * tau) / sum : 1;
  }
}

/** Offset (−1…1) of a parabola's vertex through (−1, y0), (0, y1), (1, y2) from the middle point. */
export function parabolicOffset(y0: number, y1: number, y2: number): number {
  const den = y0 - 2 * y1 + y2;
  if (!(den > 0)) return 0;
  const off = (0.5 * (y0 - y2)) / den;
  return off > 1 ? 1 : off < -1 ? -1 : off;
}

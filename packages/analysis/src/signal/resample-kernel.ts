import { besselI0, kaiserAt, kaiserAttenuationDb, kaiserOrder } from './kaiser.js';

/** Resampler presets: Kaiser β and where the passband ends, as a fraction of the lower Nyquist. */
export const RESAMPLE_QUALITY = {
  /** ≈ 60 dB stopband, flat to 0.8 × Nyquist. */
  fast: { beta: 5.65, passband: 0.8 },
  /** ≈ 87 dB stopband, flat to 0.9 × Nyquist. The default. */
  standard: { beta: 8.6, passband: 0.9 },
  /**
   * ≈ 87 dB stopband, flat to 0.8 × Nyquist (8.8 kHz at 22.05 kHz, above any pitch or onset band the
   * analysis reads): the same rejection as `standard` with half its taps, so twice as fast.
   */
  analysis: { beta: 8.6, passband: 0.8 },
  /** ≈ 100 dB stopband, flat to 0.95 × Nyquist. */
  best: { beta: 10.06, passband: 0.95 },
} as const;

export type ResampleQuality = keyof typeof RESAMPLE_QUALITY;

/**
 * A windowed-sinc low-pass sampled at `phases` fractional offsets. Row p (0 ≤ p ≤ phases) holds the
 * `taps` weights for an output that falls p/phases of the way past input sample `base`; they apply to
 * inputs base − half + 1 … base + half. The extra last row (p = phases) lets callers interpolate
 * between neighbouring rows.
 */
export interface PolyphaseKernel {
  readonly phases: number;
  readonly half: number;
  readonly taps: number;
  readonly rows: Float64Array;
}

/**
 * Design the anti-alias/anti-image filter for `fromRate → toRate`: its stopband starts at
 * 0.5 × min(rates) (so nothing folds back into the output band) and its transition band is the
 * top (1 − passband) of that Nyquist. Lengths are measured in input samples.
 */
export function designKernel(
  fromRate: number,
  toRate: number,
  quality: ResampleQuality,
  phases: number,
): PolyphaseKernel {
  const { beta, passband } = RESAMPLE_QUALITY[quality];
  const stop = (0.5 * Math.min(fromRate, toRate)) / fromRate; // cycles per input sample
  const pass = passband * stop;
  const cutoff = (pass + stop) / 2;
  const order = kaiserOrder(kaiserAttenuationDb(beta), stop - pass);
  const half = Math.max(2, Math.ceil(order / 2));
  const taps = 2 * half;
  const rows = new Float64Array((phases + 1) * taps);
  const i0Beta = besselI0(beta);
  for (let p = 0; p <= phases; p++) {
    const frac = p / phases;
    let sum = 0;
    for (let i = 0; i < taps; i++) {
      const t = frac + half - 1 - i; // distance from the output position to this input, in samples
      const x = 2 * cutoff * t;
      const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
      const w = 2 * cutoff * sinc * kaiserAt(t, half, beta, i0Beta);
      rows[p * taps + i] = w;
      sum += w;
    }
    // Unit DC gain in every phase: a constant stays exactly constant.
    for (let i = 0; i < taps; i++) rows[p * taps + i] = (rows[p * taps + i] as number) / sum;
  }
  return { phases, half, taps, rows };
}

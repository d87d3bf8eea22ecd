/**
 * Options of the SuperFlux onset detector (Böck & Widmer 2013, "Maximum filter vibrato suppression for
 * onset detection"). Every field has a default; times are in seconds, frequencies in Hz.
 */
export interface OnsetStrengthOptions {
  /** Envelope frames per second, 50–400 (default 100: one frame every 10 ms). */
  readonly frameRate?: number;
  /** Analysis window length in seconds; rounded to a power of two in samples (default 0.0464 ≈ 1024 at 22.05 kHz). */
  readonly windowSeconds?: number;
  /** Filterbank bands per octave (default 24). */
  readonly bandsPerOctave?: number;
  /** Lowest filterbank frequency in Hz (default 30). */
  readonly minFrequency?: number;
  /** Highest filterbank frequency in Hz, capped at Nyquist (default 17000). */
  readonly maxFrequency?: number;
  /** λ in log10(1 + λ·x), x the band magnitude with a full-scale sine ≈ 1 (default 1000). */
  readonly compression?: number;
  /** Width in bands of the frequency maximum filter applied to the reference frame (default 3). */
  readonly maxFilterBands?: number;
  /** Frames between a frame and its reference, μ ≥ 1 (default: from window overlap, as in the paper). */
  readonly lag?: number;
}

/** Options of the adaptive-threshold peak picker. */
export interface PeakPickOptions {
  /** A peak must be the maximum from `preMax` seconds before to `postMax` after (default 0.03 each). */
  readonly preMax?: number;
  readonly postMax?: number;
  /** The local mean is taken from `preAvg` seconds before to `postAvg` after (default 0.1 and 0.07). */
  readonly preAvg?: number;
  readonly postAvg?: number;
  /** δ: a peak must exceed the local mean by this much, in envelope units (default 1.2). */
  readonly delta?: number;
  /** Minimum seconds between reported onsets; the earlier one of a closer pair is kept (default 0.03). */
  readonly minInterval?: number;
}

export type OnsetOptions = OnsetStrengthOptions & PeakPickOptions;

export const ONSET_STRENGTH_DEFAULTS = {
  frameRate: 100,
  windowSeconds: 0.0464,
  bandsPerOctave: 24,
  minFrequency: 30,
  maxFrequency: 17000,
  compression: 1000,
  maxFilterBands: 3,
} as const;

export const PEAK_PICK_DEFAULTS = {
  preMax: 0.03,
  postMax: 0.03,
  preAvg: 0.1,
  postAvg: 0.07,
  delta: 1.2,
  minInterval: 0.03,
} as const;

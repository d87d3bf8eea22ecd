import { logSpectrogram } from './log-spectrogram.js';
import { ONSET_STRENGTH_DEFAULTS, type OnsetStrengthOptions } from './options.js';

/** An onset strength envelope: one non-negative value per frame, frame i at time i / frameRate seconds. */
export interface OnsetEnvelope {
  readonly envelope: Float64Array;
  readonly frameRate: number;
}

/**
 * μ from the paper: the frames it takes the window to slide past the point where it falls to half its
 * peak, so that the reference frame barely overlaps the current one (at least 1).
 */
export function superFluxLag(windowSize: number, hop: number): number {
  const firstAboveHalf = windowSize / 4; // a Hann window passes 0.5 a quarter of the way in
  return Math.max(1, Math.floor((windowSize / 2 - firstAboveHalf) / hop + 0.5));
}

/**
 * SuperFlux onset strength: for each frame, the half-wave rectified difference between its log
 * filtered spectrum and the spectrum μ frames earlier, maximum-filtered across `maxFilterBands` bands,
 * summed over bands. The maximum filter lets a partial wander a band (vibrato) without counting as new
 * energy; a new pitch, a louder note or a noise burst still does. Frames before the first count as
 * silence, so a note at t = 0 is an onset; frames whose window runs past the last sample are 0, because
 * cutting a sound off mid-window splatters energy into every band (an onset there would be lost anyway).
 */
export function onsetStrength(
  samples: Float32Array,
  sampleRate: number,
  options: OnsetStrengthOptions = {},
): OnsetEnvelope {
  const o = { ...ONSET_STRENGTH_DEFAULTS, ...options };
  const spec = logSpectrogram(samples, sampleRate, o);
  const { values, frames, bands } = spec;
  const hop = sampleRate / o.frameRate;
  const lag = o.lag ?? superFluxLag(spec.windowSize, hop);
  if (!(Number.isInteger(lag) && lag >= 1)) throw new RangeError(`lag must be an integer ≥ 1, got ${lag}`);
  const reach = Math.floor(o.maxFilterBands / 2);
  const envelope = new Float64Array(frames);
  const lastWhole = Math.floor((samples.length - spec.windowSize / 2) / hop);
  for (let i = 0; i <= Math.min(frames - 1, lastWhole); i++) {
    const row = i * bands;
    const ref = (i - lag) * bands;
    let sum = 0;
    for (let b = 0; b < bands; b++) {
      let previous = 0;
      if (i >= lag) {
        const lo = Math.max(0, b - reach);
        const hi = Math.min(bands - 1, b + reach);
        for (let j = lo; j <= hi; j++) previous = Math.max(previous, values[ref + j] as number);
      }
      const rise = (values[row + b] as number) - previous;
      if (rise > 0) sum += rise;
    }
    envelope[i] = sum;
  }
  return { envelope, frameRate: o.frameRate };
}

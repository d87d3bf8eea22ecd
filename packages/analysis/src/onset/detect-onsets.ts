import type { OnsetOptions } from './options.js';
import { onsetsFromEnvelope } from './peak-picking.js';
import { onsetStrength } from './superflux.js';

export interface DetectedOnsets {
  /** Onset times in seconds, ascending. */
  readonly times: number[];
  /** SuperFlux envelope value at each onset. */
  readonly strengths: number[];
  /** The whole onset strength envelope (for beat tracking and the like). */
  readonly envelope: Float64Array;
  readonly frameRate: number;
}

/** SuperFlux onset detection: `onsetStrength` followed by `onsetsFromEnvelope`. Mono samples in. */
export function detectOnsets(
  samples: Float32Array,
  sampleRate: number,
  options: OnsetOptions = {},
): DetectedOnsets {
  const { envelope, frameRate } = onsetStrength(samples, sampleRate, options);
  const { times, strengths } = onsetsFromEnvelope(envelope, frameRate, options);
  return { times, strengths, envelope, frameRate };
}

import { PEAK_PICK_DEFAULTS, type PeakPickOptions } from './options.js';

export interface PickedOnsets {
  /** Onset times in seconds (frame i ↦ i / frameRate, the frame's centre), ascending. */
  readonly times: number[];
  /** The envelope value at each onset. */
  readonly strengths: number[];
}

/**
 * Adaptive-threshold peak picking on any onset strength envelope: frame i is an onset when it is the
 * local maximum over [i − preMax, i + postMax], exceeds the local mean over [i − preAvg, i + postAvg]
 * by δ, and comes at least `minInterval` after the previous onset. Frames outside the envelope count
 * as zero, so an onset in the first frame can still be found.
 */
export function onsetsFromEnvelope(
  envelope: ArrayLike<number>,
  frameRate: number,
  options: PeakPickOptions = {},
): PickedOnsets {
  if (!(frameRate > 0)) throw new RangeError(`frame rate must be positive, got ${frameRate}`);
  const o = { ...PEAK_PICK_DEFAULTS, ...options };
  const frames = (seconds: number): number => Math.max(0, Math.round(seconds * frameRate));
  const preMax = frames(o.preMax);
  const postMax = frames(o.postMax);
  const preAvg = frames(o.preAvg);
  const postAvg = frames(o.postAvg);
  const n = envelope.length;
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = (prefix[i] as number) + (envelope[i] as number);
  const times: number[] = [];
  const strengths: number[] = [];
  let last = -Infinity;
  for (let i = 0; i < n; i++) {
    const value = envelope[i] as number;
    if (!(value > 0)) continue;
    let isMax = true;
    for (let j = Math.max(0, i - preMax); j <= Math.min(n - 1, i + postMax) && isMax; j++) {
      if ((envelope[j] as number) > value) isMax = false;
    }
    if (!isMax) continue;
    const lo = Math.max(0, i - preAvg);
    const hi = Math.min(n - 1, i + postAvg);
    const mean = ((prefix[hi + 1] as number) - (prefix[lo] as number)) / (preAvg + postAvg + 1);
    if (value < mean + o.delta) continue;
    const t = i / frameRate;
    if (t - last < o.minInterval - 1e-9) continue;
    times.push(t);
    strengths.push(value);
    last = t;
  }
  return { times, strengths };
}

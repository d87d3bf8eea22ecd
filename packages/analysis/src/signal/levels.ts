import { seconds, type Seconds } from '@cadenza/core';

/** A sample at or above this magnitude counts towards clipping. */
export const CLIP_LEVEL = 0.999;
/** Consecutive samples at the clip level that make one clipped place. */
export const MIN_CLIP_RUN = 3;
/** A 50 ms stretch whose RMS is below this is silent. */
export const SILENCE_DBFS = -60;
/** Length of the windows silence is judged in. */
export const SILENCE_WINDOW_SECONDS = 0.05;
/** The lowest level reported: digital silence reads this rather than −∞ (it must survive JSON). */
export const FLOOR_DBFS = -120;
/** Files peaking below this are not suspected of having been clipped and then turned down. */
const FLAT_TOP_MIN_PEAK = 0.1;
/** How close to the file's peak a sample must be to sit on a flat top (below a 16-bit step). */
const FLAT_TOP_TOLERANCE = 1e-6;

export interface Levels {
  /** Largest |sample|, 0…1 for in-range audio. */
  readonly peak: number;
  /** Root-mean-square level (linear). */
  readonly rms: number;
  /** RMS in dB relative to full scale, never below FLOOR_DBFS. */
  readonly rmsDbfs: number;
  /** Mean sample value. */
  readonly dcOffset: number;
  /** Fraction of samples inside clipped runs, 0…1. */
  readonly clippedFraction: number;
  /** Number of places that clip (runs of ≥ MIN_CLIP_RUN samples at the clip level). */
  readonly clippedRuns: number;
  /** Every 50 ms stretch is below −60 dBFS (or there are no samples). */
  readonly silent: boolean;
  /** Fraction of the duration in silent windows, 0…1. */
  readonly silentFraction: number;
  readonly leadingSilenceSeconds: Seconds;
  readonly trailingSilenceSeconds: Seconds;
}

export const toDbfs = (linear: number): number =>
  linear > 0 ? Math.max(FLOOR_DBFS, 20 * Math.log10(linear)) : FLOOR_DBFS;

export const fromDbfs = (dbfs: number): number => 10 ** (dbfs / 20);

/** Clipped runs: ≥ MIN_CLIP_RUN samples at |x| ≥ 0.999, or at the file's own peak when it is flat-topped. */
export function findClipping(
  samples: Float32Array,
  peak: number,
): { readonly runs: number; readonly clippedSamples: number } {
  const level =
    peak >= CLIP_LEVEL ? CLIP_LEVEL : peak >= FLAT_TOP_MIN_PEAK ? peak - FLAT_TOP_TOLERANCE : Infinity;
  let runs = 0;
  let clippedSamples = 0;
  let run = 0;
  for (let i = 0; i <= samples.length; i++) {
    const v = i < samples.length ? Math.abs(samples[i] as number) : 0;
    if (v >= level) {
      run++;
    } else {
      if (run >= MIN_CLIP_RUN) {
        runs++;
        clippedSamples += run;
      }
      run = 0;
    }
  }
  return { runs, clippedSamples };
}

/** Silence per 50 ms stretch, consecutive (the last may be shorter). */
export function silentWindows(
  samples: Float32Array,
  rate: number,
): { readonly windowLength: number; readonly silent: readonly boolean[] } {
  const windowLength = Math.max(1, Math.round(rate * SILENCE_WINDOW_SECONDS));
  const threshold = fromDbfs(SILENCE_DBFS);
  const silent: boolean[] = [];
  for (let start = 0; start < samples.length; start += windowLength) {
    const end = Math.min(samples.length, start + windowLength);
    let sum = 0;
    for (let i = start; i < end; i++) sum += (samples[i] as number) ** 2;
    silent.push(Math.sqrt(sum / (end - start)) < threshold);
  }
  return { windowLength, silent };
}

/** Index of the first (or, with `fromEnd`, last) sample in [start, end) at or above the silence threshold. */
function firstLoud(samples: Float32Array, start: number, end: number, fromEnd: boolean): number {
  const threshold = fromDbfs(SILENCE_DBFS);
  if (fromEnd) {
    for (let i = end - 1; i >= start; i--) if (Math.abs(samples[i] as number) >= threshold) return i;
    return start;
  }
  for (let i = start; i < end; i++) if (Math.abs(samples[i] as number) >= threshold) return i;
  return end - 1;
}

/**
 * Level facts about a mono recording: peak, RMS, DC offset, clipping and silence. Leading and trailing
 * silence are refined to the first/last sample at −60 dBFS inside the first/last loud stretch.
 */
export function analyseLevels(samples: Float32Array, rate: number): Levels {
  if (!Number.isFinite(rate) || rate <= 0) {
    throw new RangeError(`analyseLevels: rate must be a positive number of Hz, got ${rate}`);
  }
  const n = samples.length;
  let peak = 0;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const v = samples[i] as number;
    sum += v;
    sumSq += v * v;
    const a = Math.abs(v);
    if (a > peak) peak = a;
  }
  const rms = n > 0 ? Math.sqrt(sumSq / n) : 0;
  const { runs, clippedSamples } = findClipping(samples, peak);
  const { windowLength, silent } = silentWindows(samples, rate);
  const firstLoudWindow = silent.indexOf(false);
  const lastLoudWindow = silent.lastIndexOf(false);
  const allSilent = firstLoudWindow < 0;
  let silentSamples = 0;
  silent.forEach((s, w) => {
    if (s) silentSamples += Math.min(n, (w + 1) * windowLength) - w * windowLength;
  });
  const leading = allSilent
    ? n
    : firstLoud(
        samples,
        firstLoudWindow * windowLength,
        Math.min(n, (firstLoudWindow + 1) * windowLength),
        false,
      );
  const trailing = allSilent
    ? n
    : n -
      1 -
      firstLoud(
        samples,
        lastLoudWindow * windowLength,
        Math.min(n, (lastLoudWindow + 1) * windowLength),
        true,
      );
  return {
    peak,
    rms,
    rmsDbfs: toDbfs(rms),
    dcOffset: n > 0 ? sum / n : 0,
    clippedFraction: n > 0 ? clippedSamples / n : 0,
    clippedRuns: runs,
    silent: allSilent,
    silentFraction: n > 0 ? silentSamples / n : 1,
    leadingSilenceSeconds: seconds(leading / rate),
    trailingSilenceSeconds: seconds(trailing / rate),
  };
}

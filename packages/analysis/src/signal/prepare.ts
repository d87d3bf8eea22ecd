import { describeLevels } from './level-warnings.js';
import { analyseLevels, findClipping, fromDbfs, silentWindows, type Levels } from './levels.js';
import { toMono } from './mono.js';
import { resample } from './resample.js';
import type { ResampleQuality } from './resample-kernel.js';

export interface PrepareOptions {
  /** Sample rate of the result, Hz. Default 22050. */
  readonly targetRate?: number;
  /** RMS of the loud parts after normalisation, dBFS. Default −20. */
  readonly targetRmsDbfs?: number;
  /** The peak is never raised above this, dBFS. Default −1. */
  readonly peakCeilingDbfs?: number;
  /** High-pass corner removing slow DC drift, Hz. Default 10 (A0 = 27.5 Hz loses 0.5 dB). */
  readonly highPassHz?: number;
  /** Resampler preset (default 'analysis': 87 dB stopband, flat to 8.8 kHz at 22.05 kHz). */
  readonly quality?: ResampleQuality;
}

export interface PreparedAudio {
  readonly samples: Float32Array;
  /** Sample rate of `samples`, Hz. */
  readonly rate: number;
  /** Levels of the recording as it came in (mono mix; clipping from the worst channel). */
  readonly levels: Levels;
  /** The recording is silent: there is nothing to analyse (the API answers 422). */
  readonly silent: boolean;
  /** Gain applied by normalisation, dB (0 when silent). */
  readonly gainDb: number;
  /** What the user should be told, in words. */
  readonly warnings: string[];
}

/** One-pole DC blocker y[n] = x[n] − x[n−1] + R·y[n−1], in place. */
function highPass(x: Float32Array, rate: number, cornerHz: number): void {
  const r = Math.exp((-2 * Math.PI * cornerHz) / rate);
  let prevX = 0;
  let prevY = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    prevY = v - prevX + r * prevY;
    prevX = v;
    x[i] = prevY;
  }
}

/** RMS over the windows that are not silent (the level of the music, not of the pauses). */
function activeRms(x: Float32Array, rate: number): number {
  const { windowLength, silent } = silentWindows(x, rate);
  let sumSq = 0;
  let count = 0;
  silent.forEach((s, w) => {
    if (s) return;
    const end = Math.min(x.length, (w + 1) * windowLength);
    for (let i = w * windowLength; i < end; i++) sumSq += (x[i] as number) ** 2;
    count += end - w * windowLength;
  });
  return count > 0 ? Math.sqrt(sumSq / count) : 0;
}

/** Clipping counted per channel: a mix of a clipped and a clean channel no longer looks clipped. */
function withWorstChannelClipping(levels: Levels, channels: readonly Float32Array[]): Levels {
  if (channels.length < 2) return levels;
  let { clippedRuns, clippedFraction } = levels;
  for (const ch of channels) {
    let peak = 0;
    for (let i = 0; i < ch.length; i++) peak = Math.max(peak, Math.abs(ch[i] as number));
    const { runs, clippedSamples } = findClipping(ch, peak);
    if (runs > clippedRuns) {
      clippedRuns = runs;
      clippedFraction = clippedSamples / ch.length;
    }
  }
  return { ...levels, clippedRuns, clippedFraction };
}

/**
 * The front end of transcription: mono mix → level report → mean removed → resampled to
 * `targetRate` → 10 Hz high-pass → loud parts normalised to −20 dBFS RMS with the peak held at
 * −1 dBFS. A silent recording comes back unnormalised with `silent: true`.
 */
export function prepareForAnalysis(
  channels: readonly Float32Array[],
  rate: number,
  options: PrepareOptions = {},
): PreparedAudio {
  const {
    targetRate = 22050,
    targetRmsDbfs = -20,
    peakCeilingDbfs = -1,
    highPassHz = 10,
    quality = 'analysis',
  } = options;
  const mono = toMono(channels);
  const levels = withWorstChannelClipping(analyseLevels(mono, rate), channels);
  const warnings = describeLevels(levels);
  const centred = new Float32Array(mono.length);
  for (let i = 0; i < mono.length; i++) centred[i] = (mono[i] as number) - levels.dcOffset;
  const samples = rate === targetRate ? centred : resample(centred, rate, targetRate, quality);
  if (levels.silent) return { samples, rate: targetRate, levels, silent: true, gainDb: 0, warnings };
  highPass(samples, targetRate, highPassHz);
  let peak = 0;
  for (let i = 0; i < samples.length; i++) peak = Math.max(peak, Math.abs(samples[i] as number));
  const rms = activeRms(samples, targetRate);
  const gain =
    rms > 0 && peak > 0 ? Math.min(fromDbfs(targetRmsDbfs) / rms, fromDbfs(peakCeilingDbfs) / peak) : 1;
  for (let i = 0; i < samples.length; i++) samples[i] = (samples[i] as number) * gain;
  return { samples, rate: targetRate, levels, silent: false, gainDb: 20 * Math.log10(gain), warnings };
}

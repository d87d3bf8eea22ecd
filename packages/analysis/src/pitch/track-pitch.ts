import { nextPowerOfTwo } from '../signal/fft.js';
import { findCandidates } from './pitch-candidates.js';
import { binOf, createPitchGrid } from './pitch-grid.js';
import { decodePitchPath } from './pitch-viterbi.js';
import { betaThresholdPrior } from './threshold-prior.js';
import { forEachFrameDifference } from './frame-differences.js';
import { normaliseDifference } from './yin-difference.js';

export interface PitchTrackOptions {
  /** Analysis frame in samples (a power of two); YIN integrates over half of it. Default 2048 at 22.05 kHz, scaled with the rate. */
  readonly frameSize?: number;
  /** Hop in samples. Default 256 at 22.05 kHz (11.6 ms), scaled with the rate. */
  readonly hop?: number;
  /** Lowest pitch in Hz. Default 65.41 (C2). */
  readonly fmin?: number;
  /** Highest pitch in Hz. Default 2093 (C7). */
  readonly fmax?: number;
  /** Largest pitch move between frames, in semitones. Default 3. */
  readonly maxStepSemitones?: number;
  /** Probability of a voiced/unvoiced switch between frames. Default 0.01. */
  readonly switchProbability?: number;
}

export interface PitchTrack {
  /** Frame centres in seconds (frame i is centred on sample i × hop). */
  readonly times: Float64Array;
  /** Fundamental frequency in Hz per frame; 0 where unvoiced. */
  readonly f0: Float64Array;
  /** Stage-1 probability (0…1) that the frame is pitched: the prior mass of the thresholds that find a trough. */
  readonly voicedProbability: Float64Array;
  /** Hop in samples. */
  readonly hop: number;
  /** Sample rate in Hz. */
  readonly rate: number;
}

const BINS_PER_SEMITONE = 5; // 20-cent states
const THRESHOLD_MEAN = 0.15;
const YIN_TRUST = 0.5;

/**
 * Monophonic pitch tracking in the manner of pYIN (Mauch & Dixon 2014): per frame, the YIN
 * cumulative-mean-normalised difference under a beta prior over thresholds gives pitch candidates with
 * probabilities; an HMM over 20-cent pitch states with voiced/unvoiced twins, decoded by Viterbi, picks
 * a smooth path. Voiced frames report the exact (parabolically interpolated) candidate frequency in
 * the chosen bin. Input: mono samples at `rate` Hz.
 */
export function trackPitch(samples: Float32Array, rate: number, options: PitchTrackOptions = {}): PitchTrack {
  if (!(rate > 0)) throw new RangeError(`sample rate must be positive, got ${rate}`);
  const scale = rate / 22050;
  const frameSize = options.frameSize ?? nextPowerOfTwo(Math.round(2048 * scale));
  const hop = options.hop ?? Math.max(1, Math.round(256 * scale));
  const fmin = options.fmin ?? 65.41;
  const fmax = options.fmax ?? 2093;
  if (!Number.isInteger(hop) || hop < 1) throw new RangeError(`hop must be a positive integer, got ${hop}`);
  if (!Number.isInteger(frameSize) || frameSize < 16) {
    throw new RangeError(`frameSize must be an integer ≥ 16, got ${frameSize}`);
  }
  if (!(fmin > 0 && fmax > fmin)) throw new RangeError(`need 0 < fmin < fmax, got ${fmin}…${fmax} Hz`);
  if (fmax >= rate / 4) throw new RangeError(`fmax ${fmax} Hz is too high for ${rate} Hz audio`);
  const window = Math.floor(frameSize / 2);
  const minLag = Math.max(2, Math.floor(rate / fmax));
  const maxLag = Math.ceil(rate / fmin);
  if (maxLag + 1 > window) {
    throw new RangeError(
      `fmin ${fmin} Hz needs a period of ${maxLag} samples; frameSize ${frameSize} allows at most ${window - 2}`,
    );
  }

  const grid = createPitchGrid(fmin, fmax, BINS_PER_SEMITONE);
  const prior = betaThresholdPrior(THRESHOLD_MEAN);
  const frames = Math.floor(samples.length / hop) + 1;
  const times = new Float64Array(frames);
  const voicedProbability = new Float64Array(frames);
  const start = new Uint32Array(frames + 1);
  let freqs = new Float64Array(frames * 4);
  let probs = new Float64Array(frames * 4);
  let count = 0;
  const sink = {
    push(frequency: number, probability: number): void {
      if (count === freqs.length) {
        const f = new Float64Array(freqs.length * 2);
        f.set(freqs);
        freqs = f;
        const p = new Float64Array(probs.length * 2);
        p.set(probs);
        probs = p;
      }
      freqs[count] = frequency;
      probs[count] = probability;
      count++;
    },
  };

  forEachFrameDifference(samples, frames, hop, window, maxLag + 1, (t, d) => {
    times[t] = (t * hop) / rate;
    start[t] = count;
    normaliseDifference(d);
    voicedProbability[t] = Math.min(1, findCandidates(d, minLag, maxLag, rate, prior, sink));
  });
  start[frames] = count;

  const bin = new Int32Array(count);
  for (let c = 0; c < count; c++) bin[c] = binOf(grid, freqs[c] as number);
  const path = decodePitchPath({ start, bin, probability: probs.subarray(0, count) }, grid, {
    maxStepBins: (options.maxStepSemitones ?? 3) * BINS_PER_SEMITONE,
    switchProbability: options.switchProbability ?? 0.01,
    trust: YIN_TRUST,
  });

  const f0 = new Float64Array(frames);
  for (let t = 0; t < frames; t++) {
    const b = path[t] as number;
    if (b < 0) continue;
    let best = -1;
    for (let c = start[t] as number; c < (start[t + 1] as number); c++) {
      if (bin[c] === b && (probs[c] as number) > best) {
        best = probs[c] as number;
        f0[t] = freqs[c] as number;
      }
    }
  }
  return { times, f0, voicedProbability, hop, rate };
}

import { bandArgMax, sideMaxima } from './band-argmax.js';
import type { PitchGrid } from './pitch-grid.js';

/** Per-frame pitch candidates as flat lists: frame t owns entries start[t] … start[t+1]−1. */
export interface FrameCandidates {
  readonly start: Uint32Array;
  readonly bin: Int32Array;
  readonly probability: Float64Array;
}

export interface ViterbiOptions {
  /** Largest pitch move per frame in bins; transition weights fall off linearly to it (triangular). */
  readonly maxStepBins: number;
  /** Probability of switching between voiced and unvoiced from one frame to the next. */
  readonly switchProbability: number;
  /** How far stage 1's voicing is believed (pYIN's "YIN trust"); the rest goes to unvoiced states. */
  readonly trust: number;
}

/**
 * pYIN stage 2: Viterbi decoding over `bins` voiced states and their unvoiced twins. A voiced state's
 * observation is trust × the probability of the candidates in its bin (zero without one); every
 * unvoiced state shares (1 − trust × voiced probability) equally. Transitions move at most
 * `maxStepBins` with triangular weights, voiced and unvoiced alike, and switch voicing with
 * `switchProbability`. Banded, so each frame costs O(bins × band) at most; the band search stops where
 * upper bounds show no farther source can win (`bandArgMax`), which leaves the decoded path unchanged.
 * Returns the decoded bin per frame, or −1 for unvoiced frames.
 */
export function decodePitchPath(
  candidates: FrameCandidates,
  grid: PitchGrid,
  options: ViterbiOptions,
): Int32Array {
  const frames = candidates.start.length - 1;
  const n = grid.bins;
  const path = new Int32Array(Math.max(0, frames)).fill(-1);
  if (frames <= 0) return path;
  const h = Math.max(0, Math.round(options.maxStepBins));
  const weight = new Float64Array(h + 1);
  for (let d = 0; d <= h; d++) weight[d] = (h + 1 - d) / ((h + 1) * (h + 1));
  const stay = 1 - options.switchProbability;
  const flip = options.switchProbability;

  let voiced = new Float64Array(n);
  let unvoiced = new Float64Array(n);
  let nextVoiced = new Float64Array(n);
  let nextUnvoiced = new Float64Array(n);
  const toVoiced = new Float64Array(n);
  const toVoicedFrom = new Uint8Array(n); // 1 when the best source of bin i is its voiced state
  const toUnvoiced = new Float64Array(n);
  const toUnvoicedFrom = new Uint8Array(n);
  const observed = new Float64Array(n);
  // Back-pointers: per frame, 2n entries (voiced bins, then unvoiced), each source bin × 2 + voiced flag.
  const back = new Uint16Array(frames * 2 * n);
  const prefix = new Float64Array(n);
  const suffix = new Float64Array(n);
  const below = new Float64Array(n);
  const above = new Float64Array(n);

  const observe = (t: number): number => {
    observed.fill(0);
    let pitched = 0;
    const end = candidates.start[t + 1] as number;
    for (let c = candidates.start[t] as number; c < end; c++) {
      const b = candidates.bin[c] as number;
      if (b < 0 || b >= n) continue;
      const p = options.trust * (candidates.probability[c] as number);
      observed[b] = (observed[b] as number) + p;
      pitched += p;
    }
    return (1 - pitched) / n;
  };

  let obsU = observe(0);
  for (let b = 0; b < n; b++) {
    voiced[b] = observed[b] as number;
    unvoiced[b] = obsU;
  }

  for (let t = 1; t < frames; t++) {
    let voicedMax = 0; // bounds the few voiced targets' scans; the unvoiced ones get side maxima
    for (let i = 0; i < n; i++) {
      const v = voiced[i] as number;
      const u = unvoiced[i] as number;
      const vv = stay * v;
      const uv = flip * u;
      toVoiced[i] = vv >= uv ? vv : uv;
      toVoicedFrom[i] = vv >= uv ? 1 : 0;
      if ((toVoiced[i] as number) > voicedMax) voicedMax = toVoiced[i] as number;
      const vu = flip * v;
      const uu = stay * u;
      toUnvoiced[i] = uu >= vu ? uu : vu;
      toUnvoicedFrom[i] = uu >= vu ? 0 : 1;
    }
    sideMaxima(toUnvoiced, h, prefix, suffix, below, above);
    obsU = observe(t);
    const row = t * 2 * n;
    let total = 0;
    for (let j = 0; j < n; j++) {
      // Unvoiced targets: every bin.
      const fromU = bandArgMax(toUnvoiced, weight, j, h, n, below[j] as number, above[j] as number);
      const u = (weight[fromU > j ? fromU - j : j - fromU] as number) * (toUnvoiced[fromU] as number) * obsU;
      nextUnvoiced[j] = u;
      total += u;
      back[row + n + j] = fromU * 2 + (toUnvoicedFrom[fromU] as number);
      // Voiced targets: only bins with a candidate can be reached.
      const o = observed[j] as number;
      if (o > 0) {
        const fromV = bandArgMax(toVoiced, weight, j, h, n, voicedMax, voicedMax);
        const v = (weight[fromV > j ? fromV - j : j - fromV] as number) * (toVoiced[fromV] as number) * o;
        nextVoiced[j] = v;
        total += v;
        back[row + j] = fromV * 2 + (toVoicedFrom[fromV] as number);
      } else {
        nextVoiced[j] = 0;
      }
    }
    const scale = total > 0 ? 1 / total : 1;
    for (let j = 0; j < n; j++) {
      nextVoiced[j] = (nextVoiced[j] as number) * scale;
      nextUnvoiced[j] = (nextUnvoiced[j] as number) * scale;
    }
    [voiced, nextVoiced] = [nextVoiced, voiced];
    [unvoiced, nextUnvoiced] = [nextUnvoiced, unvoiced];
  }

  let bestBin = 0;
  let bestVoiced = 0;
  let best = -1;
  for (let b = 0; b < n; b++) {
    if ((voiced[b] as number) > best) {
      best = voiced[b] as number;
      bestBin = b;
      bestVoiced = 1;
    }
    if ((unvoiced[b] as number) > best) {
      best = unvoiced[b] as number;
      bestBin = b;
      bestVoiced = 0;
    }
  }
  for (let t = frames - 1; t >= 0; t--) {
    path[t] = bestVoiced ? bestBin : -1;
    if (t === 0) break;
    const code = back[t * 2 * n + (bestVoiced ? 0 : n) + bestBin] as number;
    bestBin = code >> 1;
    bestVoiced = code & 1;
  }
  return path;
}

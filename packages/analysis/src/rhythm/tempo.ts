/**
 * Global tempo from an onset-strength envelope: autocorrelation weighted by a log-Gaussian tempo prior
 * (after Ellis 2007, "Beat tracking by dynamic programming"), with tempo-octave choices settled by the
 * prior and by how strong the related lags are.
 */
import { autocorrelate, maxAround, parabolicPeak } from './autocorrelation.js';

/** One tempo hypothesis: beats per minute and its prior-weighted periodicity score (higher is better). */
export interface TempoCandidate {
  readonly bpm: number;
  readonly score: number;
}

export interface TempoEstimate {
  /** The chosen tempo, beats per minute. */
  readonly bpm: number;
  /** Every hypothesis found, best first. */
  readonly candidates: readonly TempoCandidate[];
}

export interface TempoOptions {
  /** Slowest tempo considered, bpm (default 40). */
  readonly minBpm?: number;
  /** Fastest tempo considered, bpm (default 240). */
  readonly maxBpm?: number;
  /** Centre of the log-Gaussian tempo prior, bpm (default 110). */
  readonly priorBpm?: number;
  /** Width of the prior in octaves (default 1). */
  readonly priorOctaves?: number;
  /**
   * Fastest pulse that may take over from a slower candidate whose lag it divides (default 200 bpm):
   * a candidate whose half or third lag is about as periodic as itself is a grouping of beats, not the beat.
   */
  readonly maxPulseBpm?: number;
  /** How many candidates to return (default 5). */
  readonly maxCandidates?: number;
}

/** Prior weight of a tempo: a Gaussian in log2(bpm) around `centre`, `octaves` wide; 1 at the centre. */
export function tempoPrior(bpm: number, centre = 110, octaves = 1): number {
  const d = Math.log2(bpm / centre) / octaves;
  return Math.exp(-0.5 * d * d);
}

/**
 * Estimates the tempo of an onset-strength envelope (one value per frame, frame i at i / frameRate s).
 * Silence or an envelope shorter than two slow beats gives `{ bpm: 0, candidates: [] }`.
 */
export function estimateTempo(
  envelope: Float64Array,
  frameRate: number,
  options: TempoOptions = {},
): TempoEstimate {
  if (!(frameRate > 0)) throw new RangeError(`frameRate must be positive, got ${frameRate}`);
  const minBpm = options.minBpm ?? 40;
  const maxBpm = options.maxBpm ?? 240;
  const priorBpm = options.priorBpm ?? 110;
  const priorOctaves = options.priorOctaves ?? 1;
  const maxPulseBpm = options.maxPulseBpm ?? 200;
  const maxCandidates = options.maxCandidates ?? 5;

  const minLag = Math.max(1, Math.floor((60 * frameRate) / maxBpm));
  const maxLag = Math.ceil((60 * frameRate) / minBpm);
  if (envelope.length < 2 * minLag + 2) return { bpm: 0, candidates: [] };
  // Smoothing over lags merges the twin peaks that timing jitter splits a period into.
  const ac = smoothLags(autocorrelate(envelope, Math.min(2 * maxLag, envelope.length - 1)));
  const lastLag = Math.min(maxLag + 1, ac.length - 2);

  const candidates: TempoCandidate[] = [];
  for (let lag = Math.max(minLag, 2); lag <= lastLag; lag++) {
    const here = ac[lag] as number;
    if (here <= 0 || here < (ac[lag - 1] as number) || here < (ac[lag + 1] as number)) continue;
    if (here === ac[lag - 1]) continue; // plateau: count it once
    const peak = parabolicPeak(ac, lag);
    const bpm = (60 * frameRate) / refineLag(ac, peak.position);
    if (bpm < minBpm || bpm > maxBpm) continue;
    // A faster pulse at half or a third of this lag, about as periodic, means this lag groups beats.
    let related = 0;
    for (const divisor of [2, 3]) {
      if (bpm * divisor > maxPulseBpm) continue;
      related = Math.max(related, maxAround(ac, peak.position / divisor, 1) / peak.value);
    }
    const grouping = 1 - 0.5 * Math.min(1, Math.max(0, (related - 0.7) / 0.3));
    // Ellis's TPS2: a beat period is usually also periodic at twice its lag (the bar or half bar).
    const twice = maxAround(ac, 2 * peak.position, Math.max(1, 0.02 * peak.position));
    const strength = (peak.value + 0.5 * Math.max(0, twice)) / 1.5;
    const score = strength * tempoPrior(bpm, priorBpm, priorOctaves) * grouping;
    candidates.push({ bpm, score });
  }
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0];
  return { bpm: best?.bpm ?? 0, candidates: candidates.slice(0, maxCandidates) };
}

/** A [1 2 3 2 1] / 9 moving average over lags. */
function smoothLags(ac: Float64Array): Float64Array {
  const weights = [1, 2, 3, 2, 1];
  return ac.map((_, lag) => {
    let sum = 0;
    let total = 0;
    weights.forEach((w, k) => {
      const v = ac[lag + k - 2];
      if (v !== undefined) {
        sum += w * v;
        total += w;
      }
    });
    return sum / total;
  });
}

/**
 * The period in frames that best explains the peaks at 1, 2, 3 and 4 times `lag` (a least-squares fit
 * weighted by peak height): later multiples pin the period down more finely than one peak can.
 */
function refineLag(ac: Float64Array, lag: number): number {
  let weighted = 0;
  let total = 0;
  for (let k = 1; k <= 4; k++) {
    const centre = k * lag;
    const radius = Math.max(1, 0.04 * centre);
    const lo = Math.max(1, Math.round(centre - radius));
    const hi = Math.min(ac.length - 2, Math.round(centre + radius));
    if (hi < lo) break;
    let best = lo;
    for (let i = lo + 1; i <= hi; i++) if ((ac[i] as number) > (ac[best] as number)) best = i;
    const peak = parabolicPeak(ac, best);
    if (peak.value <= 0) continue;
    weighted += peak.value * k * peak.position;
    total += peak.value * k * k;
  }
  return total > 0 ? weighted / total : lag;
}

/**
 * Beat tracking by dynamic programming (Ellis 2007): the best beat sequence maximises onset strength at
 * the beats plus α × a log-Gaussian penalty on each inter-beat interval's deviation from the beat
 * period. The period follows a local tempo curve, so gradual tempo changes are tracked.
 */
import { localPeriods, type LocalTempoOptions } from './local-tempo.js';
import { estimateTempo, type TempoOptions } from './tempo.js';
import { parabolicPeak } from './autocorrelation.js';

export interface BeatTrackOptions {
  /** Known tempo, bpm; when absent it is estimated with `estimateTempo`. */
  readonly bpm?: number;
  /** α: how strongly intervals are held to the period (default 100, as in Ellis 2007's experiments). */
  readonly tightness?: number;
  /** Follow tempo drift (default true); false holds the global period throughout. */
  readonly followTempo?: boolean;
  readonly localTempo?: LocalTempoOptions;
  readonly tempo?: TempoOptions;
}

export interface BeatTrack {
  /** Beat times, seconds from the envelope's frame 0, ascending. */
  readonly beats: readonly number[];
  /** Overall tempo: 60 / median inter-beat interval (the global estimate when under two beats). */
  readonly bpm: number;
  /** The local tempo at each beat, bpm (same length as `beats`). */
  readonly localBpm: readonly number[];
}

/**
 * Tracks beats in an onset-strength envelope (one value per frame, frame i at i / frameRate s).
 * Silence gives no beats.
 */
export function trackBeats(
  envelope: Float64Array,
  frameRate: number,
  options: BeatTrackOptions = {},
): BeatTrack {
  if (!(frameRate > 0)) throw new RangeError(`frameRate must be positive, got ${frameRate}`);
  const globalBpm = options.bpm ?? estimateTempo(envelope, frameRate, options.tempo).bpm;
  const onset = standardise(envelope);
  if (!(globalBpm > 0) || onset === undefined) return { beats: [], bpm: globalBpm, localBpm: [] };
  const globalPeriod = (60 * frameRate) / globalBpm;
  const periods =
    options.followTempo === false
      ? new Float64Array(onset.length).fill(globalPeriod)
      : localPeriods(onset, frameRate, globalPeriod, options.localTempo);

  const local = localScore(onset, globalPeriod);
  const frames = backtrack(local, periods, options.tightness ?? 100);
  const beats = trimWeakEnds(frames, local).map((f) => refine(local, f) / frameRate);
  const localBpm = beats.map((t) => {
    const frame = Math.min(periods.length - 1, Math.max(0, Math.round(t * frameRate)));
    return (60 * frameRate) / (periods[frame] as number);
  });
  return { beats, bpm: beats.length >= 2 ? medianTempo(beats) : globalBpm, localBpm };
}

/** Envelope divided by its standard deviation (Ellis's normalisation, which gives α its scale). */
function standardise(envelope: Float64Array): Float64Array | undefined {
  const n = envelope.length;
  if (n === 0) return undefined;
  let mean = 0;
  for (const v of envelope) mean += v;
  mean /= n;
  let variance = 0;
  for (const v of envelope) variance += (v - mean) ** 2;
  const sd = Math.sqrt(variance / n);
  if (!(sd > 0)) return undefined;
  return envelope.map((v) => v / sd);
}

/** Onset strength smoothed by a Gaussian of σ = period / 32, so beats may sit just off a peak. */
function localScore(onset: Float64Array, period: number): Float64Array {
  const sigma = Math.max(0.5, period / 32);
  const radius = Math.ceil(3 * sigma);
  const kernel = Array.from({ length: 2 * radius + 1 }, (_, k) =>
    Math.exp(-0.5 * ((k - radius) / sigma) ** 2),
  );
  const out = new Float64Array(onset.length);
  for (let i = 0; i < onset.length; i++) {
    let sum = 0;
    for (let k = 0; k < kernel.length; k++) {
      const j = i + k - radius;
      if (j >= 0 && j < onset.length) sum += (kernel[k] as number) * (onset[j] as number);
    }
    out[i] = sum;
  }
  return out;
}

/** The dynamic programme and its backtrace: beat frames, ascending. */
function backtrack(local: Float64Array, periods: Float64Array, tightness: number): number[] {
  const n = local.length;
  const cumulative = new Float64Array(n);
  const previous = new Int32Array(n).fill(-1);
  for (let t = 0; t < n; t++) {
    const period = periods[t] as number;
    const lo = Math.max(0, t - Math.round(2 * period));
    const hi = t - Math.max(1, Math.round(period / 2));
    let best = -Infinity;
    let bestFrom = -1;
    for (let from = lo; from <= hi; from++) {
      const deviation = Math.log((t - from) / period);
      const score = (cumulative[from] as number) - tightness * deviation * deviation;
      if (score > best) {
        best = score;
        bestFrom = from;
      }
    }
    // A chain that would cost more than it brings is dropped: the beat starts a new sequence.
    const chained = bestFrom >= 0 && best > 0;
    cumulative[t] = (local[t] as number) + (chained ? best : 0);
    previous[t] = chained ? bestFrom : -1;
  }
  const frames: number[] = [];
  for (let t = lastBeat(cumulative); t >= 0; t = previous[t] as number) frames.push(t);
  return frames.reverse();
}

/**
 * The best-scoring end of a beat sequence: the global maximum of the cumulative score. Chains grow with
 * every beat, so it lies near the end; beats it adds over trailing silence are trimmed afterwards.
 */
function lastBeat(cumulative: Float64Array): number {
  let best = 0;
  for (let t = 1; t < cumulative.length; t++)
    if ((cumulative[t] as number) > (cumulative[best] as number)) best = t;
  return best;
}

/** Drops leading and trailing beats on weak onsets (before the music starts, after it ends). */
function trimWeakEnds(frames: readonly number[], local: Float64Array): number[] {
  if (frames.length === 0) return [];
  let sumSquares = 0;
  for (const f of frames) sumSquares += (local[f] as number) ** 2;
  const threshold = 0.5 * Math.sqrt(sumSquares / frames.length);
  let start = 0;
  let end = frames.length;
  while (start < end && (local[frames[start] as number] as number) < threshold) start++;
  while (end > start && (local[frames[end - 1] as number] as number) < threshold) end--;
  return frames.slice(start, end);
}

/** Sub-frame beat position: the vertex of the local-score peak when the beat sits on one. */
function refine(local: Float64Array, frame: number): number {
  const here = local[frame] as number;
  const isPeak = here >= (local[frame - 1] ?? -Infinity) && here >= (local[frame + 1] ?? -Infinity);
  return isPeak ? parabolicPeak(local, frame).position : frame;
}

function medianTempo(beats: readonly number[]): number {
  const intervals = beats
    .slice(1)
    .map((t, i) => t - (beats[i] as number))
    .sort((a, b) => a - b);
  return 60 / (intervals[Math.floor(intervals.length / 2)] as number);
}

/**
 * The tempo a musician would write, chosen with the notes' help. The onset envelope alone cannot tell a
 * tempo from its half or double (nor, when the envelope is weak — a legato flute or violin — from a
 * neighbouring periodicity); the note starts can: written music is mostly whole beats and half beats, at
 * a tempo near 90 bpm. Each hypothesis (the envelope's periodicities, their doubles and halves) is scored
 * by the log-Gaussian tempo prior × how much of the melody's time moves in whole beats (full credit) or
 * half beats (¾ credit: eighths are common, but a tempo that makes them beats is simpler still) at that
 * tempo.
 */
import { estimateTempo, tempoPrior } from './tempo.js';

export interface NotatedTempoOptions {
  /** Centre of the tempo prior, bpm (default 90). */
  readonly priorBpm?: number;
  /** Width of the prior in octaves (default 1). */
  readonly priorOctaves?: number;
  /** Slowest and fastest tempo a reader accepts (default 40 and 220 bpm). */
  readonly minBpm?: number;
  readonly maxBpm?: number;
  /**
   * Weight of a hypothesis that is not a double or half of the envelope's own tempo (default 0.8): the
   * notes may move the beat to another periodicity of the envelope, but need clearer evidence to.
   */
  readonly otherFamily?: number;
  /** Fewest inter-onset intervals worth judging (default 8); fewer returns `undefined`. */
  readonly minIntervals?: number;
}

/** A note-onset interval lands on the grid when it is within this share of a beat of a grid point. */
const GRID_TOLERANCE = 0.1;
/**
 * Credit for an interval that is an odd number of half beats (an eighth at a quarter beat). At ½ the
 * four voices of a chorale at ♩ = 80, busy with inner-voice eighths, read as 160.
 */
const HALF_BEAT_CREDIT = 0.75;
/** Intervals longer than this (seconds) are rests or phrase breaks, not rhythm. */
const LONGEST_INTERVAL = 4;
/** Each interval weighs its length, capped here (seconds): short stray notes count little. */
const WEIGHT_CAP = 2;
/** Keeps a hypothesis that fits no interval comparable by its prior alone. */
const FIT_FLOOR = 0.05;

/**
 * How much of the melody's time moves in whole or half beats of `period` seconds: each interval between
 * successive note starts, weighted by its length, scores 1 on a whole number of beats, `HALF_BEAT_CREDIT`
 * on an odd number of half beats, else 0.
 */
export function gridFit(intervals: readonly number[], period: number): number {
  let sum = 0;
  let total = 0;
  for (const d of intervals) {
    const beats = d / period;
    const whole = Math.round(beats);
    const half = Math.round(2 * beats) / 2;
    let credit = 0;
    if (whole >= 1 && Math.abs(beats - whole) <= GRID_TOLERANCE) credit = 1;
    else if (half >= 0.5 && Math.abs(beats - half) <= GRID_TOLERANCE) credit = HALF_BEAT_CREDIT;
    const weight = Math.min(d, WEIGHT_CAP);
    sum += credit * weight;
    total += weight;
  }
  return total > 0 ? sum / total : 0;
}

/** Intervals between successive note starts (starts within 50 ms count once), rests over 4 s left out. */
export function startIntervals(starts: readonly number[]): number[] {
  const sorted = [...starts].sort((a, b) => a - b);
  const distinct: number[] = [];
  for (const t of sorted) {
    const last = distinct.at(-1);
    if (last === undefined || t - last > 0.05) distinct.push(t);
  }
  return distinct
    .slice(1)
    .map((t, i) => t - (distinct[i] as number))
    .filter((d) => d < LONGEST_INTERVAL);
}

/**
 * The interval (seconds) that the most note time moves in: each interval scores the summed length of the
 * intervals within 5 % of it; the best one's neighbourhood is averaged. 0 with no intervals.
 */
export function commonestInterval(intervals: readonly number[]): number {
  let best = 0;
  let bestScore = 0;
  for (const d of intervals) {
    let score = 0;
    for (const e of intervals) if (Math.abs(e - d) <= 0.05 * d) score += Math.min(e, WEIGHT_CAP);
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  let sum = 0;
  let count = 0;
  for (const e of intervals) {
    if (Math.abs(e - best) > 0.05 * best) continue;
    sum += e;
    count++;
  }
  return count > 0 ? sum / count : 0;
}

/**
 * The tempo (bpm) among the envelope's periodicities, the notes' commonest interval, and their doubles and
 * halves, that best explains
 * the note starts (seconds) under the tempo prior; `envelopeBpm` is the tempo the beat tracker found on
 * the envelope alone. `undefined` when there are too few notes to judge or no tempo to start from.
 */
export function notatedTempo(
  envelope: Float64Array,
  frameRate: number,
  envelopeBpm: number,
  noteStarts: readonly number[],
  options: NotatedTempoOptions = {},
): number | undefined {
  const intervals = startIntervals(noteStarts);
  if (!(envelopeBpm > 0) || intervals.length < (options.minIntervals ?? 8)) return undefined;
  const minBpm = options.minBpm ?? 40;
  const maxBpm = options.maxBpm ?? 220;
  const otherFamily = options.otherFamily ?? 0.8;
  const hypotheses = [envelopeBpm];
  for (const c of estimateTempo(envelope, frameRate, { maxCandidates: 20 }).candidates)
    hypotheses.push(c.bpm);
  // The notes' own commonest interval, for when the envelope is too weak to show that periodicity at all.
  const common = commonestInterval(intervals);
  if (common > 0) hypotheses.push(60 / common);
  let best: { bpm: number; score: number } | undefined;
  for (const base of hypotheses) {
    for (const bpm of [base, 2 * base, base / 2]) {
      if (bpm < minBpm || bpm > maxBpm) continue;
      const octaves = Math.log2(bpm / envelopeBpm);
      const family = Math.abs(octaves - Math.round(octaves)) < 0.06;
      const score =
        tempoPrior(bpm, options.priorBpm ?? 90, options.priorOctaves ?? 1) *
        (FIT_FLOOR + gridFit(intervals, 60 / bpm)) *
        (family ? 1 : otherFamily);
      if (best === undefined || score > best.score) best = { bpm, score };
    }
  }
  return best?.bpm;
}

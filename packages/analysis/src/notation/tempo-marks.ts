/**
 * Tempo marks from beat periods: the median period gives the opening tempo; a stretch of at least two
 * measures whose periods all stray more than 8 % from the current tempo (same direction) starts a new
 * mark at its first measure. Bpm counts quarter notes and is rounded to a whole number.
 */
import { bpm as toBpm, mul, rat, type Bpm, type Rational, type TempoMark } from '@cadenza/core';

const median = (values: readonly number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

export interface TempoInput {
  /** Seconds between consecutive tracked beats; `periods[i]` runs from beat i to beat i + 1. */
  readonly periods: readonly number[];
  /** Beat index (in the tracked list) at score position 0. */
  readonly origin: number;
  /** Beats before the first full measure (the pickup), in beats. */
  readonly pickupBeats: number;
  readonly beatsPerMeasure: number;
  /** Quarter notes per beat (3/2 in 6/8). */
  readonly beatLength: Rational;
}

const DRIFT = 0.08;
const SUSTAIN_MEASURES = 2;

export function tempoMarks(input: TempoInput): TempoMark[] {
  const quarterBpm = (period: number): Bpm =>
    toBpm(Math.round((60 / period) * (input.beatLength.n / input.beatLength.d)));
  // Measure m (0 = first full measure) starts at tracked beat origin + pickup + m × beatsPerMeasure.
  const measures: { start: number; period: number }[] = [];
  for (let m = 0; input.origin + input.pickupBeats + m * input.beatsPerMeasure < input.periods.length; m++) {
    const start = input.pickupBeats + m * input.beatsPerMeasure;
    const from = Math.max(0, input.origin + start);
    const slice = input.periods.slice(from, input.origin + start + input.beatsPerMeasure);
    if (slice.length > 0) measures.push({ start, period: median(slice) });
  }
  const changes: number[] = [];
  let current = median(input.periods);
  let i = 0;
  while (i < measures.length) {
    const dir = Math.sign((measures[i] as { period: number }).period - current);
    let j = i;
    while (j < measures.length) {
      const p = (measures[j] as { period: number }).period;
      if (Math.abs(p - current) / current <= DRIFT || Math.sign(p - current) !== dir) break;
      j++;
    }
    if (j - i >= SUSTAIN_MEASURES) {
      if (i > 0) changes.push(i);
      current = median(measures.slice(i, j).map((m) => m.period));
      i = j;
    } else i = Math.max(i + 1, j);
  }
  if (changes.length === 0) return [{ position: rat(0), bpm: quarterBpm(median(input.periods)) }];
  const bounds = [0, ...changes, measures.length];
  return bounds.slice(0, -1).map((from, k) => {
    const segment = measures.slice(from, bounds[k + 1]).map((m) => m.period);
    const start = k === 0 ? 0 : (measures[from] as { start: number }).start;
    return { position: mul(rat(start), input.beatLength), bpm: quarterBpm(median(segment)) };
  });
}

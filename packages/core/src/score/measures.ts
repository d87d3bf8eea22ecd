import { measureLength, type TimeSignature } from '../time/meter.js';
import { add, compare, gt, isZero, lt, max, sub, ZERO, type Rational } from '../time/rational.js';
import { tempoMap, type TempoMap } from '../time/tempo-map.js';
import type { Key } from '../theory/key.js';
import type { Note, Score } from './score.js';

/** One measure of a score's measure map. */
export interface Measure {
  /** Measure number as printed: 0 for a pickup, then 1, 2, … */
  readonly number: number;
  readonly start: Rational;
  /** Actual length in quarter notes (a pickup is shorter than its time signature). */
  readonly length: Rational;
  readonly timeSignature: TimeSignature;
  readonly isPickup: boolean;
}

/** Position just after the last sounding note (or `score.end` if later). */
export function contentEnd(score: Score): Rational {
  let end = score.end ?? ZERO;
  for (const part of score.parts) {
    for (const n of part.notes) end = max(end, add(n.position, n.duration));
  }
  return end;
}

export function meterAt(score: Score, position: Rational): TimeSignature {
  let ts = score.meters[0]?.timeSignature ?? { beats: 4, beatType: 4 };
  for (const m of score.meters) if (compare(m.position, position) <= 0) ts = m.timeSignature;
  return ts;
}

export function keyAt(score: Score, position: Rational): Key {
  let key: Key = score.keys[0]?.key ?? { tonic: { step: 'C', alter: 0 }, mode: 'major' };
  for (const k of score.keys) if (compare(k.position, position) <= 0) key = k.key;
  return key;
}

/**
 * The measures of a score, from its pickup and meter changes, covering all its notes (at least one
 * measure). A meter change that falls inside a measure starts a new measure there.
 */
export function measureMap(score: Score): Measure[] {
  const end = contentEnd(score);
  const measures: Measure[] = [];
  let start: Rational = ZERO;
  let number = 1;
  if (gt(score.pickup, ZERO)) {
    measures.push({
      number: 0,
      start,
      length: score.pickup,
      timeSignature: meterAt(score, ZERO),
      isPickup: true,
    });
    start = score.pickup;
  }
  while (measures.length === 0 || lt(start, end)) {
    const ts = meterAt(score, start);
    let length = measureLength(ts);
    const nextChange = score.meters.find((m) => gt(m.position, start) && lt(m.position, add(start, length)));
    if (nextChange) length = sub(nextChange.position, start);
    measures.push({ number, start, length, timeSignature: ts, isPickup: false });
    start = add(start, length);
    number++;
    if (isZero(length)) break;
  }
  return measures;
}

export function scoreTempoMap(score: Score): TempoMap {
  return tempoMap(score.tempos.map((t) => ({ position: t.position, bpm: t.bpm })));
}

/** Notes of all parts sorted by position, then staff, voice and pitch height. */
export function allNotes(score: Score): Array<Note & { readonly partId: string }> {
  return score.parts
    .flatMap((p) => p.notes.map((n) => ({ ...n, partId: p.id })))
    .sort((a, b) => compare(a.position, b.position) || a.staff - b.staff || a.voice - b.voice);
}

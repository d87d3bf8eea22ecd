import { MusicError } from '../errors.js';
import { seconds, type Bpm, type Seconds } from '../units.js';
import { compare, toNumber, ZERO, type Rational } from './rational.js';

/** A tempo that holds from `position` (quarter notes) until the next change. */
export interface TempoChange {
  readonly position: Rational;
  /** Quarter notes per minute. */
  readonly bpm: Bpm;
}

/**
 * Converts notated time (quarter-note beats) to seconds and back through a list of tempo changes.
 * Tempo is stepwise constant between changes.
 */
export interface TempoMap {
  readonly changes: readonly TempoChange[];
}

/** Builds a tempo map; the first change is moved to 0 if none starts there. Tempos must be positive. */
export function tempoMap(changes: readonly TempoChange[]): TempoMap {
  if (changes.length === 0) throw new MusicError('a tempo map needs at least one tempo');
  for (const c of changes) {
    if (!(c.bpm > 0) || !Number.isFinite(c.bpm)) {
      throw new MusicError(`tempo must be a positive number of beats per minute, got ${c.bpm}`);
    }
  }
  const sorted = [...changes].sort((a, b) => compare(a.position, b.position));
  const first = sorted[0] as TempoChange;
  if (compare(first.position, ZERO) !== 0) sorted.unshift({ position: ZERO, bpm: first.bpm });
  return { changes: sorted };
}

/** Seconds from the start to a position given in quarter-note beats. */
export function beatsToSeconds(map: TempoMap, beats: number | Rational): Seconds {
  const b = typeof beats === 'number' ? beats : toNumber(beats);
  let total = 0;
  for (let i = 0; i < map.changes.length; i++) {
    const c = map.changes[i] as TempoChange;
    const start = toNumber(c.position);
    const next = map.changes[i + 1];
    const end = next ? toNumber(next.position) : Infinity;
    if (b <= start) break;
    total += ((Math.min(b, end) - start) * 60) / c.bpm;
  }
  if (b < 0) total = (b * 60) / (map.changes[0] as TempoChange).bpm;
  return seconds(total);
}

/** Quarter-note beats from the start to a time in seconds. */
export function secondsToBeats(map: TempoMap, time: Seconds | number): number {
  let elapsed = 0;
  for (let i = 0; i < map.changes.length; i++) {
    const c = map.changes[i] as TempoChange;
    const start = toNumber(c.position);
    const next = map.changes[i + 1];
    const spanSeconds = next ? ((toNumber(next.position) - start) * 60) / c.bpm : Infinity;
    if (time <= elapsed + spanSeconds || i === map.changes.length - 1) {
      return start + ((time - elapsed) * c.bpm) / 60;
    }
    elapsed += spanSeconds;
  }
  return 0;
}

/** The tempo in force at a position. */
export function tempoAt(map: TempoMap, position: Rational): Bpm {
  let bpmNow = (map.changes[0] as TempoChange).bpm;
  for (const c of map.changes) {
    if (compare(c.position, position) <= 0) bpmNow = c.bpm;
  }
  return bpmNow;
}

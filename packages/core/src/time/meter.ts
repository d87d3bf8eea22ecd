import { MusicError } from '../errors.js';
import { rat, type Rational } from './rational.js';

/** A time signature such as 3/4 or 6/8. */
export interface TimeSignature {
  /** Upper number. */
  readonly beats: number;
  /** Lower number: the note value counted, 4 = quarter, 8 = eighth. */
  readonly beatType: number;
}

/** Length of one measure in quarter notes (6/8 → 3). */
export function measureLength(ts: TimeSignature): Rational {
  return rat(ts.beats * 4, ts.beatType);
}

/** Compound meters divide the beat in three: 6/8, 9/8, 12/8, 6/4. */
export function isCompoundMeter(ts: TimeSignature): boolean {
  return ts.beats > 3 && ts.beats % 3 === 0 && ts.beatType >= 4;
}

/** The felt beat in quarter notes: 1 in 4/4, 3/2 (a dotted quarter) in 6/8, 1/2 in 2/8. */
export function beatLength(ts: TimeSignature): Rational {
  return isCompoundMeter(ts) ? rat(12, ts.beatType) : rat(4, ts.beatType);
}

/** Felt beats per measure: 4 in 4/4, 2 in 6/8, 3 in 9/8. */
export function beatsPerMeasure(ts: TimeSignature): number {
  return isCompoundMeter(ts) ? ts.beats / 3 : ts.beats;
}

const VALID_BEAT_TYPES = new Set([1, 2, 4, 8, 16, 32, 64]);

/** Parses "3/4", "6/8", "C" (common time, 4/4) and "C|" (cut time, 2/2). */
export function parseTimeSignature(text: string): TimeSignature {
  const t = text.trim();
  if (t === 'C') return { beats: 4, beatType: 4 };
  if (t === 'C|' || t === '¢') return { beats: 2, beatType: 2 };
  const m = /^(\d{1,2})\s*\/\s*(\d{1,2})$/.exec(t);
  if (!m) throw new MusicError(`'${text}' is not a time signature: write it like 3/4 or 6/8`, text);
  const beats = Number(m[1]);
  const beatType = Number(m[2]);
  if (beats < 1) throw new MusicError(`a time signature needs at least one beat, got '${text}'`, text);
  if (!VALID_BEAT_TYPES.has(beatType)) {
    throw new MusicError(`the lower number of '${text}' must be 1, 2, 4, 8, 16, 32 or 64`, text);
  }
  return { beats, beatType };
}

export const formatTimeSignature = (ts: TimeSignature): string => `${ts.beats}/${ts.beatType}`;

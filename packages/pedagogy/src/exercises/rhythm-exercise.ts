import {
  beatLength,
  isCompoundMeter,
  keyFromFifths,
  measureLength,
  mul,
  parseTimeSignature,
  placeAtOrAbove,
  rat,
  add,
  lt,
  type Note,
  type Pitch,
  type Rng,
  type TimeSignature,
} from '@cadenza/core';
import { RequestFieldError } from '../arrange/request/resolve-request.js';
import { levelRow, RHYTHM_LEVELS, type RhythmLevel } from './difficulty-model.js';
import type { ExerciseRequest } from './exercise-request.js';
import { keyWithMode } from './exercise-request.js';
import type { ExerciseBody } from './hand-layout.js';
import type { NoteValueName } from './note-values.js';
import { allowedCells, eventTimes, fillBar, finalValue, type RhythmEvent } from './rhythm-cells.js';

/** Note values each rhythm subtype always allows, whatever the level (its focus). */
export const RHYTHM_FOCUS: Readonly<Record<string, readonly NoteValueName[]>> = {
  quarter_notes: ['quarter'],
  eighth_notes: ['eighth'],
  triplets: ['triplet-eighth', 'triplet-quarter'],
  syncopation: ['eighth'],
  dotted_rhythms: ['dotted-quarter', 'eighth'],
};

const SIMPLE_ONLY = new Set(['triplets', 'syncopation']);

/** The note values a rhythm of this subtype and level may use. */
export function rhythmValues(subtype: string, level: RhythmLevel): NoteValueName[] {
  return [...new Set([...level.noteValues, ...(RHYTHM_FOCUS[subtype] ?? [])])];
}

/** The percussion line's pitch: E5, the hi wood block on General MIDI channel 10, in the top space. */
export const PERCUSSION_PITCH: Pitch = { step: 'E', alter: 0, octave: 5 };
export const DEFAULT_RHYTHM_BARS = 4;

export function chooseMeter(
  request: ExerciseRequest,
  meters: readonly string[],
  simpleOnly: boolean,
  rng: Rng,
): TimeSignature {
  if (request.timeSignature) {
    if (simpleOnly && isCompoundMeter(request.timeSignature)) {
      throw new RequestFieldError(
        'time_signature',
        `${request.subtype.name} are written in simple time (2/4, 3/4, 4/4): in 6/8 every beat already divides in three`,
      );
    }
    return request.timeSignature;
  }
  const pool = meters.filter((m) => !simpleOnly || m !== '6/8');
  return parseTimeSignature(rng.pick(pool.length > 0 ? pool : ['4/4']));
}

/** Bars of rhythm events, the last one ending on a long note. */
export function rhythmBars(
  ts: TimeSignature,
  values: readonly NoteValueName[],
  rests: boolean,
  focus: string,
  bars: number,
  rng: Rng,
): RhythmEvent[][] {
  const cells = allowedCells(ts, values, rests);
  return Array.from({ length: bars }, (_, b) =>
    fillBar(ts, cells, focus, rng, b === bars - 1 ? finalValue(ts) : undefined),
  );
}

/** Rhythm: one pitch (or a percussion line) reading the subtype's rhythms; the left hand may keep the beat. */
export function rhythmExercise(request: ExerciseRequest, rng: Rng): ExerciseBody {
  const level = levelRow(RHYTHM_LEVELS, request.difficulty);
  const subtype = request.subtype.name;
  const key = request.key ? keyWithMode(request.key, request.key.mode) : keyFromFifths(0);
  const ts = chooseMeter(request, level.meters, SIMPLE_ONLY.has(subtype), rng);
  const bars = request.bars ?? DEFAULT_RHYTHM_BARS;
  const values = rhythmValues(subtype, level);
  const rhythm = rhythmBars(ts, values, level.rests, subtype, bars, rng);
  const percussion = request.percussion;
  const pitch = percussion ? PERCUSSION_PITCH : placeAtOrAbove(key.tonic, 64);
  const notes: Note[] = eventTimes(rhythm, ts).map((e) => ({
    pitch,
    position: e.position,
    duration: e.duration,
    staff: 1,
    voice: 1,
  }));
  const pulse = !percussion && (request.hands ?? level.hands) === 'together';
  if (pulse) {
    const beat = beatLength(ts);
    const end = mul(rat(bars), measureLength(ts));
    const low = placeAtOrAbove(key.tonic, 43);
    for (let at = rat(0); lt(at, end); at = add(at, beat)) {
      notes.push({ pitch: low, position: at, duration: beat, staff: 2, voice: 1 });
    }
  }
  const label = subtype.replace(/_/g, ' ');
  return {
    key,
    timeSignature: ts,
    laid: { notes, fingering: [], bars },
    hands: pulse ? 'together' : 'right',
    title: `Rhythm: ${label} in ${ts.beats}/${ts.beatType}`,
    description:
      `${bars} bars of ${label} in ${ts.beats}/${ts.beatType}${percussion ? ' on a percussion line' : ' on one note'}` +
      (pulse ? ', with the left hand keeping the beat' : '') +
      `. Note values: ${values.join(', ')}${level.rests ? ', with rests' : ''}.`,
    detail: { meter: `${ts.beats}/${ts.beatType}`, rests: level.rests, pulse },
    layout: pulse ? 'piano' : percussion ? 'percussion' : 'treble',
    rhythm,
  };
}

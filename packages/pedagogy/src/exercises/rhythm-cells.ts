import {
  isCompoundMeter,
  measureLength,
  rat,
  sum,
  toNumber,
  type Rational,
  type Rng,
  type TimeSignature,
} from '@cadenza/core';
import { NOTE_VALUES, type NoteValueName } from './note-values.js';

/** One event of a rhythm: a note value, sounding or silent. */
export interface RhythmEvent {
  readonly value: NoteValueName;
  readonly rest: boolean;
}

/** A rhythm cell: a few events filling one or two beats, tagged with what it trains. */
export interface RhythmCell {
  readonly events: readonly RhythmEvent[];
  readonly tags: readonly string[];
}

const parse = (text: string, ...tags: string[]): RhythmCell => ({
  events: text.split(' ').map((t) => {
    const rest = t.startsWith('r:');
    return { value: (rest ? t.slice(2) : t) as NoteValueName, rest };
  }),
  tags,
});

/** Cells for simple meters (2/4, 3/4, 4/4), beat = quarter note. */
export const SIMPLE_CELLS: readonly RhythmCell[] = [
  parse('quarter', 'quarter_notes', 'plain'),
  parse('half', 'plain'),
  parse('dotted-half', 'plain'),
  parse('whole', 'plain'),
  parse('r:quarter', 'quarter_notes', 'rest'),
  parse('eighth eighth', 'eighth_notes', 'plain'),
  parse('eighth eighth eighth eighth', 'eighth_notes'),
  parse('r:eighth eighth', 'eighth_notes', 'syncopation', 'rest'),
  parse('quarter eighth eighth', 'eighth_notes'),
  parse('triplet-eighth triplet-eighth triplet-eighth', 'triplets'),
  parse('r:triplet-eighth triplet-eighth triplet-eighth', 'triplets', 'rest'),
  parse('triplet-quarter triplet-eighth', 'triplets'),
  parse('eighth quarter eighth', 'syncopation'),
  parse('r:eighth quarter eighth', 'syncopation', 'rest'),
  parse('eighth dotted-quarter', 'syncopation'),
  parse('sixteenth eighth sixteenth', 'syncopation'),
  parse('dotted-quarter eighth', 'dotted_rhythms'),
  parse('dotted-half quarter', 'dotted_rhythms'),
  parse('dotted-eighth sixteenth', 'dotted_rhythms'),
  parse('sixteenth dotted-eighth', 'dotted_rhythms'),
  parse('sixteenth sixteenth sixteenth sixteenth', 'rhythm_reading'),
  parse('eighth sixteenth sixteenth', 'rhythm_reading'),
  parse('sixteenth sixteenth eighth', 'rhythm_reading'),
];

/** Cells for 6/8, beat = dotted quarter. */
export const COMPOUND_CELLS: readonly RhythmCell[] = [
  parse('dotted-quarter', 'plain', 'quarter_notes'),
  parse('dotted-half', 'plain'),
  parse('quarter eighth', 'eighth_notes', 'plain'),
  parse('eighth eighth eighth', 'eighth_notes'),
  parse('eighth quarter', 'syncopation'),
  parse('r:eighth eighth eighth', 'eighth_notes', 'rest'),
  parse('dotted-eighth sixteenth eighth', 'dotted_rhythms', 'rhythm_reading'),
  parse('eighth sixteenth sixteenth eighth', 'rhythm_reading'),
];

export const cellLength = (cell: RhythmCell): Rational => sum(cell.events.map((e) => NOTE_VALUES[e.value]));

/** Cells whose every value is allowed (rests only when allowed), for the meter's kind. */
export function allowedCells(
  ts: TimeSignature,
  values: readonly NoteValueName[],
  rests: boolean,
): RhythmCell[] {
  const pool = isCompoundMeter(ts) ? COMPOUND_CELLS : SIMPLE_CELLS;
  return pool.filter(
    (c) => c.events.every((e) => values.includes(e.value)) && (rests || !c.events.some((e) => e.rest)),
  );
}

/** The note a rhythm ends on, filling the end of its last bar: a half (2/4, 4/4) or dotted half (3/4, 6/8). */
export function finalValue(ts: TimeSignature): NoteValueName {
  return isCompoundMeter(ts) || ts.beats === 3 ? 'dotted-half' : 'half';
}

/**
 * One bar of rhythm from the cells, weighted towards those carrying `focus`; cells never cross the
 * middle of the bar in 4/4 unless they are syncopations (which exist to). `tail` is a value the bar
 * must end with (the final note). Returns the events; their values sum exactly to the bar.
 */
export function fillBar(
  ts: TimeSignature,
  cells: readonly RhythmCell[],
  focus: string,
  rng: Rng,
  tail?: NoteValueName,
): RhythmEvent[] {
  const bar = toNumber(measureLength(ts));
  const tailLength = tail ? toNumber(NOTE_VALUES[tail]) : 0;
  for (let attempt = 0; attempt < 20; attempt++) {
    const events: RhythmEvent[] = [];
    let at = 0;
    let hasFocus = false;
    while (at < bar - tailLength - 1e-9) {
      const room = bar - tailLength - at;
      const fits = cells.filter((c) => {
        const len = toNumber(cellLength(c));
        if (len > room + 1e-9) return false;
        const crossesMiddle = ts.beats === 4 && at < 2 - 1e-9 && at + len > 2 + 1e-9;
        return !crossesMiddle || c.tags.includes('syncopation');
      });
      if (fits.length === 0) break;
      const cell = rng.weighted(
        fits,
        fits.map((c) => (c.tags.includes(focus) ? 4 : 1)),
      );
      events.push(...cell.events);
      at += toNumber(cellLength(cell));
      if (cell.tags.includes(focus)) hasFocus = true;
    }
    if (Math.abs(at - (bar - tailLength)) > 1e-9) continue;
    if (!hasFocus && attempt < 19 && cells.some((c) => c.tags.includes(focus))) continue;
    if (tail) events.push({ value: tail, rest: false });
    return events;
  }
  // Always possible: quarters (or dotted quarters) fill any exercise meter.
  const beat: NoteValueName = isCompoundMeter(ts) ? 'dotted-quarter' : 'quarter';
  const count = Math.round((bar - tailLength) / toNumber(NOTE_VALUES[beat]));
  const filler = Array.from({ length: count }, (): RhythmEvent => ({ value: beat, rest: false }));
  return tail ? [...filler, { value: tail, rest: false }] : filler;
}

/** Positions of the sounding events of consecutive bars, with their durations. */
export function eventTimes(
  bars: readonly (readonly RhythmEvent[])[],
  ts: TimeSignature,
): { position: Rational; duration: Rational; bar: number }[] {
  const measure = measureLength(ts);
  const out: { position: Rational; duration: Rational; bar: number }[] = [];
  bars.forEach((events, b) => {
    let at = rat(b * measure.n, measure.d);
    for (const e of events) {
      const duration = NOTE_VALUES[e.value];
      if (!e.rest) out.push({ position: at, duration, bar: b });
      at = sum([at, duration]);
    }
  });
  return out;
}

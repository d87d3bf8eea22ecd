import { rat, type Rational } from '@cadenza/core';

/** Simple meters count quarter-note beats; compound meters (6/8) dotted-quarter beats. */
export type BeatKind = 'simple' | 'compound';

/**
 * A rhythm cell: a figure that fills one or more whole beats, the unit rhythm dictations and dictation
 * melodies are built from, so every beat is written the way a reader expects it.
 */
export interface RhythmCell {
  readonly id: string;
  /** What a teacher calls it. */
  readonly name: string;
  readonly beatKind: BeatKind;
  /** Felt beats the cell fills. */
  readonly beats: number;
  /** Durations in quarter notes; `rest` marks a silent value. */
  readonly values: readonly { readonly duration: Rational; readonly rest?: boolean }[];
}

const note = (n: number, d = 1) => ({ duration: rat(n, d) });
const rest = (n: number, d = 1) => ({ duration: rat(n, d), rest: true });

const cell = (
  id: string,
  name: string,
  beatKind: BeatKind,
  beats: number,
  values: RhythmCell['values'],
): RhythmCell => ({ id, name, beatKind, beats, values });

/** Every cell the difficulty model may name. */
export const RHYTHM_CELLS: readonly RhythmCell[] = [
  cell('q', 'quarter note', 'simple', 1, [note(1)]),
  cell('h', 'half note', 'simple', 2, [note(2)]),
  cell('dh', 'dotted half note', 'simple', 3, [note(3)]),
  cell('w', 'whole note', 'simple', 4, [note(4)]),
  cell('8s', 'two eighth notes', 'simple', 1, [note(1, 2), note(1, 2)]),
  cell('qr', 'quarter rest', 'simple', 1, [rest(1)]),
  cell('hr', 'half rest', 'simple', 2, [rest(2)]),
  cell('dq8', 'dotted quarter and eighth', 'simple', 2, [note(3, 2), note(1, 2)]),
  cell('16s', 'four sixteenth notes', 'simple', 1, [note(1, 4), note(1, 4), note(1, 4), note(1, 4)]),
  cell('8r8', 'eighth rest and eighth', 'simple', 1, [rest(1, 2), note(1, 2)]),
  cell('8-16-16', 'eighth and two sixteenths', 'simple', 1, [note(1, 2), note(1, 4), note(1, 4)]),
  cell('16-16-8', 'two sixteenths and an eighth', 'simple', 1, [note(1, 4), note(1, 4), note(1, 2)]),
  cell('synco', 'eighth, quarter, eighth (syncopation)', 'simple', 2, [note(1, 2), note(1), note(1, 2)]),
  cell('trip8', 'eighth-note triplet', 'simple', 1, [note(1, 3), note(1, 3), note(1, 3)]),
  cell('d8-16', 'dotted eighth and sixteenth', 'simple', 1, [note(3, 4), note(1, 4)]),
  cell('16-8-16', 'sixteenth, eighth, sixteenth', 'simple', 1, [note(1, 4), note(1, 2), note(1, 4)]),
  cell('tripq', 'quarter-note triplet', 'simple', 2, [note(2, 3), note(2, 3), note(2, 3)]),
  cell('c-dq', 'dotted quarter note', 'compound', 1, [note(3, 2)]),
  cell('c-q8', 'quarter and eighth', 'compound', 1, [note(1), note(1, 2)]),
  cell('c-888', 'three eighth notes', 'compound', 1, [note(1, 2), note(1, 2), note(1, 2)]),
  cell('c-dh', 'dotted half note', 'compound', 2, [note(3)]),
  cell('c-8q', 'eighth and quarter', 'compound', 1, [note(1, 2), note(1)]),
  cell('c-dqr', 'dotted quarter rest', 'compound', 1, [rest(3, 2)]),
  cell(
    'c-6x16',
    'six sixteenth notes',
    'compound',
    1,
    Array.from({ length: 6 }, () => note(1, 4)),
  ),
  cell('c-d8-16-8', 'dotted eighth, sixteenth, eighth', 'compound', 1, [note(3, 4), note(1, 4), note(1, 2)]),
];

const BY_ID = new Map(RHYTHM_CELLS.map((c) => [c.id, c]));

export function rhythmCell(id: string): RhythmCell {
  const found = BY_ID.get(id);
  if (!found) throw new RangeError(`no rhythm cell '${id}'`);
  return found;
}

/** True when a cell may start on beat `beat` (from 0) of a bar of `beatsPerBar` felt beats. */
export function cellFitsAt(c: RhythmCell, beat: number, beatsPerBar: number): boolean {
  if (beat + c.beats > beatsPerBar) return false;
  if (c.beats === 1) return true;
  // Longer figures start where a reader expects them: on the downbeat, or on the bar's middle beat
  // in 4/4; in 3/4 a two-beat figure may also follow a one-beat one.
  if (c.beats === 2) return beat % 2 === 0 || beatsPerBar === 3;
  return beat === 0;
}

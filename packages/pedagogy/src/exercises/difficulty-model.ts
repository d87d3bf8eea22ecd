/**
 * The difficulty model (issue 7): for every exercise type, what changes from level 1 to level 10.
 * One row per level, index 0 = level 1. `docs/practice-difficulty.md` describes the same table for
 * teachers; the property tests hold every generated exercise to its row.
 *
 * Shared meanings:
 * - `tempo`: the default quarter-note tempo when the request names none (a request's tempo wins).
 * - `maxKeyFifths`: the most sharps or flats of the key chosen when the request names no key.
 * - `hands`: `right` (right hand only), `separate` (right hand, then left hand), `together`.
 *
 * Ear training has its own levels (answer choices, intervals, chord qualities, dictation lengths) in
 * `../ear-training/difficulty-model.ts`.
 */
import type { NoteValueName } from './note-values.js';

export type Hands = 'right' | 'separate' | 'together';
export type Level = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;
export const LEVELS: readonly Level[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

export interface ScaleLevel {
  /** Octaves up and back down. */
  readonly octaves: number;
  /** Every note of the run has this value. */
  readonly noteValue: NoteValueName;
  readonly hands: Hands;
  readonly tempo: number;
  readonly maxKeyFifths: number;
}

export type ArpeggioInversions = 'root' | 'root-and-first' | 'all';

export interface ArpeggioLevel extends ScaleLevel {
  /** Which inversions the exercise plays, one after another, when the request names none. */
  readonly inversions: ArpeggioInversions;
}

export interface ProgressionLevel {
  /** How long each chord lasts. */
  readonly chordValue: NoteValueName;
  /** Seventh chords (V7, ii7, …) instead of triads. */
  readonly sevenths: boolean;
  /** Inversions chosen for a smooth bass (I–IV64–V65–I) instead of root position throughout. */
  readonly inversions: boolean;
  readonly tempo: number;
  readonly maxKeyFifths: number;
}

export interface RhythmLevel {
  /** Note values any rhythm at this level may use; each subtype adds its own focus values. */
  readonly noteValues: readonly NoteValueName[];
  /** Rests inside the bar. */
  readonly rests: boolean;
  /** Time signatures chosen from when the request names none. */
  readonly meters: readonly string[];
  /** `together`: the left hand keeps the beat on a second staff while the right hand reads the rhythm. */
  readonly hands: Hands;
  readonly tempo: number;
}

export interface SightReadingLevel {
  /** Largest melodic interval in letter steps (1 = a second, 2 = a third, … 7 = an octave). */
  readonly maxInterval: number;
  /** Compass of the melody in letter steps from its lowest to its highest note (4 = a fifth). */
  readonly rangeSteps: number;
  readonly noteValues: readonly NoteValueName[];
  readonly rests: boolean;
  /** Chromatic notes outside the key (and, in minor, its raised 7th) allowed in one bar. */
  readonly accidentalsPerBar: number;
  readonly maxKeyFifths: number;
  readonly meters: readonly string[];
  /** `together` adds a left-hand bass line in whole and half notes. */
  readonly hands: Hands;
  readonly tempo: number;
}

const Q: NoteValueName = 'quarter';
const E: NoteValueName = 'eighth';
const S: NoteValueName = 'sixteenth';

const scale = (
  octaves: number,
  noteValue: NoteValueName,
  hands: Hands,
  tempo: number,
  maxKeyFifths: number,
): ScaleLevel => ({ octaves, noteValue, hands, tempo, maxKeyFifths });

export const SCALE_LEVELS: readonly ScaleLevel[] = [
  scale(1, Q, 'separate', 60, 1),
  scale(1, Q, 'separate', 72, 2),
  scale(1, E, 'separate', 60, 3),
  scale(2, E, 'separate', 66, 4),
  scale(2, E, 'together', 72, 5),
  scale(2, E, 'together', 84, 7),
  scale(3, E, 'together', 96, 7),
  scale(2, S, 'together', 72, 7),
  scale(4, S, 'together', 80, 7),
  scale(4, S, 'together', 100, 7),
];

export const ARPEGGIO_LEVELS: readonly ArpeggioLevel[] = [
  { ...scale(1, Q, 'separate', 60, 1), inversions: 'root' },
  { ...scale(1, Q, 'separate', 72, 2), inversions: 'root' },
  { ...scale(1, E, 'separate', 60, 3), inversions: 'root' },
  { ...scale(2, E, 'separate', 66, 4), inversions: 'root' },
  { ...scale(2, E, 'together', 72, 5), inversions: 'root-and-first' },
  { ...scale(2, E, 'together', 84, 7), inversions: 'root-and-first' },
  { ...scale(2, E, 'together', 100, 7), inversions: 'root-and-first' },
  { ...scale(2, S, 'together', 66, 7), inversions: 'all' },
  { ...scale(3, S, 'together', 72, 7), inversions: 'all' },
  { ...scale(4, S, 'together', 80, 7), inversions: 'all' },
];

const prog = (
  chordValue: NoteValueName,
  sevenths: boolean,
  inversions: boolean,
  tempo: number,
  maxKeyFifths: number,
): ProgressionLevel => ({ chordValue, sevenths, inversions, tempo, maxKeyFifths });

export const PROGRESSION_LEVELS: readonly ProgressionLevel[] = [
  prog('whole', false, false, 60, 0),
  prog('whole', false, false, 66, 1),
  prog('half', false, false, 72, 2),
  prog('half', false, true, 72, 3),
  prog('half', true, false, 76, 4),
  prog('half', true, true, 80, 5),
  prog('half', true, true, 92, 6),
  prog(Q, true, true, 80, 7),
  prog(Q, true, true, 96, 7),
  prog(Q, true, true, 112, 7),
];

const SIMPLE = ['4/4'];
const SIMPLE_ALL = ['4/4', '3/4', '2/4'];
const WITH_COMPOUND = ['4/4', '3/4', '2/4', '6/8'];
const LONG: readonly NoteValueName[] = ['whole', 'dotted-half', 'half', Q];

export const RHYTHM_LEVELS: readonly RhythmLevel[] = [
  { noteValues: LONG, rests: false, meters: SIMPLE, hands: 'right', tempo: 60 },
  { noteValues: LONG, rests: true, meters: SIMPLE, hands: 'right', tempo: 66 },
  { noteValues: [...LONG, E], rests: true, meters: SIMPLE_ALL, hands: 'right', tempo: 72 },
  { noteValues: [...LONG, E, 'dotted-quarter'], rests: true, meters: SIMPLE_ALL, hands: 'right', tempo: 76 },
  {
    noteValues: [...LONG, E, 'dotted-quarter'],
    rests: true,
    meters: WITH_COMPOUND,
    hands: 'right',
    tempo: 80,
  },
  {
    noteValues: [...LONG, E, 'dotted-quarter', S],
    rests: true,
    meters: WITH_COMPOUND,
    hands: 'right',
    tempo: 84,
  },
  {
    noteValues: [...LONG, E, 'dotted-quarter', S, 'dotted-eighth'],
    rests: true,
    meters: WITH_COMPOUND,
    hands: 'right',
    tempo: 88,
  },
  {
    noteValues: [...LONG, E, 'dotted-quarter', S, 'dotted-eighth', 'triplet-eighth'],
    rests: true,
    meters: WITH_COMPOUND,
    hands: 'together',
    tempo: 84,
  },
  {
    noteValues: [...LONG, E, 'dotted-quarter', S, 'dotted-eighth', 'triplet-eighth'],
    rests: true,
    meters: WITH_COMPOUND,
    hands: 'together',
    tempo: 96,
  },
  {
    noteValues: [...LONG, E, 'dotted-quarter', S, 'dotted-eighth', 'triplet-eighth', 'triplet-quarter'],
    rests: true,
    meters: WITH_COMPOUND,
    hands: 'together',
    tempo: 108,
  },
];

const sight = (
  maxInterval: number,
  rangeSteps: number,
  noteValues: readonly NoteValueName[],
  accidentalsPerBar: number,
  maxKeyFifths: number,
  meters: readonly string[],
  hands: Hands,
  tempo: number,
): SightReadingLevel => ({
  maxInterval,
  rangeSteps,
  noteValues,
  rests: noteValues.length > 3,
  accidentalsPerBar,
  maxKeyFifths,
  meters,
  hands,
  tempo,
});

const SR1: readonly NoteValueName[] = ['whole', 'half', Q];
const SR2: readonly NoteValueName[] = [...SR1, 'dotted-half'];
const SR3: readonly NoteValueName[] = [...SR2, E];
const SR4: readonly NoteValueName[] = [...SR3, 'dotted-quarter'];
const SR6: readonly NoteValueName[] = [...SR4, S];
const SR7: readonly NoteValueName[] = [...SR6, 'dotted-eighth'];
const SR8: readonly NoteValueName[] = [...SR7, 'triplet-eighth'];

export const SIGHT_READING_LEVELS: readonly SightReadingLevel[] = [
  sight(1, 4, SR1, 0, 0, SIMPLE, 'right', 60),
  sight(2, 4, SR2, 0, 1, ['4/4', '3/4'], 'right', 66),
  sight(2, 5, SR3, 0, 1, SIMPLE_ALL, 'right', 72),
  sight(3, 7, SR4, 0, 2, SIMPLE_ALL, 'right', 76),
  sight(4, 7, SR4, 0, 3, WITH_COMPOUND, 'right', 80),
  sight(4, 8, SR6, 1, 4, WITH_COMPOUND, 'right', 84),
  sight(5, 9, SR7, 1, 5, WITH_COMPOUND, 'right', 88),
  sight(6, 11, SR8, 2, 6, WITH_COMPOUND, 'together', 92),
  sight(7, 12, SR8, 2, 7, WITH_COMPOUND, 'together', 96),
  sight(7, 14, SR8, 3, 7, WITH_COMPOUND, 'together', 104),
];

/** The row for a level (1–10); the caller has validated the level. */
export function levelRow<T>(rows: readonly T[], level: number): T {
  const row = rows[Math.min(rows.length, Math.max(1, Math.round(level))) - 1];
  if (row === undefined) throw new RangeError(`no difficulty row for level ${level}`);
  return row;
}

import type { IntervalPlayback } from './question-types.js';

/**
 * The ear-training difficulty model, levels 1–10, as data: everything a question generator may use at a
 * level is listed here and nowhere else (the tests read these tables too). docs and the README quote it.
 *
 * - Intervals (names as core parses them): perfect fifth and octave against a major third first, then
 *   seconds, fourths, minor thirds, sixths, sevenths, the tritone and finally four compound intervals.
 *   Played rising first; falling from level 3; both notes together (harmonic) from level 5.
 * - Chord qualities (core chord type ids): major vs minor, then diminished and augmented triads, then
 *   seventh chords; inversions from level 7 (third inversion of sevenths from level 9). Levels 1–3 play
 *   the chord broken, then together; higher levels only together.
 * - Melodic dictation: bars, meters, keys (up to so many sharps or flats), modes (minor is harmonic
 *   minor), the largest leap in letter steps (1 = a second, 7 = an octave), the range as scale degrees
 *   around the tonic (0 = tonic, -3 = the dominant below, 7 = the tonic above), and the rhythm cells.
 * - Rhythm dictation: bars, meters and rhythm cells (see rhythm-cells.ts for their note values).
 * - Answer choices: 2 at level 1, growing to all of the level's intervals or qualities at levels 9–10.
 */

export interface IntervalLevel {
  readonly intervals: readonly string[];
  readonly playbacks: readonly IntervalPlayback[];
  /** Answer choices offered (the correct one and others from `intervals`). */
  readonly choices: number;
  /** Quarter notes per minute; each note of a melodic interval is a half note. */
  readonly tempo: number;
}

export interface ChordLevel {
  /** Core chord type ids. */
  readonly qualities: readonly string[];
  /** Inversions that may be played (0 = root position); triads never go beyond 2. */
  readonly inversions: readonly number[];
  /** Play the chord broken (arpeggiated) before playing it together. */
  readonly arpeggiate: boolean;
  readonly choices: number;
  readonly tempo: number;
}

export interface MelodicDictationLevel {
  readonly bars: number;
  readonly meters: readonly string[];
  /** Keys with at most this many sharps or flats. */
  readonly maxKeyFifths: number;
  readonly modes: readonly ('major' | 'minor')[];
  /** Largest move between neighbouring notes, in letter steps (1 = a second, 7 = an octave). */
  readonly maxLeap: number;
  /** Lowest and highest scale degree, counted from the tonic as 0 (-3 = the dominant below). */
  readonly lowestDegree: number;
  readonly highestDegree: number;
  /** Rhythm cell ids (rhythm-cells.ts); the melody uses no rests. */
  readonly cells: readonly string[];
  readonly tempo: number;
}

export interface RhythmDictationLevel {
  readonly bars: number;
  readonly meters: readonly string[];
  readonly cells: readonly string[];
  readonly tempo: number;
}

const SIMPLE_INTERVALS = ['m2', 'M2', 'm3', 'M3', 'P4', 'A4', 'P5', 'm6', 'M6', 'm7', 'M7', 'P8'] as const;
const ALL_PLAYBACKS: readonly IntervalPlayback[] = ['melodic_up', 'melodic_down', 'harmonic'];

/** Index 0 is level 1. */
export const INTERVAL_LEVELS: readonly IntervalLevel[] = [
  { intervals: ['M3', 'P5', 'P8'], playbacks: ['melodic_up'], choices: 2, tempo: 72 },
  { intervals: ['M2', 'M3', 'P4', 'P5', 'P8'], playbacks: ['melodic_up'], choices: 3, tempo: 72 },
  {
    intervals: ['M2', 'm3', 'M3', 'P4', 'P5', 'P8'],
    playbacks: ['melodic_up', 'melodic_down'],
    choices: 3,
    tempo: 76,
  },
  {
    intervals: ['m2', 'M2', 'm3', 'M3', 'P4', 'P5', 'M6', 'P8'],
    playbacks: ['melodic_up', 'melodic_down'],
    choices: 4,
    tempo: 76,
  },
  {
    intervals: ['m2', 'M2', 'm3', 'M3', 'P4', 'P5', 'm6', 'M6', 'P8'],
    playbacks: ALL_PLAYBACKS,
    choices: 5,
    tempo: 80,
  },
  {
    intervals: ['m2', 'M2', 'm3', 'M3', 'P4', 'P5', 'm6', 'M6', 'm7', 'M7', 'P8'],
    playbacks: ALL_PLAYBACKS,
    choices: 6,
    tempo: 80,
  },
  { intervals: SIMPLE_INTERVALS, playbacks: ALL_PLAYBACKS, choices: 8, tempo: 84 },
  { intervals: SIMPLE_INTERVALS, playbacks: ALL_PLAYBACKS, choices: 10, tempo: 88 },
  { intervals: SIMPLE_INTERVALS, playbacks: ALL_PLAYBACKS, choices: 12, tempo: 92 },
  {
    intervals: [...SIMPLE_INTERVALS, 'm9', 'M9', 'm10', 'M10'],
    playbacks: ALL_PLAYBACKS,
    choices: 16,
    tempo: 96,
  },
];

const TRIADS = ['major', 'minor', 'dim', 'aug'] as const;
const SEVENTHS = ['7', 'maj7', 'm7', 'm7b5', 'dim7'] as const;

export const CHORD_LEVELS: readonly ChordLevel[] = [
  { qualities: ['major', 'minor'], inversions: [0], arpeggiate: true, choices: 2, tempo: 72 },
  { qualities: ['major', 'minor', 'dim'], inversions: [0], arpeggiate: true, choices: 3, tempo: 72 },
  { qualities: TRIADS, inversions: [0], arpeggiate: true, choices: 4, tempo: 76 },
  { qualities: TRIADS, inversions: [0], arpeggiate: false, choices: 4, tempo: 76 },
  { qualities: [...TRIADS, '7', 'maj7', 'm7'], inversions: [0], arpeggiate: false, choices: 5, tempo: 80 },
  { qualities: [...TRIADS, ...SEVENTHS], inversions: [0], arpeggiate: false, choices: 6, tempo: 80 },
  { qualities: [...TRIADS, ...SEVENTHS], inversions: [0, 1, 2], arpeggiate: false, choices: 7, tempo: 84 },
  {
    qualities: [...TRIADS, ...SEVENTHS, 'mMaj7'],
    inversions: [0, 1, 2],
    arpeggiate: false,
    choices: 8,
    tempo: 88,
  },
  {
    qualities: [...TRIADS, ...SEVENTHS, 'mMaj7'],
    inversions: [0, 1, 2, 3],
    arpeggiate: false,
    choices: 10,
    tempo: 92,
  },
  {
    qualities: [...TRIADS, ...SEVENTHS, 'mMaj7', 'augMaj7'],
    inversions: [0, 1, 2, 3],
    arpeggiate: false,
    choices: 11,
    tempo: 96,
  },
];

const SIMPLE_BASICS = ['q', 'h'] as const;
const COMPOUND_BASICS = ['c-dq', 'c-q8', 'c-888', 'c-dh'] as const;

export const MELODIC_DICTATION_LEVELS: readonly MelodicDictationLevel[] = [
  m(1, ['4/4'], 0, ['major'], 1, 0, 4, ['q'], 80),
  m(2, ['4/4'], 1, ['major'], 1, 0, 4, SIMPLE_BASICS, 80),
  m(2, ['4/4', '3/4'], 1, ['major'], 2, 0, 5, [...SIMPLE_BASICS, 'dh'], 84),
  m(2, ['2/4', '3/4', '4/4'], 2, ['major'], 2, -3, 7, [...SIMPLE_BASICS, 'dh', '8s'], 88),
  m(4, ['2/4', '3/4', '4/4'], 2, ['major', 'minor'], 4, -3, 7, [...SIMPLE_BASICS, 'dh', '8s', 'dq8'], 88),
  m(4, ['3/4', '4/4'], 3, ['major', 'minor'], 5, -3, 8, [...SIMPLE_BASICS, 'dh', 'w', '8s', 'dq8'], 92),
  m(
    4,
    ['3/4', '4/4'],
    4,
    ['major', 'minor'],
    7,
    -4,
    9,
    [...SIMPLE_BASICS, 'dh', 'w', '8s', 'dq8', '16s'],
    92,
  ),
  m(4, ['3/4', '4/4', '6/8'], 4, ['major', 'minor'], 7, -4, 9, [
    ...SIMPLE_BASICS,
    'dh',
    '8s',
    'dq8',
    '16s',
    '8-16-16',
    ...COMPOUND_BASICS,
  ]),
  m(4, ['2/4', '3/4', '4/4', '6/8'], 5, ['major', 'minor'], 7, -4, 9, [
    ...SIMPLE_BASICS,
    '8s',
    'dq8',
    '16s',
    '8-16-16',
    '16-16-8',
    'synco',
    ...COMPOUND_BASICS,
    'c-8q',
  ]),
  m(4, ['2/4', '3/4', '4/4', '6/8'], 6, ['major', 'minor'], 7, -5, 9, [
    ...SIMPLE_BASICS,
    '8s',
    'dq8',
    '16s',
    '8-16-16',
    '16-16-8',
    'synco',
    'trip8',
    'd8-16',
    ...COMPOUND_BASICS,
    'c-8q',
    'c-d8-16-8',
  ]),
];

function m(
  bars: number,
  meters: readonly string[],
  maxKeyFifths: number,
  modes: readonly ('major' | 'minor')[],
  maxLeap: number,
  lowestDegree: number,
  highestDegree: number,
  cells: readonly string[],
  tempo = 96,
): MelodicDictationLevel {
  return { bars, meters, maxKeyFifths, modes, maxLeap, lowestDegree, highestDegree, cells, tempo };
}

const R1 = ['q', 'h'];
const R2 = [...R1, 'dh', 'w'];
const R3 = [...R2, '8s', 'qr'];
const R4 = [...R3, 'dq8', 'hr'];
const R5 = [...R4, '16s', '8r8'];
const R6 = [...R5, '8-16-16', '16-16-8', ...COMPOUND_BASICS];
const R7 = [...R6, 'synco', 'trip8'];
const R8 = [...R7, 'd8-16', 'c-8q', 'c-dqr', 'c-6x16'];
const R9 = [...R8, '16-8-16', 'tripq', 'c-d8-16-8'];

export const RHYTHM_DICTATION_LEVELS: readonly RhythmDictationLevel[] = [
  { bars: 2, meters: ['4/4'], cells: R1, tempo: 80 },
  { bars: 2, meters: ['4/4', '3/4'], cells: R2, tempo: 80 },
  { bars: 2, meters: ['2/4', '3/4', '4/4'], cells: R3, tempo: 84 },
  { bars: 2, meters: ['2/4', '3/4', '4/4'], cells: R4, tempo: 84 },
  { bars: 4, meters: ['2/4', '3/4', '4/4'], cells: R5, tempo: 88 },
  { bars: 4, meters: ['2/4', '3/4', '4/4', '6/8'], cells: R6, tempo: 88 },
  { bars: 4, meters: ['2/4', '3/4', '4/4', '6/8'], cells: R7, tempo: 92 },
  { bars: 4, meters: ['2/4', '3/4', '4/4', '6/8'], cells: R8, tempo: 92 },
  { bars: 4, meters: ['2/4', '3/4', '4/4', '6/8'], cells: R9, tempo: 96 },
  { bars: 4, meters: ['2/4', '3/4', '4/4', '6/8'], cells: R9, tempo: 104 },
];

export const MIN_DIFFICULTY = 1;
export const MAX_DIFFICULTY = 10;

/** The level's row of a table, after checking the level is a whole number 1–10. */
export function levelOf<T>(table: readonly T[], difficulty: number): T {
  if (!Number.isInteger(difficulty) || difficulty < MIN_DIFFICULTY || difficulty > MAX_DIFFICULTY) {
    throw new RangeError(`difficulty must be a whole number from 1 to 10, got ${difficulty}`);
  }
  const row = table[difficulty - 1];
  if (!row) throw new RangeError(`no level ${difficulty} in the model`);
  return row;
}

import type { DictationNoteInput, EarTrainingQuestionType } from '../../api/ear-training.js';

/**
 * Writing a dictation down on the ear-training page: a pitch from letter, accidental and octave, a note
 * length from a row of buttons (durations in quarter notes, as POST /ear-training/answers reads them),
 * and the answer in the API's shape. Pure, and nothing musical beyond naming what the student chose.
 */
export interface NoteLength {
  /** Quarter notes, as the API writes them: "1/2" is an eighth. */
  readonly duration: string;
  /** The button's text. */
  readonly label: string;
  /** In a sentence: "dotted quarter". */
  readonly name: string;
}

/** The note values dictations use, shortest first, then the triplets. */
export const NOTE_LENGTHS: readonly NoteLength[] = [
  { duration: '1/4', label: '16th', name: 'sixteenth' },
  { duration: '1/2', label: '8th', name: 'eighth' },
  { duration: '3/4', label: 'dotted 8th', name: 'dotted eighth' },
  { duration: '1', label: 'quarter', name: 'quarter' },
  { duration: '3/2', label: 'dotted quarter', name: 'dotted quarter' },
  { duration: '2', label: 'half', name: 'half' },
  { duration: '3', label: 'dotted half', name: 'dotted half' },
  { duration: '4', label: 'whole', name: 'whole' },
  { duration: '1/3', label: '8th triplet', name: 'triplet eighth' },
  { duration: '2/3', label: 'quarter triplet', name: 'triplet quarter' },
];

export const LETTERS = ['C', 'D', 'E', 'F', 'G', 'A', 'B'] as const;
export type Letter = (typeof LETTERS)[number];

/** Accidentals as the API reads them ("b", "", "#") with the signs a musician reads. */
export const ACCIDENTALS = [
  { id: 'b', sign: '♭', name: 'flat' },
  { id: '', sign: '♮', name: 'natural' },
  { id: '#', sign: '♯', name: 'sharp' },
] as const;
export type Accidental = (typeof ACCIDENTALS)[number]['id'];

export const OCTAVES = [2, 3, 4, 5, 6] as const;

export interface PitchChoice {
  readonly letter: Letter;
  readonly accidental: Accidental;
  readonly octave: number;
}

export const MIDDLE_C: PitchChoice = { letter: 'C', accidental: '', octave: 4 };

/** What the API reads: "F#4", "Bb3", "C4". */
export const pitchText = (p: PitchChoice): string => `${p.letter}${p.accidental}${p.octave}`;

/** What the page shows: "F♯4", "B♭3", "C4". */
export const pitchLabel = (p: PitchChoice): string =>
  `${p.letter}${p.accidental === '#' ? '♯' : p.accidental === 'b' ? '♭' : ''}${p.octave}`;

const PITCH_WORD = /^([A-G])(♯|♭|#|b)?(\d)$/u;

/** A pitch as the server writes it ("E♭4", "F#5"), or undefined when it is not a plain one. */
export function readPitch(text: string): PitchChoice | undefined {
  const match = PITCH_WORD.exec(text.trim());
  if (!match) return undefined;
  const sign = match[2] ?? '';
  const accidental: Accidental = sign === '♯' || sign === '#' ? '#' : sign === '♭' || sign === 'b' ? 'b' : '';
  return { letter: match[1] as Letter, accidental, octave: Number(match[3]) };
}

/** The first note a melodic dictation gives away ("first note E♭4"), to start the pitch picker there. */
export function readFirstNote(given: readonly string[]): PitchChoice | undefined {
  for (const line of given) {
    const match = /^first note (\S+)$/u.exec(line.trim());
    if (match?.[1]) return readPitch(match[1]);
  }
  return undefined;
}

/** One value written down so far. */
export interface EnteredNote {
  /** Melodic dictation: the pitch; absent for rhythm dictation and rests. */
  readonly pitch?: PitchChoice;
  readonly duration: string;
  readonly rest: boolean;
}

/** The notes in the shape POST /ear-training/answers reads for this kind of dictation. */
export function answerNotes(
  type: EarTrainingQuestionType,
  notes: readonly EnteredNote[],
): DictationNoteInput[] {
  return notes.map((note) => {
    if (note.rest) return { duration: note.duration, rest: true };
    if (type === 'melodic_dictation' && note.pitch) {
      return { pitch: pitchText(note.pitch), duration: note.duration };
    }
    return { duration: note.duration };
  });
}

/** "eighth" for "1/2"; a length not on the buttons says its size: "5/4 quarter notes". */
export function lengthName(duration: string): string {
  const known = NOTE_LENGTHS.find((length) => length.duration === duration);
  if (known) return known.name;
  return `${duration} quarter note${duration === '1' ? '' : 's'}`;
}

/** A note in words: "F♯4 eighth", "quarter rest", "dotted quarter" (rhythm). */
export function noteWords(note: {
  readonly pitch: string | null;
  readonly duration: string;
  readonly rest: boolean;
}): string {
  const length = lengthName(note.duration);
  if (note.rest) return `${length} rest`;
  return note.pitch ? `${note.pitch} ${length}` : length;
}

/** A written note in words, as the list of entered notes shows it. */
export const enteredWords = (note: EnteredNote): string =>
  noteWords({ pitch: note.pitch ? pitchLabel(note.pitch) : null, duration: note.duration, rest: note.rest });

interface Fraction {
  readonly n: number;
  readonly d: number;
}

const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));

function readFraction(text: string): Fraction | undefined {
  const match = /^(\d+)(?:\/(\d+))?$/.exec(text.trim());
  if (!match) return undefined;
  const d = match[2] === undefined ? 1 : Number(match[2]);
  return d === 0 ? undefined : { n: Number(match[1]), d };
}

const fractionText = ({ n, d }: Fraction): string => {
  const g = gcd(n, d) || 1;
  return d / g === 1 ? String(n / g) : `${n / g}/${d / g}`;
};

/** The written values' total length in quarter notes, exactly: "1/3" + "1/3" + "1/3" = "1". */
export function totalLength(notes: readonly { readonly duration: string }[]): string {
  let sum: Fraction = { n: 0, d: 1 };
  for (const note of notes) {
    const value = readFraction(note.duration);
    if (!value) continue;
    sum = { n: sum.n * value.d + value.n * sum.d, d: sum.d * value.d };
    const g = gcd(sum.n, sum.d) || 1;
    sum = { n: sum.n / g, d: sum.d / g };
  }
  return fractionText(sum);
}

function readGiven(given: readonly string[]): { bar?: Fraction; bars?: number } {
  let bar: Fraction | undefined;
  let bars: number | undefined;
  for (const line of given) {
    const time = /^time signature (\d+)\/(\d+)$/.exec(line.trim());
    if (time && Number(time[2]) > 0) bar = { n: Number(time[1]) * 4, d: Number(time[2]) };
    const count = /^(\d+) bars?$/.exec(line.trim());
    if (count) bars = Number(count[1]);
  }
  return { ...(bar ? { bar } : {}), ...(bars === undefined ? {} : { bars }) };
}

/**
 * How long the dictation is, in quarter notes, from what the question gives ("time signature 6/8",
 * "2 bars"); undefined when either is missing.
 */
export function expectedLength(given: readonly string[]): string | undefined {
  const { bar, bars } = readGiven(given);
  if (!bar || bars === undefined) return undefined;
  return fractionText({ n: bar.n * bars, d: bar.d });
}

/**
 * Which notes begin a new bar (after the first), so the written answer can show bar lines: the notes
 * whose start, in quarter notes, is a whole number of bars of the given time signature.
 */
export function barStarts(
  notes: readonly { readonly duration: string }[],
  given: readonly string[],
): Set<number> {
  const { bar } = readGiven(given);
  const starts = new Set<number>();
  if (!bar || bar.n === 0) return starts;
  let at: Fraction = { n: 0, d: 1 };
  notes.forEach((note, index) => {
    // at / bar is a whole number above 0: at.n * bar.d is a multiple of at.d * bar.n.
    if (index > 0 && at.n > 0 && (at.n * bar.d) % (at.d * bar.n) === 0) starts.add(index);
    const value = readFraction(note.duration);
    if (value) {
      const n = at.n * value.d + value.n * at.d;
      const d = at.d * value.d;
      const g = gcd(n, d) || 1;
      at = { n: n / g, d: d / g };
    }
  });
  return starts;
}

import { isMinorLike, iv, transposeClass, type Key } from '@cadenza/core';
import { chartName } from '../../chart-spelling.js';

/** One chord of the gospel vocabulary, relative to the tonic. */
interface Degree {
  /** Interval from the tonic up to the root ('A1' = the raised tonic of a passing ♯i°7). */
  readonly interval: string;
  /** Chord-symbol suffix after the root; a slash part names the bass as an interval from the root. */
  readonly suffix: string;
  readonly numeral: string;
  /** Teaching sentence; `{id}` is replaced by that degree's symbol in the key. */
  readonly comment: string;
  /** Bass as an interval above the root (inversions such as I/5). */
  readonly bass?: string;
}

const d = (interval: string, suffix: string, numeral: string, comment: string, bass?: string): Degree =>
  bass === undefined ? { interval, suffix, numeral, comment } : { interval, suffix, numeral, comment, bass };

/** Major-key vocabulary: 1–4–5 with 7ths and 9ths, passing diminished chords, secondary and tritone dominants, borrowed chords. */
const MAJOR: Readonly<Record<string, Degree>> = {
  I: d('P1', 'maj9', 'Imaj9', 'home: the tonic with a major 7th and 9th, the warm gospel I'),
  I69: d('P1', '6/9', 'I6/9', 'the tonic as a six-nine chord: bright and open, nothing pulls away'),
  I7: d('P1', '9', 'V9/IV', 'the tonic made dominant ({I7}): its flat 7th leans into IV ({IV})'),
  'I/5': d(
    'P1',
    'maj7',
    'I/5',
    'the tonic over its 5th: where the chromatic bass climb IV–♯iv°7 lands',
    'P5',
  ),
  '#idim': d('A1', 'dim7', '♯i°7', 'passing diminished chord: walks the bass up chromatically from I to ii'),
  ii: d('M2', 'm7', 'ii7', 'ii7 opens the 2–5–1: the pre-dominant that sets up V'),
  ii9: d('M2', 'm9', 'ii9', 'ii9: the pre-dominant with a 9th on top, smoother into V'),
  '#iidim': d(
    'A2',
    'dim7',
    '♯ii°7',
    'passing diminished chord: the bass climbs chromatically from ii to iii',
  ),
  iii: d('M3', 'm7', 'iii7', 'iii7 shares three notes with I: a softer stand-in for the tonic'),
  'V/vi': d('M3', '7', 'V7/vi', 'secondary dominant: {V/vi} pulls to vi ({vi})'),
  IV: d('P4', 'maj7', 'IVmaj7', 'IV: the church chord, the subdominant every "Amen" comes from'),
  IV9: d('P4', '9', 'IV9', 'IV with a flat 7th: the bluesy dominant colour gospel gives the subdominant'),
  iv: d('P4', 'm7', 'iv7', 'borrowed minor iv from the parallel minor: the bittersweet turn before home'),
  '#ivdim': d(
    'A4',
    'dim7',
    '♯iv°7',
    'passing diminished chord: the bass climbs a half step from IV towards I/5',
  ),
  Vsus: d('P5', '13sus4', 'V13sus4', 'suspended V: the 4th delays the 3rd, the hallmark gospel dominant'),
  V: d('P5', '13', 'V13', 'V13: the dominant with its 13th, resolving home to I'),
  V9: d('P5', '9', 'V9', 'V9: the dominant with a 9th, pulling to I'),
  'V/ii': d('M6', '7b9', 'V7/ii', 'secondary dominant: {V/ii} pulls to ii ({ii}) and starts a 2–5–1'),
  vi: d('M6', 'm9', 'vi9', 'vi: the relative minor, a tender colour inside the major key'),
  'V/V': d('M2', '9', 'V9/V', 'secondary dominant: {V/V} makes V ({V}) sound like a goal'),
  bVI: d(
    'm6',
    'maj7',
    '♭VImaj7',
    'gospel walk-up: ♭VI, borrowed from the minor, starts the climb by whole steps to I',
  ),
  bVII: d('m7', '9', '♭VII9', 'gospel walk-up: ♭VII, the whole step below home, the last rung before I'),
  subV: d(
    'm2',
    '7',
    'SubV7',
    'tritone substitution: {subV} shares the 3rd and 7th of {V9} and slides down a half step to I',
  ),
};

/** Minor-key vocabulary (also for sad or dark moods in a minor key). */
const MINOR: Readonly<Record<string, Degree>> = {
  i: d('P1', 'm9', 'i9', 'home in minor: the tonic with a 9th, dark but warm'),
  i6: d('P1', 'm6', 'i6', 'minor tonic with a major 6th: the gospel-blues minor sound'),
  iio: d('M2', 'm7b5', 'iiø7', 'half-diminished ii: the minor key’s pre-dominant, opening the minor 2–5–1'),
  bIII: d('m3', 'maj7', '♭IIImaj7', 'the relative major: a moment of light inside the minor'),
  iv: d('P4', 'm9', 'iv9', 'minor iv: the plaintive subdominant'),
  IV9: d('P4', '9', 'IV9', 'dorian IV: its raised 6th brightens the minor key, a gospel favourite'),
  V: d('P5', '7b9', 'V7♭9', 'the dominant with a flat 9th: leading tone and ♭6 both pull to i'),
  Vsus: d('P5', '7sus4', 'V7sus4', 'suspended V: the 4th delays the leading tone before it resolves'),
  bVI: d('m6', 'maj7', '♭VImaj7', '♭VI: the minor key’s warm major chord, a step from V'),
  bVII: d('m7', '9', '♭VII9', '♭VII: the subtonic, climbing a whole step to i'),
  viio: d('M7', 'dim7', 'vii°7', 'leading-tone diminished seventh: passing tension that resolves up to i'),
  subV: d(
    'm2',
    '7',
    'SubV7',
    'tritone substitution: {subV} shares the 3rd and 7th of {V} and slides down a half step to i',
  ),
  'I+': d(
    'P1',
    'maj9',
    'I (Picardy)',
    'Picardy third: the minor piece ends on a major tonic, the lifted "Amen"',
  ),
};

/** A vocabulary chord realised in a key: symbol, numeral and comment. */
export interface GospelChord {
  readonly symbol: string;
  readonly numeral: string;
  readonly comment: string;
}

/** True when the key takes the minor vocabulary. */
export const usesMinorVocabulary = (key: Key): boolean => isMinorLike(key);

function symbolOf(key: Key, degree: Degree): string {
  const root = transposeClass(key.tonic, iv(degree.interval));
  const bass = degree.bass ? `/${chartName(transposeClass(root, iv(degree.bass)))}` : '';
  return `${chartName(root)}${degree.suffix}${bass}`;
}

/** The chord `id` of the key's vocabulary; throws on an id no template should use. */
export function gospelChord(key: Key, id: string): GospelChord {
  const table = usesMinorVocabulary(key) ? MINOR : MAJOR;
  const degree = table[id];
  if (!degree)
    throw new RangeError(`no gospel chord '${id}' in ${usesMinorVocabulary(key) ? 'minor' : 'major'}`);
  const comment = degree.comment.replace(/\{([^}]+)\}/g, (_, ref: string) => {
    const other = table[ref];
    return other ? symbolOf(key, other) : ref;
  });
  return { symbol: symbolOf(key, degree), numeral: degree.numeral, comment };
}

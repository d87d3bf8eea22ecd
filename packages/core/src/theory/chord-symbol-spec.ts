import { MusicError } from '../errors.js';
import { intervalName, iv, type Interval } from '../pitch/interval.js';

/** The quality a chord symbol names right after its root. */
export type ChordQuality = 'major' | 'minor' | 'dim' | 'aug' | 'halfDim';

/**
 * The number after the quality: 2 (pop "C2" = add9), 5 (power chord), 6, 6/9 (written 69), 7, 9, 11, 13.
 * 69 stands for "6/9".
 */
export type ChordNumber = 2 | 5 | 6 | 7 | 9 | 11 | 13 | 69;

/** An altered or added degree as written, with the interval it stands for. */
export interface WrittenDegree {
  /** As written after normalising the sign: "b9", "#11", "9", "b6". */
  readonly key: string;
  /** Chord degree: 2, 4, 5, 6, 9, 11, 13. */
  readonly degree: number;
  readonly interval: string;
}

/** What a chord symbol says, before it becomes intervals. The parser fills it in reading order. */
export interface ChordSpec {
  quality: ChordQuality;
  /** A major-7th sign (maj, M, Δ, ^) was written: any 7th in the chord is major. */
  majorSeventh: boolean;
  number?: ChordNumber;
  sus?: 2 | 4;
  alt: boolean;
  readonly alterations: WrittenDegree[];
  readonly adds: WrittenDegree[];
  readonly omits: Set<3 | 5>;
}

export const emptySpec = (): ChordSpec => ({
  quality: 'major',
  majorSeventh: false,
  alt: false,
  alterations: [],
  adds: [],
  omits: new Set(),
});

/** The alterations lead sheets write (b6 appears in "Cm(b6)"); the degree each one replaces. */
export const ALTERATIONS: Readonly<Record<string, WrittenDegree>> = Object.fromEntries(
  (
    [
      ['b5', 5, 'd5'],
      ['#5', 5, 'A5'],
      ['b6', 6, 'm6'],
      ['b9', 9, 'm9'],
      ['#9', 9, 'A9'],
      ['#11', 11, 'A11'],
      ['b13', 13, 'm13'],
    ] as const
  ).map(([key, degree, interval]) => [key, { key, degree, interval }]),
);

/** Degrees that "add" (or a bare number in parentheses) may put into a chord. */
export const ADDABLE: Readonly<Record<string, WrittenDegree>> = {
  ...Object.fromEntries(
    (
      [
        ['2', 2, 'M2'],
        ['4', 4, 'P4'],
        ['6', 6, 'M6'],
        ['9', 9, 'M9'],
        ['11', 11, 'P11'],
        ['13', 13, 'M13'],
      ] as const
    ).map(([key, degree, interval]) => [key, { key, degree, interval }]),
  ),
  ...ALTERATIONS,
};

/** "3rd", "9th", "11th", "22nd". */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

const MINOR_THIRD: ReadonlySet<ChordQuality> = new Set(['minor', 'dim', 'halfDim']);
const BASE_FIFTH: Record<ChordQuality, string> = {
  major: 'P5',
  minor: 'P5',
  dim: 'd5',
  halfDim: 'd5',
  aug: 'A5',
};
/** The alt chord's 5th and 9th: ♭5, ♯5, ♭9, ♯9 (C7alt = C E G♭ G♯ B♭ D♭ D♯). */
const ALT_TONES: Readonly<Record<5 | 9, readonly string[]>> = { 5: ['d5', 'A5'], 9: ['m9', 'A9'] };

export const hasSeventh = (s: ChordSpec): boolean =>
  s.alt || s.quality === 'halfDim' || s.number === 7 || s.number === 9 || s.number === 11 || s.number === 13;

/** The implied natural 9th: every 9, 11 and 13 chord has one; so do 6/9 and the pop "2" chord. */
const impliesNinth = (s: ChordSpec): boolean =>
  s.number === 9 || s.number === 11 || s.number === 13 || s.number === 69 || s.number === 2;

/** Altered tones on a degree; they replace the natural tone the chord would otherwise have there. */
function alteredTones(s: ChordSpec, degree: number): string[] {
  const written = s.alterations.filter((a) => a.degree === degree).map((a) => a.interval);
  const fromAlt = s.alt && (degree === 5 || degree === 9) ? ALT_TONES[degree] : [];
  return [...fromAlt, ...written];
}

/**
 * The intervals a chord symbol names, root first. 13 chords have a 9th but no 11th; 11 chords keep their
 * 3rd (as Cadenza's catalogue spells them). Throws when an added tone is already in the chord.
 * @param text the symbol, for error messages
 */
export function specIntervals(s: ChordSpec, text: string): Interval[] {
  const tones: string[] = ['P1'];
  if (s.sus !== undefined) tones.push(s.sus === 2 ? 'M2' : 'P4');
  else if (s.number !== 5 && !s.omits.has(3)) tones.push(MINOR_THIRD.has(s.quality) ? 'm3' : 'M3');

  const fifths = alteredTones(s, 5);
  if (fifths.length > 0) tones.push(...fifths);
  else if (!s.omits.has(5)) tones.push(BASE_FIFTH[s.quality]);

  if (s.number === 6 || s.number === 69) tones.push('M6');
  tones.push(...alteredTones(s, 6));

  if (hasSeventh(s)) tones.push(s.majorSeventh ? 'M7' : s.quality === 'dim' ? 'd7' : 'm7');

  const ninths = alteredTones(s, 9);
  if (ninths.length > 0) tones.push(...ninths);
  else if (impliesNinth(s)) tones.push('M9');

  if (s.number === 11) tones.push('P11');
  tones.push(...alteredTones(s, 11));
  if (s.number === 13) tones.push('M13');
  tones.push(...alteredTones(s, 13));

  for (const add of s.adds) {
    if (tones.includes(add.interval)) {
      throw new MusicError(
        `'${text}': the ${ordinal(add.degree)} (${add.key}) is already in the chord; leave out the extra '${add.key}'`,
        text,
      );
    }
    tones.push(add.interval);
  }
  return tones.map((name) => iv(name));
}

/** Interval names of a chord, for lookups ("M3", "A9", ...). */
export const intervalNames = (intervals: readonly Interval[]): Set<string> =>
  new Set(intervals.map(intervalName));

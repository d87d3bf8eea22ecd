import { iv, type Interval } from '../pitch/interval.js';

export type ChordCategory = 'triad' | 'seventh' | 'extended' | 'altered' | 'added' | 'sixth';

export interface ChordType {
  /** Stable id: "maj7", "m7b5", "13#11". */
  readonly id: string;
  readonly name: string;
  readonly category: ChordCategory;
  /** The symbol suffix Cadenza writes, e.g. "maj7" in "Cmaj7". */
  readonly suffix: string;
  /** Intervals above the root in stacked-thirds order; spelling follows from them. */
  readonly intervals: readonly string[];
}

const C = (
  id: string,
  name: string,
  category: ChordCategory,
  suffix: string,
  intervals: string,
): ChordType => ({
  id,
  name,
  category,
  suffix,
  intervals: intervals.split(' '),
});

/**
 * The spec's 36 chord types, made distinct. The spec's catalogue names 7♭5 twice (among sevenths and
 * among altered chords) and names one sound twice more: its "aug7" and "7♯5" are both C E G♯ B♭.
 * We keep each sound once and complete the 36 with the two sixth chords every chart uses (C6, Cm6),
 * which the spec's 6/9 already presupposes. 11th chords keep their 3rd, as the spec's table spells them.
 */
export const CHORD_TYPES: readonly ChordType[] = [
  C('major', 'Major', 'triad', '', 'P1 M3 P5'),
  C('minor', 'Minor', 'triad', 'm', 'P1 m3 P5'),
  C('dim', 'Diminished', 'triad', 'dim', 'P1 m3 d5'),
  C('aug', 'Augmented', 'triad', 'aug', 'P1 M3 A5'),
  C('sus2', 'Suspended 2nd', 'triad', 'sus2', 'P1 M2 P5'),
  C('sus4', 'Suspended 4th', 'triad', 'sus4', 'P1 P4 P5'),
  C('maj7', 'Major 7th', 'seventh', 'maj7', 'P1 M3 P5 M7'),
  C('m7', 'Minor 7th', 'seventh', 'm7', 'P1 m3 P5 m7'),
  C('7', 'Dominant 7th', 'seventh', '7', 'P1 M3 P5 m7'),
  C('mMaj7', 'Minor-Major 7th', 'seventh', 'm(maj7)', 'P1 m3 P5 M7'),
  C('m7b5', 'Half-Diminished 7th', 'seventh', 'm7b5', 'P1 m3 d5 m7'),
  C('dim7', 'Diminished 7th', 'seventh', 'dim7', 'P1 m3 d5 d7'),
  C('augMaj7', 'Augmented Major 7th', 'seventh', 'maj7#5', 'P1 M3 A5 M7'),
  C('aug7', 'Augmented 7th (Dominant 7th Sharp 5)', 'seventh', '7#5', 'P1 M3 A5 m7'),
  C('7b5', 'Dominant 7th Flat 5', 'seventh', '7b5', 'P1 M3 d5 m7'),
  C('maj9', 'Major 9th', 'extended', 'maj9', 'P1 M3 P5 M7 M9'),
  C('m9', 'Minor 9th', 'extended', 'm9', 'P1 m3 P5 m7 M9'),
  C('9', 'Dominant 9th', 'extended', '9', 'P1 M3 P5 m7 M9'),
  C('maj11', 'Major 11th', 'extended', 'maj11', 'P1 M3 P5 M7 M9 P11'),
  C('m11', 'Minor 11th', 'extended', 'm11', 'P1 m3 P5 m7 M9 P11'),
  C('11', 'Dominant 11th', 'extended', '11', 'P1 M3 P5 m7 M9 P11'),
  C('maj13', 'Major 13th', 'extended', 'maj13', 'P1 M3 P5 M7 M9 M13'),
  C('m13', 'Minor 13th', 'extended', 'm13', 'P1 m3 P5 m7 M9 M13'),
  C('13', 'Dominant 13th', 'extended', '13', 'P1 M3 P5 m7 M9 M13'),
  C('7b9', 'Dominant 7th Flat 9', 'altered', '7b9', 'P1 M3 P5 m7 m9'),
  C('7#9', 'Dominant 7th Sharp 9', 'altered', '7#9', 'P1 M3 P5 m7 A9'),
  C('7#11', 'Dominant 7th Sharp 11', 'altered', '7#11', 'P1 M3 P5 m7 A11'),
  C('7alt', 'Altered Dominant', 'altered', '7alt', 'P1 M3 d5 A5 m7 m9 A9'),
  C('13b9', 'Dominant 13th Flat 9', 'altered', '13b9', 'P1 M3 P5 m7 m9 M13'),
  C('13#11', 'Dominant 13th Sharp 11', 'altered', '13#11', 'P1 M3 P5 m7 M9 A11 M13'),
  C('add9', 'Add 9', 'added', 'add9', 'P1 M3 P5 M9'),
  C('add11', 'Add 11', 'added', 'add11', 'P1 M3 P5 P11'),
  C('madd9', 'Minor Add 9', 'added', 'madd9', 'P1 m3 P5 M9'),
  C('6/9', 'Six-Nine', 'added', '6/9', 'P1 M3 P5 M6 M9'),
  C('6', 'Major 6th', 'sixth', '6', 'P1 M3 P5 M6'),
  C('m6', 'Minor 6th', 'sixth', 'm6', 'P1 m3 P5 M6'),
];

export const CHORD_TYPE_BY_ID: ReadonlyMap<string, ChordType> = new Map(CHORD_TYPES.map((t) => [t.id, t]));

export const chordTypeIntervals = (t: ChordType): Interval[] => t.intervals.map((n) => iv(n));

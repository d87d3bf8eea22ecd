import { MusicError } from '../errors.js';
import { iv, transposeClass, type Interval } from '../pitch/interval.js';
import type { PitchClass } from '../pitch/pitch.js';

export type ScaleCategory =
  | 'major modes'
  | 'minor variants'
  | 'blues & pentatonic'
  | 'symmetric & advanced'
  | 'exotic & world'
  | 'gospel';

export interface ScaleType {
  /** Stable id, kebab-case: "bebop-dominant". */
  readonly id: string;
  /** Display name: "Bebop Dominant". */
  readonly name: string;
  /** Other names a musician may type: "super locrian", "jazz minor". */
  readonly aliases: readonly string[];
  readonly category: ScaleCategory;
  /** Intervals above the tonic, ascending, as interval names; spelling follows from them. */
  readonly intervals: readonly string[];
  readonly description: string;
}

const T = (
  id: string,
  name: string,
  category: ScaleCategory,
  intervals: string,
  description: string,
  aliases: readonly string[] = [],
): ScaleType => ({ id, name, category, intervals: intervals.split(' '), description, aliases });

/**
 * The spec's 32 scales. Interval names (not semitone counts) fix the spelling: the blues scale's
 * blue note is a diminished fifth (G♭ in C), the altered scale has a diminished fourth (F♭ in C).
 */
export const SCALE_TYPES: readonly ScaleType[] = [
  T('ionian', 'Ionian (Major)', 'major modes', 'P1 M2 M3 P4 P5 M6 M7', 'Major scale: bright, happy', [
    'major',
  ]),
  T(
    'dorian',
    'Dorian',
    'major modes',
    'P1 M2 m3 P4 P5 M6 m7',
    'Minor with a raised 6th: jazz, folk, neo-soul',
  ),
  T('phrygian', 'Phrygian', 'major modes', 'P1 m2 m3 P4 P5 m6 m7', 'Minor with a ♭2: Spanish, flamenco'),
  T('lydian', 'Lydian', 'major modes', 'P1 M2 M3 A4 P5 M6 M7', 'Major with a ♯4: dreamy, floating'),
  T(
    'mixolydian',
    'Mixolydian',
    'major modes',
    'P1 M2 M3 P4 P5 M6 m7',
    'Major with a ♭7: blues, rock, dominant chords',
  ),
  T('aeolian', 'Aeolian (Natural Minor)', 'major modes', 'P1 M2 m3 P4 P5 m6 m7', 'The natural minor scale', [
    'natural minor',
    'minor',
  ]),
  T('locrian', 'Locrian', 'major modes', 'P1 m2 m3 P4 d5 m6 m7', 'Diminished mode with ♭2 and ♭5'),
  T(
    'harmonic-minor',
    'Harmonic Minor',
    'minor variants',
    'P1 M2 m3 P4 P5 m6 M7',
    'Natural minor with a raised 7th',
  ),
  T(
    'melodic-minor',
    'Melodic Minor (Jazz Minor)',
    'minor variants',
    'P1 M2 m3 P4 P5 M6 M7',
    'Minor with raised 6th and 7th',
    ['jazz minor'],
  ),
  T(
    'blues',
    'Blues Scale',
    'blues & pentatonic',
    'P1 m3 P4 d5 P5 m7',
    'Minor pentatonic plus the ♭5 blue note',
    ['minor blues'],
  ),
  T(
    'major-blues',
    'Major Blues',
    'blues & pentatonic',
    'P1 M2 m3 M3 P5 M6',
    'Major pentatonic plus the ♭3 blue note',
  ),
  T(
    'major-pentatonic',
    'Major Pentatonic',
    'blues & pentatonic',
    'P1 M2 M3 P5 M6',
    'Five-note major: rock and country staple',
    ['pentatonic'],
  ),
  T(
    'minor-pentatonic',
    'Minor Pentatonic',
    'blues & pentatonic',
    'P1 m3 P4 P5 m7',
    'Five-note minor: rock and blues foundation',
  ),
  T(
    'whole-tone',
    'Whole Tone',
    'symmetric & advanced',
    'P1 M2 M3 A4 A5 m7',
    'All whole steps: augmented, dreamy (Debussy)',
  ),
  T(
    'diminished-whole-half',
    'Diminished (Whole-Half)',
    'symmetric & advanced',
    'P1 M2 m3 P4 d5 m6 M6 M7',
    'Alternating whole and half steps',
    ['whole-half diminished', 'diminished'],
  ),
  T(
    'diminished-half-whole',
    'Diminished (Half-Whole)',
    'symmetric & advanced',
    'P1 m2 m3 M3 A4 P5 M6 m7',
    'Alternating half and whole steps: over dominant 7♭9 chords',
    ['half-whole diminished', 'dominant diminished'],
  ),
  T(
    'altered',
    'Altered Scale (Super Locrian)',
    'symmetric & advanced',
    'P1 m2 m3 d4 d5 m6 m7',
    '7th mode of melodic minor: every dominant alteration',
    ['super locrian', 'superlocrian', 'altered dominant'],
  ),
  T(
    'lydian-dominant',
    'Lydian Dominant',
    'symmetric & advanced',
    'P1 M2 M3 A4 P5 M6 m7',
    '4th mode of melodic minor: ♯4 with ♭7',
    ['lydian b7', 'overtone'],
  ),
  T(
    'bebop-dominant',
    'Bebop Dominant',
    'symmetric & advanced',
    'P1 M2 M3 P4 P5 M6 m7 M7',
    'Mixolydian plus a passing major 7th (8 notes)',
  ),
  T(
    'bebop-major',
    'Bebop Major',
    'symmetric & advanced',
    'P1 M2 M3 P4 P5 A5 M6 M7',
    'Major plus a passing ♯5 (8 notes)',
  ),
  T(
    'bebop-minor',
    'Bebop Minor (Bebop Dorian)',
    'symmetric & advanced',
    'P1 M2 m3 M3 P4 P5 M6 m7',
    'Dorian plus a passing major 3rd (8 notes)',
    ['bebop dorian'],
  ),
  T(
    'augmented',
    'Augmented Scale',
    'symmetric & advanced',
    'P1 A2 M3 P5 A5 M7',
    'Alternating minor 3rds and half steps (hexatonic)',
  ),
  T(
    'phrygian-dominant',
    'Phrygian Dominant',
    'exotic & world',
    'P1 m2 M3 P4 P5 m6 m7',
    '5th mode of harmonic minor: ♭2 with a major 3rd',
    ['spanish'],
  ),
  T(
    'hungarian-minor',
    'Hungarian Minor',
    'exotic & world',
    'P1 M2 m3 A4 P5 m6 M7',
    'Harmonic minor with a ♯4: two augmented 2nds',
    ['gypsy minor'],
  ),
  T(
    'double-harmonic-major',
    'Double Harmonic Major',
    'exotic & world',
    'P1 m2 M3 P4 P5 m6 M7',
    'Arabic/Byzantine: two augmented 2nds',
    ['double harmonic', 'byzantine'],
  ),
  T('hirajoshi', 'Hirajoshi', 'exotic & world', 'P1 M2 m3 P5 m6', 'Japanese pentatonic: koto tuning'),
  T('iwato', 'Iwato', 'exotic & world', 'P1 m2 P4 d5 m7', 'Japanese pentatonic with no perfect 5th'),
  T('yo', 'Yo Scale', 'exotic & world', 'P1 M2 P4 P5 M6', 'Japanese anhemitonic pentatonic: serene'),
  // The four gospel scales are names from gospel pedagogy, not standard theory; these are our definitions:
  // Gospel Minor: Dorian (the major 6th gives the minor iv7→IV7 gospel colour) plus the blues ♭5
  // passing tone that minor gospel runs slide through (8 notes).
  T(
    'gospel-minor',
    'Gospel Minor Scale',
    'gospel',
    'P1 M2 m3 P4 d5 P5 M6 m7',
    'Dorian plus the ♭5 blue passing tone: minor gospel runs',
  ),
  // Gospel Pentatonic with ♯4: the major pentatonic plus the ♯4 chromatic approach to the 5th heard in
  // gospel fills (3–♯4–5).
  T(
    'gospel-pentatonic-sharp-4',
    'Gospel Pentatonic with #4',
    'gospel',
    'P1 M2 M3 A4 P5 M6',
    'Major pentatonic plus a ♯4 approach to the 5th',
    ['gospel pentatonic'],
  ),
  // Gospel Blues: the major blues scale (♭3 bending into 3) plus the ♭7 of the tonic-as-dominant (I7)
  // that gospel shouts and turnarounds lean on.
  T(
    'gospel-blues',
    'Gospel Blues Scale',
    'gospel',
    'P1 M2 m3 M3 P5 M6 m7',
    'Major blues plus ♭7: gospel shout runs',
  ),
  // Gospel Melodic Minor: melodic minor with the ♭7 added as a passing tone, so descending runs use ♭7
  // and ascending runs the leading tone (8 notes, like a bebop scale).
  T(
    'gospel-melodic-minor',
    'Gospel Melodic Minor',
    'gospel',
    'P1 M2 m3 P4 P5 M6 m7 M7',
    'Melodic minor with a passing ♭7 (8 notes)',
  ),
];

const normalise = (s: string): string =>
  s
    .toLowerCase()
    .replace(/♯/g, '#')
    .replace(/\(|\)|scale$/g, '')
    .replace(/[\s_-]+/g, ' ')
    .trim();

const BY_NAME = new Map<string, ScaleType>();
for (const s of SCALE_TYPES) {
  for (const n of [s.id, s.name, ...s.aliases, s.name.replace(/\s*\(.*\)/, '')]) BY_NAME.set(normalise(n), s);
}

/** Finds a scale by id, name or alias, forgiving case, dashes and the word "scale". */
export function findScaleType(name: string): ScaleType {
  const found = BY_NAME.get(normalise(name));
  if (!found) {
    throw new MusicError(
      `'${name}' is not one of the 32 scales; try e.g. 'dorian', 'harmonic minor', 'bebop dominant' or 'blues'`,
      name,
    );
  }
  return found;
}

export const scaleIntervals = (scale: ScaleType): Interval[] => scale.intervals.map((n) => iv(n));

/** The spelled notes of a scale on a tonic: (E♭, bebop dominant) → E♭ F G A♭ B♭ C D♭ D. */
export function scaleNotes(tonic: PitchClass, scale: ScaleType): PitchClass[] {
  return scaleIntervals(scale).map((i) => transposeClass(tonic, i));
}

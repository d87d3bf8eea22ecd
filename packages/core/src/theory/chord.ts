import { intervalName, transposeClass, type Interval } from '../pitch/interval.js';
import { pitchClassName, samePitchClass, type PitchClass } from '../pitch/pitch.js';
import { CHORD_TYPES, chordTypeIntervals, type ChordType } from './chord-types.js';

/** A chord as a chart names it: spelled root, tones above it, and an optional different bass. */
export interface Chord {
  /** The symbol as written, e.g. "Ebmaj7#11/G". */
  readonly symbol: string;
  readonly root: PitchClass;
  /** The lowest note: the root unless a slash bass is given. */
  readonly bass: PitchClass;
  /** Intervals above the root in stacked-thirds order (root first, P1). */
  readonly intervals: readonly Interval[];
  /** Spelled chord tones from the root, matching `intervals`. */
  readonly notes: readonly PitchClass[];
  /** The catalogue type when the intervals match one of the 36 exactly. */
  readonly type?: ChordType;
}

/** Orders intervals as chord degrees (root, 3rd, 5th, 7th, 9th, 11th, 13th; 2/4/6 after their neighbours). */
export function sortChordIntervals(intervals: readonly Interval[]): Interval[] {
  return [...intervals].sort((a, b) => a.steps - b.steps || a.semitones - b.semitones);
}

const sameIntervalSet = (a: readonly Interval[], b: readonly Interval[]): boolean =>
  a.length === b.length && a.every((x) => b.some((y) => y.steps === x.steps && y.semitones === x.semitones));

/** The catalogue type whose intervals equal these, if any. */
export function matchChordType(intervals: readonly Interval[]): ChordType | undefined {
  return CHORD_TYPES.find((t) => sameIntervalSet(chordTypeIntervals(t), intervals));
}

const isChordType = (x: ChordType | readonly Interval[]): x is ChordType => !Array.isArray(x);

/** Builds a chord from a root and a catalogue type or a list of intervals. */
export function buildChord(
  root: PitchClass,
  typeOrIntervals: ChordType | readonly Interval[],
  options: { readonly bass?: PitchClass; readonly symbol?: string } = {},
): Chord {
  const intervals = sortChordIntervals(
    isChordType(typeOrIntervals) ? chordTypeIntervals(typeOrIntervals) : typeOrIntervals,
  );
  const notes = intervals.map((i) => transposeClass(root, i));
  const type = matchChordType(intervals);
  const bass = options.bass ?? root;
  const suffix = type ? type.suffix : intervals.slice(1).map(intervalName).join(',');
  const slash = samePitchClass(bass, root) ? '' : `/${pitchClassName(bass)}`;
  return {
    symbol: options.symbol ?? `${pitchClassName(root)}${suffix}${slash}`,
    root,
    bass,
    intervals,
    notes,
    ...(type ? { type } : {}),
  };
}

/** Chord tones with the bass first (for slash chords the bass is added if it is not a chord tone). */
export function chordNotesFromBass(chord: Chord): PitchClass[] {
  const upper = chord.notes.filter((n) => !samePitchClass(n, chord.bass));
  return [chord.bass, ...upper];
}

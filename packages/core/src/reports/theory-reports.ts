import { intervalBetweenClasses, intervalLongName, intervalName, type Interval } from '../pitch/interval.js';
import { pitchClassName, type PitchClass } from '../pitch/pitch.js';
import { chordNotesFromBass, type Chord } from '../theory/chord.js';
import { keyName, type Key } from '../theory/key.js';
import { analyzeChord, type HarmonicFunction } from '../theory/roman-numeral-analysis.js';
import { scaleIntervals, scaleNotes, type ScaleType } from '../theory/scales.js';

/**
 * Plain JSON descriptions of theory objects: what `cadenza theory … --json` prints and what the API
 * returns, so both stay the same.
 */
export interface IntervalReport {
  readonly name: string;
  readonly longName: string;
  readonly semitones: number;
}

export interface ChordReport {
  readonly symbol: string;
  readonly root: string;
  readonly bass: string;
  /** Catalogue name ("Dominant 7th Sharp 9") or "custom" for chords outside the 36 types. */
  readonly quality: string;
  readonly typeId: string | null;
  /** Chord tones from the root, spelled. */
  readonly notes: readonly string[];
  /** Notes from the bass up (differs from `notes` for inversions and slash chords). */
  readonly voicingFromBass: readonly string[];
  readonly intervals: readonly IntervalReport[];
}

export interface ScaleReport {
  readonly tonic: string;
  readonly scale: {
    readonly id: string;
    readonly name: string;
    readonly category: string;
    readonly description: string;
  };
  readonly notes: readonly string[];
  readonly intervals: readonly IntervalReport[];
}

export interface ProgressionReport {
  readonly key: string;
  readonly chords: ReadonlyArray<{
    readonly symbol: string;
    readonly numeral: string;
    readonly function: HarmonicFunction;
    readonly description: string;
    readonly notes: readonly string[];
  }>;
}

const intervalReport = (i: Interval): IntervalReport => ({
  name: intervalName(i),
  longName: intervalLongName(i),
  semitones: i.semitones,
});

const names = (pcs: readonly PitchClass[]): string[] => pcs.map((p) => pitchClassName(p));

export function chordReport(chord: Chord): ChordReport {
  return {
    symbol: chord.symbol,
    root: pitchClassName(chord.root),
    bass: pitchClassName(chord.bass),
    quality: chord.type?.name ?? 'custom',
    typeId: chord.type?.id ?? null,
    notes: names(chord.notes),
    voicingFromBass: names(chordNotesFromBass(chord)),
    intervals: chord.intervals.map(intervalReport),
  };
}

export function scaleReport(tonic: PitchClass, scale: ScaleType): ScaleReport {
  return {
    tonic: pitchClassName(tonic),
    scale: { id: scale.id, name: scale.name, category: scale.category, description: scale.description },
    notes: names(scaleNotes(tonic, scale)),
    intervals: scaleIntervals(scale).map(intervalReport),
  };
}

export function progressionReport(chords: readonly Chord[], key: Key): ProgressionReport {
  return {
    key: keyName(key),
    chords: chords.map((c) => {
      const a = analyzeChord(c, key);
      return {
        symbol: c.symbol,
        numeral: a.numeral,
        function: a.function,
        description: a.description,
        notes: names(chordNotesFromBass(c)),
      };
    }),
  };
}

/** Interval of each note above the first (for teaching output). */
export function intervalsAbove(root: PitchClass, notes: readonly PitchClass[]): IntervalReport[] {
  return notes.map((n) => intervalReport(intervalBetweenClasses(root, n)));
}

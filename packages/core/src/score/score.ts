import type { Pitch } from '../pitch/pitch.js';
import type { Key } from '../theory/key.js';
import type { TimeSignature } from '../time/meter.js';
import { ZERO, type Rational } from '../time/rational.js';
import type { Bpm } from '../units.js';

/**
 * The one music model every Cadenza feature reads and writes.
 *
 * Time is notated time: exact rationals in quarter-note beats from the start of the first measure
 * (a pickup measure included). Performance (timing offset, velocity) is kept apart from notation, so
 * swung eighths are straight eighths in the score plus an offset that only MIDI and audio hear.
 * Everything is readonly plain data; build new scores instead of mutating.
 */
export interface Score {
  readonly metadata: ScoreMetadata;
  readonly parts: readonly Part[];
  /** Length of the pickup (anacrusis) measure in quarter notes; zero when the piece starts on a downbeat. */
  readonly pickup: Rational;
  /** Time signatures, sorted; the first is at position 0. Changes fall on barlines. */
  readonly meters: readonly MeterChange[];
  /** Key signatures with their mode, sorted; the first is at position 0. */
  readonly keys: readonly KeyChange[];
  /** Tempo marks, sorted; the first is at position 0. */
  readonly tempos: readonly TempoMark[];
  readonly chordSymbols: readonly ChordSymbolEvent[];
  readonly sections: readonly Section[];
  readonly dynamics: readonly DynamicMark[];
  /** Free text directions such as "Swing" or "rit.". */
  readonly directions: readonly TextDirection[];
  /** Where the piece ends, when trailing rests matter; otherwise the end of the last note's measure. */
  readonly end?: Rational;
}

export interface ScoreMetadata {
  readonly title?: string;
  readonly subtitle?: string;
  readonly composer?: string;
  readonly arranger?: string;
  readonly lyricist?: string;
  readonly copyright?: string;
  /** Where the piece came from (a file name, a generator and its seed). */
  readonly source?: string;
}

export const CLEFS = ['treble', 'bass', 'alto', 'tenor', 'treble-8vb', 'percussion'] as const;
export type Clef = (typeof CLEFS)[number];

export interface Part {
  /** Stable id, e.g. "P1". */
  readonly id: string;
  /** Display name, e.g. "Piano" or "Soprano". */
  readonly name: string;
  /** Number of staves: 2 for piano (1 = right hand, 2 = left hand). */
  readonly staves: number;
  /** Clef of each staff, index 0 = staff 1. */
  readonly clefs: readonly Clef[];
  /** General MIDI program 0–127 (0 = acoustic grand piano). */
  readonly program: number;
  readonly notes: readonly Note[];
  /** Sustain-pedal spans. */
  readonly pedals: readonly Span[];
}

export const ARTICULATIONS = ['staccato', 'staccatissimo', 'accent', 'tenuto', 'marcato', 'fermata'] as const;
export type Articulation = (typeof ARTICULATIONS)[number];

/**
 * A sounding note. Notes in one voice at the same position with the same duration form a chord.
 * A note that crosses a barline is still one note here; writers split it into tied notes.
 */
export interface Note {
  readonly pitch: Pitch;
  /** Notated onset in quarter notes from the start of the first measure. */
  readonly position: Rational;
  /** Notated duration in quarter notes; positive. A triplet eighth is 1/3. */
  readonly duration: Rational;
  /** Staff within the part, from 1. */
  readonly staff: number;
  /** Voice within its staff, from 1 (MusicXML writers number staff-2 voices from 5; readers map them back). */
  readonly voice: number;
  /** Performance: MIDI velocity 1–127 (default from dynamics, else 80). */
  readonly velocity?: number;
  /** Performance: onset deviation from the notated position, in quarter notes (swing, laid-back feel). */
  readonly offset?: number;
  readonly articulations?: readonly Articulation[];
}

export interface Span {
  readonly start: Rational;
  readonly end: Rational;
}

export interface MeterChange {
  readonly position: Rational;
  readonly timeSignature: TimeSignature;
}

export interface KeyChange {
  readonly position: Rational;
  readonly key: Key;
}

export interface TempoMark {
  readonly position: Rational;
  /** Quarter notes per minute. */
  readonly bpm: Bpm;
  /** Words shown with the metronome mark, e.g. "Andante" or "Swing". */
  readonly text?: string;
}

export interface ChordSymbolEvent {
  readonly position: Rational;
  /** The symbol as a chart shows it, e.g. "Ebmaj7#11/G". Parse with `parseChordSymbol`. */
  readonly symbol: string;
}

export interface Section {
  readonly position: Rational;
  /** "Intro", "A", "B", "Verse", "Ending". */
  readonly label: string;
}

export const DYNAMICS = ['ppp', 'pp', 'p', 'mp', 'mf', 'f', 'ff', 'fff', 'sf', 'sfz', 'fp'] as const;
export type Dynamic = (typeof DYNAMICS)[number];

export interface DynamicMark {
  readonly position: Rational;
  readonly partId: string;
  readonly staff: number;
  readonly mark: Dynamic;
}

export interface TextDirection {
  readonly position: Rational;
  readonly partId: string;
  readonly text: string;
}

/** Everything a Score needs beyond its parts; defaults: 4/4, C major, ♩ = 120, no pickup. */
export type ScoreInit = Partial<Omit<Score, 'parts'>> & { readonly parts: readonly PartInit[] };
export type PartInit = Partial<Omit<Part, 'notes'>> & { readonly notes: readonly Note[] };

export function createScore(init: ScoreInit): Score {
  const parts = init.parts.map((p, i): Part => {
    const staves = p.staves ?? (p.clefs?.length || 1);
    return {
      id: p.id ?? `P${i + 1}`,
      name: p.name ?? 'Piano',
      staves,
      clefs: p.clefs ?? (staves === 2 ? ['treble', 'bass'] : ['treble']),
      program: p.program ?? 0,
      notes: p.notes,
      pedals: p.pedals ?? [],
    };
  });
  return {
    metadata: init.metadata ?? {},
    parts,
    pickup: init.pickup ?? ZERO,
    meters: init.meters ?? [{ position: ZERO, timeSignature: { beats: 4, beatType: 4 } }],
    keys: init.keys ?? [{ position: ZERO, key: { tonic: { step: 'C', alter: 0 }, mode: 'major' } }],
    tempos: init.tempos ?? [{ position: ZERO, bpm: 120 as Bpm }],
    chordSymbols: init.chordSymbols ?? [],
    sections: init.sections ?? [],
    dynamics: init.dynamics ?? [],
    directions: init.directions ?? [],
    ...(init.end ? { end: init.end } : {}),
  };
}

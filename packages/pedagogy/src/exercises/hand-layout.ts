import type { Key, Note, Rational, TimeSignature } from '@cadenza/core';
import type { Hands } from './difficulty-model.js';
import type { ExerciseRequest } from './exercise-request.js';
import { laySegments, type HandRun, type LaidOut, type Segment } from './exercise-timeline.js';
import type { FingeringMark, VoicedChord } from './exercise-types.js';
import type { RhythmEvent } from './rhythm-cells.js';

export type HandsPlayed = Hands | 'left';

/** How a generator's music is to be set: a piano grand staff, one treble staff, or a percussion line. */
export type StaffLayout = 'piano' | 'treble' | 'percussion';

/** What each generator returns; `generateExercise` turns it into the Score and the spec's response. */
export interface ExerciseBody {
  readonly key: Key;
  readonly timeSignature: TimeSignature;
  readonly laid: LaidOut;
  readonly hands: HandsPlayed;
  readonly title: string;
  readonly description: string;
  /** Facts the practice tips read (octaves, note value, inversions, …). */
  readonly detail: Readonly<Record<string, string | number | boolean>>;
  readonly layout?: StaffLayout;
  readonly chords?: readonly VoicedChord[];
  readonly fingering?: readonly FingeringMark[];
  /** Rhythm and sight reading: each bar's events, rests included (their values fill the bar exactly). */
  readonly rhythm?: readonly (readonly RhythmEvent[])[];
}

/** The hands the exercise uses: the special focus wins over the difficulty's default. */
export function handsFor(request: ExerciseRequest, levelHands: Hands): HandsPlayed {
  return request.hands ?? levelHands;
}

export interface HandRuns {
  readonly right: HandRun;
  readonly left: HandRun;
}

/** Lays runs for the hands: together (one segment each), separately (right then left), or one hand. */
export function layHands(options: {
  readonly hands: HandsPlayed;
  readonly value: Rational;
  readonly timeSignature: TimeSignature;
  readonly bars: number | undefined;
  readonly runs: readonly HandRuns[];
}): LaidOut | undefined {
  const segments: Segment[] = options.runs.flatMap((r): Segment[] => {
    switch (options.hands) {
      case 'together':
        return [{ right: r.right, left: r.left }];
      case 'separate':
        return [{ right: r.right }, { left: r.left }];
      case 'left':
        return [{ left: r.left }];
      case 'right':
        return [{ right: r.right }];
    }
  });
  return laySegments(segments, options.value, options.timeSignature, options.bars);
}

/** A body's notes on one staff, sorted (for rule checks and tests). */
export const staffNotes = (notes: readonly Note[], staff: number): Note[] =>
  notes.filter((n) => n.staff === staff);

import type { Key, Pitch, Rational, Score, TimeSignature } from '@cadenza/core';
import type { Level } from './difficulty-model.js';
import type { GeneratedSkillType } from './exercise-catalogue.js';
import type { RhythmEvent } from './rhythm-cells.js';

export type Hand = 'right' | 'left';
export type Finger = 1 | 2 | 3 | 4 | 5;

/**
 * A finger for one note. The Score model and the MusicXML writer have no fingering field yet, so
 * fingering travels beside the score, one mark per note (matched by staff, position and pitch).
 */
export interface FingeringMark {
  readonly hand: Hand;
  /** Staff of the note: 1 right hand, 2 left hand. */
  readonly staff: number;
  /** Onset in quarter notes, as in the score. */
  readonly position: Rational;
  readonly pitch: Pitch;
  readonly finger: Finger;
}

/** One chord of a progression exercise as voiced: a bass and the right hand's three notes. */
export interface VoicedChord {
  /** The roman numeral as written in the key, e.g. "V65". */
  readonly numeral: string;
  /** Chord symbol, e.g. "G7/B". */
  readonly symbol: string;
  readonly position: Rational;
  readonly duration: Rational;
  readonly bass: Pitch;
  /** Right-hand notes, lowest first. */
  readonly upper: readonly Pitch[];
}

/** A generated exercise: the score plus everything the spec's response carries. */
export interface Exercise {
  readonly skillType: GeneratedSkillType;
  /** The catalogue subtype, or for a catalogue scale its id ("dorian"). */
  readonly subtype: string;
  readonly difficulty: Level;
  readonly key: Key;
  readonly timeSignature: TimeSignature;
  /** Quarter notes per minute. */
  readonly tempo: number;
  /** Bars of music, not counting a count-in. */
  readonly bars: number;
  readonly score: Score;
  readonly title: string;
  readonly description: string;
  /** Seconds: bars × beats × 60 / tempo, plus the count-in bar when asked for, rounded up. */
  readonly estimatedDuration: number;
  /** 1 when the audio should start with a bar of clicks, else 0. */
  readonly countInBars: number;
  readonly practiceTips: readonly string[];
  /** Standard fingering for scales and arpeggios, both hands; absent where no standard exists. */
  readonly fingering?: readonly FingeringMark[];
  /** Rhythm and sight reading: each bar's events, rests included (their values fill the bar exactly). */
  readonly rhythm?: readonly (readonly RhythmEvent[])[];
  /** Progressions: each chord as voiced. */
  readonly chords?: readonly VoicedChord[];
  readonly seed: number;
}

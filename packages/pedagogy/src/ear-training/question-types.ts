import type { Interval, Key, Pitch, Rational, Score, TimeSignature } from '@cadenza/core';

/** The spec's four ear-training exercises (EXERCISE_TYPES.ear_training). */
export const EAR_TRAINING_TYPES = [
  'interval_recognition',
  'chord_quality',
  'melodic_dictation',
  'rhythm_dictation',
] as const;
export type EarTrainingType = (typeof EAR_TRAINING_TYPES)[number];

/** Recognition quizzes answer with one of their choices; dictations with written notes. */
export const isRecognitionType = (type: EarTrainingType): boolean =>
  type === 'interval_recognition' || type === 'chord_quality';

/** One answer a student may pick: a stable id ("m6", "dim7") and what the button says. */
export interface AnswerChoice {
  readonly id: string;
  readonly label: string;
}

/**
 * One written note of a dictation (or of its answer key). Melodic dictation has pitches; rhythm
 * dictation only durations, some of them rests. Durations are in quarter notes (an eighth is 1/2).
 */
export interface DictationNote {
  readonly pitch?: Pitch;
  readonly duration: Rational;
  readonly rest?: boolean;
}

/** How an interval question is played. */
export type IntervalPlayback = 'melodic_up' | 'melodic_down' | 'harmonic';

/** What the question asked and how to check it: kept server-side, never shown before answering. */
export type QuestionKey =
  | {
      readonly type: 'interval_recognition';
      readonly playback: IntervalPlayback;
      /** The two pitches in the order played (for harmonic: lower first). */
      readonly notes: readonly [Pitch, Pitch];
      /** The signed interval from the first note to the second (descending: negative). */
      readonly interval: Interval;
      /** The correct choice id: the interval's name without direction, e.g. "m6". */
      readonly answer: string;
    }
  | {
      readonly type: 'chord_quality';
      /** The chord's spelled tones from the bass up, as played. */
      readonly notes: readonly Pitch[];
      readonly root: Pitch;
      /** 0 root position, 1 first inversion, 2 second, 3 third. */
      readonly inversion: number;
      readonly arpeggiated: boolean;
      /** The correct choice id: a core chord type id ("major", "m7b5", "dim7"). */
      readonly answer: string;
    }
  | {
      readonly type: 'melodic_dictation';
      readonly key: Key;
      readonly timeSignature: TimeSignature;
      readonly bars: number;
      readonly answer: readonly DictationNote[];
    }
  | {
      readonly type: 'rhythm_dictation';
      readonly timeSignature: TimeSignature;
      readonly bars: number;
      readonly answer: readonly DictationNote[];
    };

/**
 * A generated quiz question: what to play, what to ask, the choices (recognition types) and the key
 * to check the answer with. Plain data, so it can be stored as JSON and read back.
 */
export interface EarTrainingQuestion {
  readonly type: EarTrainingType;
  /** 1–10. */
  readonly difficulty: number;
  readonly seed: number;
  /** What the student reads before listening. */
  readonly prompt: string;
  /** Empty for dictation. */
  readonly choices: readonly AnswerChoice[];
  /** What to play (the dictations start with a lead-in: the key chord or a bar of clicks). */
  readonly score: Score;
  /** Quarter notes per minute. */
  readonly tempo: number;
  /** Quarter notes of lead-in (key chord, count-in) before the part to write down; 0 for recognition. */
  readonly leadIn: Rational;
  /** What the student is told up front for dictation (meter, key, first note); empty for recognition. */
  readonly given: readonly string[];
  readonly key: QuestionKey;
}

/** A student's answer: a choice id, or the written notes of a dictation. */
export type StudentAnswer =
  | { readonly kind: 'choice'; readonly choice: string }
  | { readonly kind: 'notes'; readonly notes: readonly DictationNote[] };

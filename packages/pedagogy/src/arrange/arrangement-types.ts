import type { Chord, Key, Note, Rational, Rng, Score, Section, TimeSignature } from '@cadenza/core';
import type { ApplicationProfile, Genre } from './genres.js';

/**
 * A fully resolved request: every choice the description, the explicit fields and the defaults made,
 * in music types. Arrangers read only this (and their Rng), so (request, seed) fixes the result.
 */
export interface ArrangeRequest {
  readonly genre: Genre;
  readonly application: ApplicationProfile;
  readonly key: Key;
  /** Quarter notes per minute, inside the application's range. */
  readonly tempo: number;
  readonly meter: TimeSignature;
  /** Number of bars, 1–256. */
  readonly bars: number;
  /** Style cues read from the description, lower case: 'bebop', 'walking bass', 'stride', '12-bar'… */
  readonly styles: readonly string[];
  /** Mood words read from the description: 'uplifting', 'sad', 'dark'… */
  readonly moods: readonly string[];
  /** A pattern id the user asked for (see each genre's patterns); otherwise the arranger chooses. */
  readonly leftHand?: string;
  readonly rightHand?: string;
  /** Swing ratio long:short, 1.0 (straight) – 3.0; undefined: the genre's and application's default. */
  readonly swingRatio?: number;
  /** The user's own chart, one entry per bar (one or more chords each); replaces the generated progression. */
  readonly chart?: readonly (readonly Chord[])[];
  /** 0 = pure rules (gospel's ai_percentage); a language model is a later issue. */
  readonly aiPercentage: number;
}

/** One chord of the progression, where it sounds and what it does. */
export interface ChordEvent {
  /** Start in quarter notes from the top. */
  readonly position: Rational;
  readonly duration: Rational;
  readonly chord: Chord;
  /** Roman numeral in the key ("ii7", "V7/V", "♭VII"). */
  readonly numeral: string;
  /** One teaching sentence: why this chord is here. */
  readonly comment: string;
}

export interface Progression {
  readonly chords: readonly ChordEvent[];
  /** Intro, A, B, Ending… at bar starts. */
  readonly sections: readonly Section[];
}

/** How the notes are played in time: performance only, the score stays straight. */
export type Feel =
  | { readonly kind: 'straight' }
  /** Off-beat eighths delayed so that long:short = ratio (2.0 = triplet swing). */
  | { readonly kind: 'swing'; readonly ratio: number; readonly label: 'Swing' | 'Shuffle' }
  /** Every note played `delay` quarter notes late (neo-soul pocket), 16th grid. */
  | { readonly kind: 'laid-back'; readonly delay: number };

/** What a pattern gets: the request, the progression, an Rng of its own and where the hand sits. */
export interface PatternContext {
  readonly request: ArrangeRequest;
  readonly progression: Progression;
  readonly rng: Rng;
}

/** A left- or right-hand pattern the spec names for a genre. */
export interface HandPattern {
  /** Kebab-case id ('shell-voicing', 'walking-bass'). */
  readonly id: string;
  /** The spec's name ('Shell Voicing'). */
  readonly name: string;
  readonly hand: 'left' | 'right';
  /** The notes of the whole piece for this hand: staff 2 (left) or 1 (right), velocity set. */
  render(context: PatternContext): Note[];
}

/** One genre's knowledge: its progression rules, its patterns and its feel. */
export interface GenreArranger {
  readonly genre: Genre;
  readonly leftHand: readonly HandPattern[];
  readonly rightHand: readonly HandPattern[];
  /** The progression for the request (used only when the request has no chart). */
  progression(request: ArrangeRequest, rng: Rng): Progression;
  /** Chooses the patterns when the request names none (by application, style cues, mood). */
  choosePatterns(
    request: ArrangeRequest,
    rng: Rng,
  ): { readonly left: HandPattern; readonly right: HandPattern };
  /** The rhythmic feel for the request (swing ratio, shuffle, laid-back, straight). */
  feel(request: ArrangeRequest): Feel;
}

/**
 * Where a progression can come from besides the genre's rules: the seam for a language-model proposer
 * (a later issue). `propose` returns undefined to leave the progression to the rules.
 */
export interface ProgressionProposer {
  /** Reported as the response's generation_method when the proposal is used, e.g. 'model+rules'. */
  readonly method: string;
  propose(request: ArrangeRequest, rng: Rng): Progression | undefined;
}

/** What `arrange` returns. */
export interface Arrangement {
  readonly score: Score;
  readonly progression: Progression;
  readonly leftHand: string;
  readonly rightHand: string;
  readonly feel: Feel;
  readonly seed: number;
  /** 'rules', or the proposer's method when a proposer supplied the progression. */
  readonly generationMethod: string;
}

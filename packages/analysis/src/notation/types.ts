import type { Key } from '@cadenza/core';

/**
 * A note as performed and transcribed: times in seconds, not yet notation. `transcribe`'s
 * `PerformedNote` is one (its confidence is always set).
 */
export interface PlayedNote {
  /** Start, seconds from the start of the recording. */
  readonly onset: number;
  /** End, seconds; after `onset`. */
  readonly offset: number;
  /** MIDI note number (60 = middle C). */
  readonly midi: number;
  /** MIDI velocity 1–127. */
  readonly velocity: number;
  /** The transcriber's confidence 0–1; a low one makes an octave jump easier to correct. */
  readonly confidence?: number;
}

/** The meters the notation step writes. */
export type NotationMeter = '2/4' | '3/4' | '4/4' | '6/8';

export interface NotationOptions {
  /** Beat times in seconds, increasing, at least two (6/8: dotted-quarter beats). */
  readonly beats: readonly number[];
  readonly meter: NotationMeter;
  /** Index in `beats` of the first downbeat; beats before it make a pickup measure. Default 0. */
  readonly firstDownbeat?: number;
  /** Key used for the key signature and for spelling. Default C major. */
  readonly key?: Key;
  /** 1 staff (treble, or bass for a low line) or 2 (piano: right hand treble, left hand bass). Default 1. */
  readonly staves?: 1 | 2;
  readonly title?: string;
  /** The part's name and its General MIDI program (what MIDI and audio play it with). Default Piano, 0. */
  readonly instrument?: { readonly name: string; readonly program: number };
  /** Drop the performance layer (`Note.offset`): MIDI then plays the notation exactly. Default false. */
  readonly quantized?: boolean;
  /** Correct isolated octave errors; default: only when the notes form a monophonic line. */
  readonly fixOctaves?: boolean;
  /** Beats of timing error a triplet grid must save before it is chosen over sixteenths. Default 0.04. */
  readonly tripletPenalty?: number;
}

import { midiOf, toNumber } from '@cadenza/core';
import type { Exercise } from './exercise-types.js';

/** A note as the spec's `midi_notes` lists it: MIDI number with start and length in seconds. */
export interface ExerciseMidiNote {
  readonly midi: number;
  /** Seconds from the first downbeat (after any count-in). */
  readonly start: number;
  readonly duration: number;
  /** 1 right hand (or the only staff), 2 left hand. */
  readonly staff: number;
}

/** The exercise's notes in time order, timed at its (constant) tempo. */
export function exerciseMidiNotes(exercise: Exercise): ExerciseMidiNote[] {
  const secondsPerQuarter = 60 / exercise.tempo;
  return exercise.score.parts
    .flatMap((p) => p.notes)
    .map((n) => ({
      midi: midiOf(n.pitch),
      start: toNumber(n.position) * secondsPerQuarter,
      duration: toNumber(n.duration) * secondsPerQuarter,
      staff: n.staff,
    }))
    .sort((a, b) => a.start - b.start || a.staff - b.staff || a.midi - b.midi);
}

import type { Chord, Note, Pitch, PitchClass, Rational } from '@cadenza/core';

/** A note of one hand (right = staff 1, left = staff 2), velocity a relative weight (80 = normal). */
export function handNote(
  pitch: Pitch,
  position: Rational,
  duration: Rational,
  hand: 'left' | 'right',
  velocity = 80,
): Note {
  return { pitch, position, duration, staff: hand === 'right' ? 1 : 2, voice: 1, velocity };
}

/**
 * The chord tone `semitones` above the root, trying each alternative in turn (`toneAt(c, 4, 3)`: the
 * major 3rd, else the minor 3rd); undefined when the chord has none of them.
 */
export function toneAt(chord: Chord, ...semitones: number[]): PitchClass | undefined {
  for (const s of semitones) {
    const i = chord.intervals.findIndex((v) => ((v.semitones % 12) + 12) % 12 === s);
    if (i >= 0) return chord.notes[i];
  }
  return undefined;
}

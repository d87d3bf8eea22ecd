import {
  add,
  chroma,
  measureLength,
  midiOf,
  rat,
  sub,
  toNumber,
  type Chord,
  type Pitch,
  type PitchClass,
  type Rational,
} from '@cadenza/core';
import type { ArrangeRequest, ChordEvent, Progression } from '../../arrangement-types.js';
import { barStart, chordAt } from '../../chord-events.js';
import { handNote, toneAt } from '../../hand-notes.js';

// Shared with the other genres; re-exported so this genre's files keep one place to import from.
export { handNote, toneAt };

/** One quarter-note beat of the piece (the last beat of an odd bar may be shorter). */
export interface Beat {
  readonly bar: number;
  /** Beat number inside the bar, from 0. */
  readonly index: number;
  readonly position: Rational;
  readonly length: Rational;
  readonly chord: ChordEvent;
  /** The chord starts on this beat. */
  readonly chordStarts: boolean;
}

/** Every beat of the piece with the chord sounding on it. */
export function beatsOf(request: ArrangeRequest, progression: Progression): Beat[] {
  const beats: Beat[] = [];
  const barLength = measureLength(request.meter);
  for (let bar = 0; bar < request.bars; bar++) {
    const start = barStart(bar, request.meter);
    for (let index = 0; index < toNumber(barLength); index++) {
      const position = add(start, rat(index));
      const left = sub(add(start, barLength), position);
      const length = toNumber(left) < 1 ? left : rat(1);
      const chord = chordAt(progression, position);
      if (!chord) continue;
      const previous = index === 0 && bar === 0 ? undefined : chordAt(progression, sub(position, rat(1, 12)));
      beats.push({ bar, index, position, length, chord, chordStarts: previous !== chord });
    }
  }
  return beats;
}

/** The chord's 3rd (or the suspended 4th/2nd standing in for it). */
export const thirdOf = (chord: Chord): PitchClass | undefined => toneAt(chord, 4, 3) ?? toneAt(chord, 5, 2);
/** The chord's 7th (a diminished 7th and a 6th stand in for it). */
export const seventhOf = (chord: Chord): PitchClass | undefined => toneAt(chord, 10, 11, 9);
/** The chord's 5th (diminished or augmented included). */
export const fifthOf = (chord: Chord): PitchClass | undefined => toneAt(chord, 7, 6, 8);

/**
 * The tones a right hand voices: rootless when the chord has four or more tones (the bass has the root),
 * 3rd and 7th first, then colour tones (9th, 13th), then the 5th; at most `count`, sorted by pitch class.
 */
export function rightHandTones(chord: Chord, count = 4): PitchClass[] {
  if (chord.notes.length <= count) return [...chord.notes].sort((a, b) => chroma(a) - chroma(b));
  const chosen: PitchClass[] = [];
  const addTone = (pc: PitchClass | undefined) => {
    if (pc && !chosen.some((c) => chroma(c) === chroma(pc))) chosen.push(pc);
  };
  addTone(thirdOf(chord));
  addTone(seventhOf(chord));
  for (const s of [2, 1, 3, 9, 8, 6, 5]) addTone(toneAt(chord, s));
  addTone(fifthOf(chord));
  // Sorted by pitch class, every rotation is a close position (within an octave).
  return chosen.slice(0, count).sort((a, b) => chroma(a) - chroma(b));
}

/** The MIDI number of the highest pitch. */
export const topOf = (pitches: readonly Pitch[]): number => Math.max(...pitches.map(midiOf));

/** A rational from a number of twelfths of a beat (keeps everything on the 1/12 grid). */
export const twelfths = (n: number): Rational => rat(n, 12);

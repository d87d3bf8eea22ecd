import {
  add,
  chroma,
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
import { fromTwelfths, pulsesOf } from '../../meter-grid.js';

// Shared with the other genres; re-exported so this genre's files keep one place to import from.
export { handNote, toneAt };

/**
 * One counted beat of the piece (see ../../meter-grid.ts): a quarter in 4/4, 3/4 and 5/4, a dotted
 * quarter in 6/8 and 12/8, a group of eighths in 5/8 or 7/8.
 */
export interface Beat {
  readonly bar: number;
  /** Beat number inside the bar, from 0. */
  readonly index: number;
  readonly position: Rational;
  readonly length: Rational;
  readonly chord: ChordEvent;
  /** The chord starts on this beat. */
  readonly chordStarts: boolean;
  /** A beat the bar leans on (4/4: 1 and 3; 6/8: 1; 12/8: 1 and 7; 5/4: 1 and 4). */
  readonly strong: boolean;
}

/** Every counted beat of the piece with the chord sounding on it. */
export function beatsOf(request: ArrangeRequest, progression: Progression): Beat[] {
  const beats: Beat[] = [];
  const pulses = pulsesOf(request.meter);
  for (let bar = 0; bar < request.bars; bar++) {
    const start = barStart(bar, request.meter);
    for (const pulse of pulses) {
      const position = add(start, fromTwelfths(pulse.start));
      const length = fromTwelfths(pulse.length);
      const chord = chordAt(progression, position);
      if (!chord) continue;
      const previous =
        pulse.index === 0 && bar === 0 ? undefined : chordAt(progression, sub(position, rat(1, 12)));
      beats.push({
        bar,
        index: pulse.index,
        position,
        length,
        chord,
        chordStarts: previous !== chord,
        strong: pulse.strong,
      });
    }
  }
  return beats;
}

/**
 * Where the off-beat of a beat falls: its last eighth (the "and" of a quarter, the third eighth of a
 * dotted quarter, where a compound bar's triplet pushes).
 */
export const offbeatOf = (beat: Beat): Rational => add(beat.position, sub(beat.length, rat(1, 2)));

/** Eighth notes in a beat (2 in a quarter, 3 in a dotted quarter, 1 in a shorter remainder). */
export const eighthsIn = (beat: Beat): number => Math.max(1, Math.floor(toNumber(beat.length) * 2 + 1e-9));

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

import { chroma, midiOf, type Chord, type Note, type Pitch, type Rational } from '@cadenza/core';
import type { PatternContext } from '../../arrangement-types.js';
import { nearestPitch, spellInKey } from '../../voicing.js';
import { bassLine, sopranoLine, structuralPoints, type StructuralPoint } from './outer-voices.js';

/** The outer-voice frame every classical pattern shares: points, the bass and the soprano at each. */
export interface OuterPlan {
  readonly points: readonly StructuralPoint[];
  readonly bass: readonly Pitch[];
  /** Present only when asked for (right-hand patterns): spelled soprano notes. */
  readonly soprano: readonly Pitch[];
}

/** A MIDI number spelled as a tone of the chord when it is one, else as the key spells it. */
export function spellFor(midi: number, chord: Chord, context: PatternContext): Pitch {
  const tone = chord.notes.find((n) => chroma(n) === midi % 12);
  return tone ? nearestPitch(tone, midi) : spellInKey(midi, context.request.key);
}

/**
 * The frame: the left hand needs only the bass (no randomness, so both hands agree on it); the right hand
 * also draws the soprano with its own Rng, checked against that bass for parallel fifths and octaves.
 */
export function outerPlan(context: PatternContext, withSoprano: boolean): OuterPlan {
  const points = structuralPoints(context.request, context.progression);
  const bass = bassLine(points);
  if (!withSoprano) return { points, bass, soprano: [] };
  const line = sopranoLine(context.request, points, bass, context.rng);
  const soprano = line.map((midi, i) => {
    const point = points[i];
    return point ? spellFor(midi, point.chord.chord, context) : spellInKey(midi, context.request.key);
  });
  return { points, bass, soprano };
}

/** A note for one hand (right = staff 1, left = staff 2), velocity a relative weight (80 = normal). */
export function classicalNote(
  pitch: Pitch,
  position: Rational,
  duration: Rational,
  hand: 'left' | 'right',
  velocity: number,
): Note {
  return { pitch, position, duration, staff: hand === 'right' ? 1 : 2, voice: 1, velocity };
}

/** MIDI numbers of the chord's tones from `low` up to `high`, ascending. */
export function chordTonesBetween(chord: Chord, low: number, high: number): number[] {
  const out: number[] = [];
  for (let m = low; m <= high; m++) if (chord.notes.some((n) => chroma(n) === m % 12)) out.push(m);
  return out;
}

export const midiOfPitch = (p: Pitch | undefined): number => (p ? midiOf(p) : 60);

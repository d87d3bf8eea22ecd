import { chroma, pitchClassName, type PitchClass } from '@cadenza/core';
import type { Finger, Hand } from './exercise-types.js';

/**
 * Standard piano scale fingerings (the ones ABRSM and Hanon print), for one hand in one scale.
 * `degrees[i]` is the finger on scale degree i+1 inside a run (where the hand passes through the tonic
 * without stopping); `bottom` is the finger on the lowest note, where a run starts and ends; `top` the
 * finger on the highest note, where it turns. A two-octave C major right hand is therefore
 * 1 2 3 1 2 3 4 | 1 2 3 1 2 3 4 | 5: the middle C takes degree 1's finger, the top C takes `top`.
 */
export interface HandFingering {
  readonly degrees: readonly Finger[];
  readonly bottom: Finger;
  readonly top: Finger;
}

export interface ScaleFingering {
  readonly right: HandFingering;
  readonly left: HandFingering;
}

const digits = (text: string): Finger[] => [...text].map((c) => Number(c) as Finger);
const hand = (degrees: string, bottom: number, top: number): HandFingering => ({
  degrees: digits(degrees),
  bottom: bottom as Finger,
  top: top as Finger,
});

// Right hands.
const RH_C = hand('1231234', 1, 5);
const RH_F = hand('1234123', 1, 4);
const RH_BB = hand('4123123', 2, 4);
const RH_EB = hand('3123412', 3, 3);
const RH_AB = hand('3412312', 3, 3);
const RH_DB = hand('2312341', 2, 2);
const RH_GB = hand('2341231', 2, 2);
const RH_SHARP_MINOR = hand('3412312', 3, 3);
// Left hands.
const LH_C = hand('1432132', 5, 1);
const LH_B = hand('1321432', 4, 1);
const LH_GB = hand('4321321', 4, 4);
const LH_FLAT = hand('3214321', 3, 3);
const LH_EB_MINOR = hand('2143213', 2, 2);
const LH_BB_MINOR = hand('2132143', 2, 2);

/** Major scales by tonic name (enharmonic keys share a fingering: C♯ = D♭, F♯ = G♭, C♭ = B). */
const MAJOR: Readonly<Record<string, ScaleFingering>> = {
  C: { right: RH_C, left: LH_C },
  G: { right: RH_C, left: LH_C },
  D: { right: RH_C, left: LH_C },
  A: { right: RH_C, left: LH_C },
  E: { right: RH_C, left: LH_C },
  B: { right: RH_C, left: LH_B },
  Cb: { right: RH_C, left: LH_B },
  'F#': { right: RH_GB, left: LH_GB },
  Gb: { right: RH_GB, left: LH_GB },
  'C#': { right: RH_DB, left: LH_FLAT },
  Db: { right: RH_DB, left: LH_FLAT },
  Ab: { right: RH_AB, left: LH_FLAT },
  Eb: { right: RH_EB, left: LH_FLAT },
  Bb: { right: RH_BB, left: LH_FLAT },
  F: { right: RH_F, left: LH_C },
};

/** Harmonic minor scales by tonic name (D♯ = E♭, A♯ = B♭, A♭ = G♯). */
const HARMONIC_MINOR: Readonly<Record<string, ScaleFingering>> = {
  A: { right: RH_C, left: LH_C },
  E: { right: RH_C, left: LH_C },
  D: { right: RH_C, left: LH_C },
  G: { right: RH_C, left: LH_C },
  C: { right: RH_C, left: LH_C },
  B: { right: RH_C, left: LH_B },
  'F#': { right: RH_SHARP_MINOR, left: LH_GB },
  'C#': { right: RH_SHARP_MINOR, left: LH_FLAT },
  'G#': { right: RH_SHARP_MINOR, left: LH_FLAT },
  Ab: { right: RH_SHARP_MINOR, left: LH_FLAT },
  'D#': { right: RH_EB, left: LH_EB_MINOR },
  Eb: { right: RH_EB, left: LH_EB_MINOR },
  'A#': { right: RH_BB, left: LH_BB_MINOR },
  Bb: { right: RH_BB, left: LH_BB_MINOR },
  F: { right: RH_F, left: LH_C },
};

export type FingeredScale = 'major' | 'harmonic-minor';

/** The standard fingering of a major or harmonic-minor scale, or undefined for a tonic with none. */
export function scaleFingering(tonic: PitchClass, scale: FingeredScale): ScaleFingering | undefined {
  const table = scale === 'major' ? MAJOR : HARMONIC_MINOR;
  return table[pitchClassName(tonic)];
}

/**
 * Fingers for a run of `degree` indices (0 = tonic) that climbs to its highest note and comes back
 * (or only climbs): the first and last notes take `bottom`, the highest note takes `top`.
 */
export function fingerRun(degrees: readonly number[], midis: readonly number[], f: HandFingering): Finger[] {
  const highest = Math.max(...midis);
  return degrees.map((d, i) => {
    if (i === 0 || i === degrees.length - 1) return f.bottom;
    if (midis[i] === highest) return f.top;
    return f.degrees[d] ?? f.degrees[0] ?? 1;
  });
}

const BLACK = new Set([1, 3, 6, 8, 10]);
export const isBlackKey = (pc: PitchClass): boolean => BLACK.has(chroma(pc));

/**
 * The chromatic scale's standard fingering: 3 on every black key, 1 on the white keys, and 2 where two
 * white keys meet (right hand: F and C; left hand: E and B), so the thumb never has to pass under
 * itself. The first note of a run takes 1 when it is white.
 */
export function chromaticFingers(pitches: readonly PitchClass[], which: Hand): Finger[] {
  const second = which === 'right' ? [5, 0] : [4, 11];
  return pitches.map((pc, i) => {
    if (isBlackKey(pc)) return 3;
    if (i === 0 || i === pitches.length - 1) return 1;
    return second.includes(chroma(pc)) ? 2 : 1;
  });
}

import { intervalBetweenClasses, iv, transposeClass } from '../pitch/interval.js';
import { samePitchClass, type PitchClass } from '../pitch/pitch.js';
import { isMinorLike, keyScale, type Key } from './key.js';

/** Numeral text for degrees 1–7. */
export const NUMERALS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'] as const;

/** Accidental prefix for a root altered from the key's scale degree: -1 → '♭', +1 → '♯'. */
export function degreeAccidental(diff: number): string {
  if (diff === 0) return '';
  return (diff < 0 ? '♭' : '♯').repeat(Math.abs(diff));
}

/**
 * Pitch classes that count as in the key. Minor keys admit the raised 6th and 7th (melodic and
 * harmonic minor), so V and vii° in minor are diatonic, as common-practice analysis treats them.
 */
export function diatonicSet(key: Key): PitchClass[] {
  const scale = keyScale(key);
  if (!isMinorLike(key)) return scale;
  const raised = [scale[5], scale[6]].flatMap((pc) => (pc ? [{ step: pc.step, alter: pc.alter + 1 }] : []));
  return [...scale, ...raised];
}

export const inSet = (set: readonly PitchClass[], pc: PitchClass): boolean =>
  set.some((p) => samePitchClass(p, pc));

/** Degree (1–7) of a root in a key and its alteration from the key's scale (natural minor in minor). */
export function degreeOf(root: PitchClass, key: Key): { degree: number; diff: number } {
  const above = intervalBetweenClasses(key.tonic, root);
  const scaleNote = keyScale(key)[above.steps] as PitchClass;
  return { degree: above.steps + 1, diff: root.alter - scaleNote.alter };
}

/** The root of a degree in a key, with an explicit alteration (accidental prefix) applied. */
export function rootOfDegree(key: Key, degree: number, diff: number): PitchClass {
  const scaleNote = keyScale(key)[degree - 1] as PitchClass;
  return { step: scaleNote.step, alter: scaleNote.alter + diff };
}

/** ♭6, 1, ♯4 and the tones that make French (2) and German (♭3) sixths, in a key. */
export function augmentedSixthTones(
  key: Key,
): Record<'flat6' | 'tonic' | 'sharp4' | 'two' | 'flat3', PitchClass> {
  const t = key.tonic;
  return {
    flat6: transposeClass(t, iv('m6')),
    tonic: t,
    sharp4: transposeClass(t, iv('A4')),
    two: transposeClass(t, iv('M2')),
    flat3: transposeClass(t, iv('m3')),
  };
}

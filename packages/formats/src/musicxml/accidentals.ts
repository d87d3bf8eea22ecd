/**
 * Which written notes show an accidental: those whose alteration differs from the key signature or
 * from an earlier accidental on the same line and octave in the measure (all voices of a staff).
 * A note tied over from before shows none, as engravers do.
 */
import { compare, type Rational, type Step } from '@cadenza/core';
import type { LaidNote } from './voice-layout.js';

const SHARP_ORDER = 'FCGDAEB';
const FLAT_ORDER = 'BEADGCF';

/** Alteration the key signature gives a letter: fifths 2 (D major) sharpens F and C. */
export function keyAlter(step: Step, fifths: number): number {
  if (fifths > 0 && SHARP_ORDER.indexOf(step) < fifths) return 1;
  if (fifths < 0 && FLAT_ORDER.indexOf(step) < -fifths) return -1;
  return 0;
}

const SIGNS: Readonly<Record<string, string>> = {
  '-3': 'triple-flat',
  '-2': 'flat-flat',
  '-1': 'flat',
  '0': 'natural',
  '1': 'sharp',
  '2': 'double-sharp',
  '3': 'triple-sharp',
};

/** Accidental names for the notes that need one, keyed by the written note object. */
export function accidentalSigns(
  events: readonly { readonly offset: Rational; readonly notes: readonly LaidNote[] }[],
  keyFifths: number,
): Map<LaidNote, string> {
  const signs = new Map<LaidNote, string>();
  const inForce = new Map<string, number>();
  const ordered = events
    .flatMap((e) => e.notes.map((note) => ({ offset: e.offset, note })))
    .sort((a, b) => compare(a.offset, b.offset));
  for (const { note } of ordered) {
    if (note.tieStop) continue;
    const { step, alter, octave } = note.pitch;
    const line = `${step}${octave}`;
    const expected = inForce.get(line) ?? keyAlter(step, keyFifths);
    if (alter === expected) continue;
    const sign = SIGNS[String(alter)];
    if (sign) signs.set(note, sign);
    inForce.set(line, alter);
  }
  return signs;
}

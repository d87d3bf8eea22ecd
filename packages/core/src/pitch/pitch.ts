import { MusicError } from '../errors.js';
import { hz, type Hz } from '../units.js';

/** The seven letter names, in scale order from C. */
export const STEPS = ['C', 'D', 'E', 'F', 'G', 'A', 'B'] as const;
export type Step = (typeof STEPS)[number];

/** A spelled pitch class: a letter and an alteration (-2 = double flat … +2 = double sharp). */
export interface PitchClass {
  readonly step: Step;
  /** Chromatic alteration in semitones: -1 flat, +1 sharp. */
  readonly alter: number;
}

/** A spelled pitch in scientific pitch notation: C4 is middle C (MIDI 60); Cb4 is MIDI 59. */
export interface Pitch extends PitchClass {
  readonly octave: number;
}

const NATURAL_SEMITONES: Record<Step, number> = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 };
/** Position of each natural on the line of fifths, with C at 0. */
const STEP_FIFTHS: Record<Step, number> = { F: -1, C: 0, G: 1, D: 2, A: 3, E: 4, B: 5 };
const FIFTHS_ORDER: readonly Step[] = ['F', 'C', 'G', 'D', 'A', 'E', 'B'];

export const stepIndex = (step: Step): number => STEPS.indexOf(step);
export const stepAt = (index: number): Step => STEPS[((index % 7) + 7) % 7] as Step;
export const naturalSemitones = (step: Step): number => NATURAL_SEMITONES[step];

/** Semitones above C of this pitch class, in 0–11. */
export function chroma(pc: PitchClass): number {
  return (((NATURAL_SEMITONES[pc.step] + pc.alter) % 12) + 12) % 12;
}

/** MIDI note number (C4 = 60). Cb4 is 59 and B#3 is 60: the octave belongs to the letter. */
export function midiOf(p: Pitch): number {
  return (p.octave + 1) * 12 + NATURAL_SEMITONES[p.step] + p.alter;
}

/** Equal-tempered frequency of a pitch, with A4 at `a4` hertz (440 by default). */
export function frequencyOf(p: Pitch, a4 = 440): Hz {
  return hz(a4 * 2 ** ((midiOf(p) - 69) / 12));
}

export function midiToFrequency(midi: number, a4 = 440): Hz {
  return hz(a4 * 2 ** ((midi - 69) / 12));
}

/** Position on the line of fifths: C 0, G 1, F -1, F# 6, Bb -2. */
export function fifthsOf(pc: PitchClass): number {
  return STEP_FIFTHS[pc.step] + 7 * pc.alter;
}

/** The pitch class at a position on the line of fifths. */
export function pitchClassFromFifths(fifths: number): PitchClass {
  const shifted = fifths + 1;
  const step = FIFTHS_ORDER[((shifted % 7) + 7) % 7] as Step;
  return { step, alter: Math.floor(shifted / 7) };
}

const ACCIDENTAL_TEXT: Record<string, number> = {
  '': 0,
  '#': 1,
  '♯': 1,
  '##': 2,
  x: 2,
  '𝄪': 2,
  '♯♯': 2,
  b: -1,
  '♭': -1,
  bb: -2,
  '♭♭': -2,
  '𝄫': -2,
  '♮': 0,
  '###': 3,
  bbb: -3,
};

export function accidentalText(alter: number, unicode = false): string {
  if (alter === 0) return '';
  if (unicode) {
    if (alter === 2) return '𝄪';
    if (alter === -2) return '𝄫';
    return (alter > 0 ? '♯' : '♭').repeat(Math.abs(alter));
  }
  return (alter > 0 ? '#' : 'b').repeat(Math.abs(alter));
}

/** "F#", "Bb", "E##"; with `unicode`, "F♯", "B♭", "E𝄪". */
export function pitchClassName(pc: PitchClass, unicode = false): string {
  return pc.step + accidentalText(pc.alter, unicode);
}

/** "C#4", "Bb3". */
export function pitchName(p: Pitch, unicode = false): string {
  return pitchClassName(p, unicode) + String(p.octave);
}

const PITCH_RE = /^([A-Ga-g])(#{1,3}|b{1,3}|x|𝄪|𝄫|♯{1,2}|♭{1,2}|♮)?(-?\d+)?$/u;

function parseParts(text: string): { pc: PitchClass; octave: number | undefined } {
  const m = PITCH_RE.exec(text.trim());
  if (!m) {
    throw new MusicError(
      `'${text}' is not a note name: write a letter A–G, then any accidental (#, b, ##, bb), then an octave, e.g. C#4 or Bb3`,
      text,
    );
  }
  const step = (m[1] as string).toUpperCase() as Step;
  const alter = ACCIDENTAL_TEXT[m[2] ?? ''];
  if (alter === undefined) throw new MusicError(`'${m[2]}' is not an accidental`, text);
  return { pc: { step, alter }, octave: m[3] === undefined ? undefined : Number(m[3]) };
}

/** Parses a spelled pitch with an octave: "C#4", "Bb3", "E##5", "Cb4", "F♯2". */
export function parsePitch(text: string): Pitch {
  const { pc, octave } = parseParts(text);
  if (octave === undefined) {
    throw new MusicError(`'${text}' needs an octave number, e.g. ${pitchClassName(pc)}4`, text);
  }
  if (octave < -1 || octave > 9) {
    throw new MusicError(`octave ${octave} in '${text}' is outside the range -1 to 9`, text);
  }
  return { ...pc, octave };
}

/** Parses a spelled pitch class without octave: "F#", "Bb", "Ebb". */
export function parsePitchClass(text: string): PitchClass {
  const { pc, octave } = parseParts(text);
  if (octave !== undefined) throw new MusicError(`'${text}' should be a note name without an octave`, text);
  return pc;
}

export const samePitchClass = (a: PitchClass, b: PitchClass): boolean =>
  a.step === b.step && a.alter === b.alter;

export const samePitch = (a: Pitch, b: Pitch): boolean => samePitchClass(a, b) && a.octave === b.octave;

/** The pitch with this spelling whose octave places it nearest above-or-at `midiFloor`. */
export function placeAtOrAbove(pc: PitchClass, midiFloor: number): Pitch {
  const base = midiOf({ ...pc, octave: 0 });
  const octave = Math.ceil((midiFloor - base) / 12);
  return { ...pc, octave };
}

/**
 * Spells a MIDI note in the context of a key signature (in fifths, e.g. -3 for E♭ major / C minor).
 * Picks the spelling that lies in a twelve-fifth window around the key, so C major gives F♯, C♯, B♭,
 * E♭, A♭ and A minor (`minor: true`) gives G♯ for the leading tone.
 */
export function spellMidi(midi: number, keyFifths = 0, minor = false): Pitch {
  const low = keyFifths - (minor ? 3 : 4);
  for (let f = low; f < low + 12; f++) {
    const pc = pitchClassFromFifths(f);
    if (chroma(pc) === ((midi % 12) + 12) % 12) {
      const octave = Math.floor((midi - NATURAL_SEMITONES[pc.step] - pc.alter) / 12) - 1;
      return { ...pc, octave };
    }
  }
  throw new RangeError(`cannot spell MIDI ${midi}`);
}

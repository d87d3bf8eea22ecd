import { MusicError } from '../errors.js';
import {
  fifthsOf,
  midiOf,
  naturalSemitones,
  stepAt,
  stepIndex,
  type Pitch,
  type PitchClass,
} from './pitch.js';

/**
 * An interval with both sizes musicians use: diatonic (letter steps) and chromatic (semitones).
 * C→E is a major third (2 steps, 4 semitones); C→F♭ is a diminished fourth (3 steps, 4 semitones).
 * Both sizes are signed: a descending interval has negative steps.
 */
export interface Interval {
  /** Letter steps: 0 unison, 2 a third, 7 an octave, 9 a tenth. */
  readonly steps: number;
  /** Semitones. */
  readonly semitones: number;
}

export type IntervalQuality = 'P' | 'M' | 'm' | 'A' | 'd' | 'AA' | 'dd' | 'AAA' | 'ddd';

const MAJOR_OR_PERFECT = [0, 2, 4, 5, 7, 9, 11] as const;
const PERFECT_STEPS = new Set([0, 3, 4]);

function simpleParts(iv: Interval): { simpleSteps: number; deviation: number } {
  const abs = iv.steps < 0 ? { steps: -iv.steps, semitones: -iv.semitones } : iv;
  const octaves = Math.floor(abs.steps / 7);
  const simpleSteps = abs.steps % 7;
  const deviation = abs.semitones - 12 * octaves - (MAJOR_OR_PERFECT[simpleSteps] ?? 0);
  return { simpleSteps, deviation };
}

export function intervalQuality(iv: Interval): IntervalQuality {
  const { simpleSteps, deviation } = simpleParts(iv);
  if (PERFECT_STEPS.has(simpleSteps)) {
    if (deviation === 0) return 'P';
    return (deviation > 0 ? 'A' : 'd').repeat(Math.abs(deviation)) as IntervalQuality;
  }
  if (deviation === 0) return 'M';
  if (deviation === -1) return 'm';
  if (deviation > 0) return 'A'.repeat(deviation) as IntervalQuality;
  return 'd'.repeat(-deviation - 1) as IntervalQuality;
}

/** The interval number musicians say: 1 unison, 3 third, 8 octave, 10 tenth. */
export const intervalNumber = (iv: Interval): number => Math.abs(iv.steps) + 1;

/** True for intervals larger than an octave (ninths and up). */
export const isCompound = (iv: Interval): boolean => Math.abs(iv.steps) > 7;

/** Short name: "m3", "P5", "A4", "d7", "M10"; descending intervals start with "-". */
export function intervalName(iv: Interval): string {
  return (iv.steps < 0 ? '-' : '') + intervalQuality(iv) + String(intervalNumber(iv));
}

const QUALITY_WORDS: Record<string, string> = {
  P: 'perfect',
  M: 'major',
  m: 'minor',
  A: 'augmented',
  d: 'diminished',
  AA: 'doubly augmented',
  dd: 'doubly diminished',
};
const NUMBER_WORDS = [
  'unison',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'octave',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
];

/** "minor third", "augmented fourth", "major ninth", "perfect octave". */
export function intervalLongName(iv: Interval): string {
  const q = QUALITY_WORDS[intervalQuality(iv)] ?? intervalQuality(iv);
  const n = intervalNumber(iv);
  const word = NUMBER_WORDS[n - 1] ?? `${n}th`;
  return `${iv.steps < 0 ? 'descending ' : ''}${q} ${word}`;
}

const INTERVAL_RE = /^(-)?(P|M|m|A{1,3}|d{1,3})(\d{1,2})$/;

/** Parses "m3", "P5", "A4", "d7", "M9", "-P4". */
export function parseInterval(text: string): Interval {
  const m = INTERVAL_RE.exec(text.trim());
  if (!m) {
    throw new MusicError(
      `'${text}' is not an interval name: use a quality (P, M, m, A, d) and a number, e.g. m3, P5, A4`,
      text,
    );
  }
  const quality = m[2] as string;
  const number = Number(m[3]);
  if (number < 1) throw new MusicError(`interval number must be at least 1 in '${text}'`, text);
  const steps = number - 1;
  const simple = steps % 7;
  const octaves = Math.floor(steps / 7);
  const perfect = PERFECT_STEPS.has(simple);
  let deviation: number;
  if (quality === 'P') {
    if (!perfect) throw new MusicError(`a ${number}th cannot be perfect: use M or m in '${text}'`, text);
    deviation = 0;
  } else if (quality === 'M' || quality === 'm') {
    if (perfect)
      throw new MusicError(`a ${number} is perfect, augmented or diminished, not '${quality}'`, text);
    deviation = quality === 'M' ? 0 : -1;
  } else if (quality.startsWith('A')) {
    deviation = quality.length;
  } else {
    deviation = perfect ? -quality.length : -quality.length - 1;
  }
  const semitones = 12 * octaves + (MAJOR_OR_PERFECT[simple] ?? 0) + deviation;
  const sign = m[1] ? -1 : 1;
  return { steps: sign * steps, semitones: sign * semitones };
}

/** Shorthand for parseInterval, for tables of known-good names. */
export const iv = parseInterval;

const absoluteStep = (p: Pitch): number => p.octave * 7 + stepIndex(p.step);

/** The interval from a to b (negative if b is lower). */
export function intervalBetween(a: Pitch, b: Pitch): Interval {
  return { steps: absoluteStep(b) - absoluteStep(a), semitones: midiOf(b) - midiOf(a) };
}

/** The ascending simple interval (unison to seventh) from pitch class a up to pitch class b. */
export function intervalBetweenClasses(a: PitchClass, b: PitchClass): Interval {
  const f = fifthsOf(b) - fifthsOf(a);
  const steps = (((4 * f) % 7) + 7) % 7;
  const octaves = (4 * f - steps) / 7;
  return { steps, semitones: 7 * f - 12 * octaves };
}

/** Moves a pitch by an interval, keeping the spelling the interval implies (C4 + A4 = F#4). */
export function transpose(p: Pitch, interval: Interval): Pitch {
  const target = absoluteStep(p) + interval.steps;
  const octave = Math.floor(target / 7);
  const step = stepAt(target);
  const wanted = midiOf(p) + interval.semitones;
  const natural = (octave + 1) * 12 + naturalSemitones(step);
  return { step, alter: wanted - natural, octave };
}

/** Moves a pitch class by an interval (octaves ignored). */
export function transposeClass(pc: PitchClass, interval: Interval): PitchClass {
  const p = transpose({ ...pc, octave: 4 }, interval);
  return { step: p.step, alter: p.alter };
}

export const addIntervals = (a: Interval, b: Interval): Interval => ({
  steps: a.steps + b.steps,
  semitones: a.semitones + b.semitones,
});

export const invertInterval = (i: Interval): Interval => ({ steps: -i.steps, semitones: -i.semitones });

/** Reduces to within an octave (a tenth becomes a third; an octave stays an octave). */
export function simplify(i: Interval): Interval {
  const sign = i.steps < 0 ? -1 : 1;
  const steps = Math.abs(i.steps);
  if (steps <= 7) return i;
  const octaves = Math.floor((steps - 1) / 7);
  return { steps: sign * (steps - 7 * octaves), semitones: i.semitones - sign * 12 * octaves };
}

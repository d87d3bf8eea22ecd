import {
  addIntervals,
  findScaleType,
  midiOf,
  MODES,
  placeAtOrAbove,
  scaleIntervals,
  transpose,
  type Interval,
  type Key,
  type Mode,
  type Pitch,
  type Rng,
  type ScaleType,
} from '@cadenza/core';
import { levelRow, SCALE_LEVELS, type ScaleLevel } from './difficulty-model.js';
import { chooseKey } from './exercise-key.js';
import { barsTooFew, type ExerciseRequest } from './exercise-request.js';
import type { Finger, Hand } from './exercise-types.js';
import { NOTE_VALUES } from './note-values.js';
import {
  chromaticFingers,
  fingerRun,
  isBlackKey,
  scaleFingering,
  type HandFingering,
} from './scale-fingering.js';
import { handsFor, layHands, type ExerciseBody } from './hand-layout.js';

/** What a scale subtype plays: the intervals up, the intervals down, the key mode, a display name. */
interface ScalePlan {
  readonly name: string;
  readonly up: readonly Interval[] | 'chromatic';
  readonly down: readonly Interval[] | 'chromatic';
  readonly mode: Mode;
  readonly fingered?: 'major' | 'harmonic-minor';
}

const byId = (id: string): Interval[] => scaleIntervals(findScaleType(id));

function planFor(subtype: string, scale: ScaleType | undefined, asked: Key | undefined): ScalePlan {
  switch (subtype) {
    case 'major':
      return { name: 'major', up: byId('ionian'), down: byId('ionian'), mode: 'major', fingered: 'major' };
    case 'minor_natural':
      return {
        name: 'natural minor',
        up: byId('aeolian'),
        down: byId('aeolian'),
        mode: 'minor',
        fingered: 'harmonic-minor',
      };
    case 'minor_harmonic':
      return {
        name: 'harmonic minor',
        up: byId('harmonic-minor'),
        down: byId('harmonic-minor'),
        mode: 'minor',
        fingered: 'harmonic-minor',
      };
    case 'minor_melodic':
      return {
        name: 'melodic minor',
        up: byId('melodic-minor'),
        down: byId('aeolian'),
        mode: 'minor',
        fingered: 'harmonic-minor',
      };
    case 'chromatic':
      return { name: 'chromatic', up: 'chromatic', down: 'chromatic', mode: asked?.mode ?? 'major' };
  }
  if (!scale) throw new RangeError(`internal: unknown scale subtype ${subtype}`);
  const intervals = scaleIntervals(scale);
  const modeName = scale.id === 'ionian' ? 'major' : scale.id === 'aeolian' ? 'minor' : scale.id;
  const mode: Mode = (MODES as readonly string[]).includes(modeName)
    ? (modeName as Mode)
    : intervals.some((i) => i.steps === 2 && i.semitones === 3) && !intervals.some((i) => i.semitones === 4)
      ? 'minor'
      : 'major';
  return { name: scale.name, up: intervals, down: intervals, mode };
}

/** A run up `octaves` octaves from `start` and back down, spelled from the intervals. */
function diatonicRun(
  start: Pitch,
  plan: ScalePlan,
  octaves: number,
): { pitches: Pitch[]; degrees: number[] } {
  const up = plan.up as readonly Interval[];
  const down = plan.down as readonly Interval[];
  const climb = (intervals: readonly Interval[]): { pitches: Pitch[]; degrees: number[] } => {
    const pitches: Pitch[] = [];
    const degrees: number[] = [];
    for (let o = 0; o < octaves; o++) {
      const shift: Interval = { steps: 7 * o, semitones: 12 * o };
      intervals.forEach((i, d) => {
        pitches.push(transpose(start, addIntervals(i, shift)));
        degrees.push(d);
      });
    }
    pitches.push(transpose(start, { steps: 7 * octaves, semitones: 12 * octaves }));
    degrees.push(0);
    return { pitches, degrees };
  };
  const a = climb(up);
  const b = climb(down);
  return {
    pitches: [...a.pitches, ...b.pitches.slice(0, -1).reverse()],
    degrees: [...a.degrees, ...b.degrees.slice(0, -1).reverse()],
  };
}

/** Chromatic run: sharps going up, flats coming down, the tonic always spelled as the key spells it. */
function chromaticRun(start: Pitch, octaves: number): Pitch[] {
  const up: Pitch[] = [start];
  const base = midiOf(start);
  for (let s = 1; s < 12 * octaves; s++) up.push(spellChromatic(base + s, 'up'));
  const top = transpose(start, { steps: 7 * octaves, semitones: 12 * octaves });
  const down: Pitch[] = [];
  for (let s = 12 * octaves - 1; s >= 1; s--) down.push(spellChromatic(base + s, 'down'));
  return [...up, top, ...down, start];
}

const WHITE: Readonly<Record<number, Pitch['step']>> = {
  0: 'C',
  2: 'D',
  4: 'E',
  5: 'F',
  7: 'G',
  9: 'A',
  11: 'B',
};

function spellChromatic(midi: number, direction: 'up' | 'down'): Pitch {
  const pc = ((midi % 12) + 12) % 12;
  const octave = Math.floor(midi / 12) - 1;
  const white = WHITE[pc];
  if (white) return { step: white, alter: 0, octave };
  if (direction === 'up') return { step: WHITE[pc - 1] as Pitch['step'], alter: 1, octave };
  return { step: WHITE[pc + 1] as Pitch['step'], alter: -1, octave };
}

/** Where a hand starts: the right hand from middle C up (an octave lower for 3+ octaves), the left an octave below. */
export function startPitch(key: Key, which: Hand, octaves: number): Pitch {
  const floor = (octaves >= 3 ? 48 : 60) - (which === 'left' ? 12 : 0);
  return placeAtOrAbove(key.tonic, floor);
}

function fingersFor(
  plan: ScalePlan,
  key: Key,
  which: Hand,
  pitches: readonly Pitch[],
  degrees: readonly number[],
): Finger[] | undefined {
  if (plan.up === 'chromatic') return chromaticFingers(pitches, which);
  if (!plan.fingered) return undefined;
  const table = scaleFingering(key.tonic, plan.fingered);
  const f: HandFingering | undefined = table?.[which];
  if (!f) return undefined;
  const fingers = fingerRun(degrees, pitches.map(midiOf), f);
  // Natural and melodic minor borrow the harmonic minor's fingers; where that would put the thumb on a
  // black key (F♯ and C♯ melodic minor going up) there is no standard answer to give, so give none.
  const borrowed = plan.name !== 'major' && plan.name !== 'harmonic minor';
  if (borrowed && fingers.some((finger, i) => finger === 1 && isBlackKey(pitches[i] as Pitch)))
    return undefined;
  return fingers;
}

function buildRun(plan: ScalePlan, key: Key, which: Hand, octaves: number) {
  const start = startPitch(key, which, octaves);
  if (plan.up === 'chromatic') {
    const pitches = chromaticRun(start, octaves);
    return { pitches, fingers: fingersFor(plan, key, which, pitches, []) };
  }
  const { pitches, degrees } = diatonicRun(start, plan, octaves);
  return { pitches, fingers: fingersFor(plan, key, which, pitches, degrees) };
}

/** Scales: up and down the requested octaves in even notes, hands separately or together. */
export function scaleExercise(request: ExerciseRequest, rng: Rng): ExerciseBody {
  const level: ScaleLevel = levelRow(SCALE_LEVELS, request.difficulty);
  const plan = planFor(request.subtype.name, request.subtype.scale, request.key);
  const key = chooseKey(request, plan.mode, level.maxKeyFifths, rng);
  const value = NOTE_VALUES[level.noteValue];
  const hands = handsFor(request, level.hands);
  const ts = request.timeSignature ?? { beats: 4, beatType: 4 };
  for (let octaves = level.octaves; octaves >= 1; octaves--) {
    const laid = layHands({
      hands,
      value,
      timeSignature: ts,
      bars: request.bars,
      runs: [{ right: buildRun(plan, key, 'right', octaves), left: buildRun(plan, key, 'left', octaves) }],
    });
    if (laid) {
      const tonic = `${key.tonic.step}${key.tonic.alter > 0 ? '♯'.repeat(key.tonic.alter) : '♭'.repeat(-key.tonic.alter)}`;
      const what = `${tonic} ${plan.name} scale`;
      return {
        key,
        timeSignature: ts,
        laid,
        hands,
        title: `${what}, ${octaves} octave${octaves > 1 ? 's' : ''}`,
        description:
          `${capital(what)} over ${octaves} octave${octaves > 1 ? 's' : ''}, up and down in ${level.noteValue} notes, ` +
          `${describeHands(hands)}.` +
          (request.subtype.name === 'minor_melodic'
            ? ' Melodic minor raises the 6th and 7th going up and falls as the natural minor.'
            : ''),
        detail: { octaves, noteValue: level.noteValue, scaleName: plan.name },
      };
    }
  }
  throw barsTooFew(2, 'a one-octave scale');
}

export const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function describeHands(hands: string): string {
  switch (hands) {
    case 'separate':
      return 'right hand first, then left hand';
    case 'together':
      return 'hands together an octave apart';
    case 'left':
      return 'left hand alone';
    default:
      return 'right hand alone';
  }
}

import {
  buildChord,
  CHORD_TYPE_BY_ID,
  keySignatureFifths,
  midiOf,
  pitchClassName,
  placeAtOrAbove,
  realizeRomanNumeral,
  type Chord,
  type ChordType,
  type Key,
  type Mode,
  type Pitch,
  type PitchClass,
  type Rng,
} from '@cadenza/core';
import { fingerArpeggioRun } from './arpeggio-fingering.js';
import { ARPEGGIO_LEVELS, levelRow, type ArpeggioLevel } from './difficulty-model.js';
import { chooseKey } from './exercise-key.js';
import { barsTooFew, type ExerciseRequest } from './exercise-request.js';
import type { Hand } from './exercise-types.js';
import { handsFor, layHands, type ExerciseBody, type HandRuns } from './hand-layout.js';
import { NOTE_VALUES } from './note-values.js';
import { capital, describeHands } from './scale-exercise.js';

const INVERSION_NAMES = ['root position', 'first inversion', 'second inversion', 'third inversion'];

function chordType(id: string): ChordType {
  const t = CHORD_TYPE_BY_ID.get(id);
  if (!t) throw new RangeError(`internal: no chord type ${id}`);
  return t;
}

/** The key (for the signature) and the chord an arpeggio subtype plays on the asked-for tonic. */
function chordFor(subtype: string, key: Key): Chord {
  switch (subtype) {
    case 'minor_triad':
      return buildChord(key.tonic, chordType('minor'));
    case 'dominant_7th':
      // The dominant seventh of the key, as exam syllabuses set it: "G7 in C".
      return realizeRomanNumeral('V7', key);
    case 'diminished':
      return buildChord(key.tonic, chordType('dim7'));
    default:
      return buildChord(key.tonic, chordType('major'));
  }
}

function modeFor(subtype: string, asked: Key | undefined): Mode {
  if (subtype === 'minor_triad' || subtype === 'diminished') return 'minor';
  if (subtype === 'dominant_7th') return asked?.mode === 'minor' ? 'minor' : 'major';
  return 'major';
}

/** Chord tones from the bass of an inversion: inversion 1 of C–E–G is E–G–C. */
export const inversionOrder = (chord: Chord, inversion: number): PitchClass[] => [
  ...chord.notes.slice(inversion),
  ...chord.notes.slice(0, inversion),
];

/** An arpeggio run: up `octaves` octaves through the chord tones and back down. */
export function arpeggioRun(order: readonly PitchClass[], start: Pitch, octaves: number): Pitch[] {
  const up: Pitch[] = [start];
  for (let i = 1; i < order.length * octaves; i++) {
    const previous = up[up.length - 1] as Pitch;
    up.push(placeAtOrAbove(order[i % order.length] as PitchClass, midiOf(previous) + 1));
  }
  up.push({ ...start, octave: start.octave + octaves });
  return [...up, ...up.slice(0, -1).reverse()];
}

function inversionsFor(level: ArpeggioLevel, request: ExerciseRequest, tones: number): number[] {
  if (request.inversion !== undefined) return [Math.min(request.inversion, tones - 1)];
  if (level.inversions === 'root') return [0];
  if (level.inversions === 'root-and-first') return [0, 1];
  return Array.from({ length: tones }, (_, i) => i);
}

function run(order: readonly PitchClass[], which: Hand, octaves: number) {
  const floor = (octaves >= 3 ? 48 : 60) - (which === 'left' ? 12 : 0);
  const pitches = arpeggioRun(order, placeAtOrAbove(order[0] as PitchClass, floor), octaves);
  return { pitches, fingers: fingerArpeggioRun(pitches, order, which) };
}

/** Arpeggios: the chord's tones up and down the octaves, in each inversion the level asks for. */
export function arpeggioExercise(request: ExerciseRequest, rng: Rng): ExerciseBody {
  const level = levelRow(ARPEGGIO_LEVELS, request.difficulty);
  const subtype = request.subtype.name;
  let key = chooseKey(request, modeFor(subtype, request.key), level.maxKeyFifths, rng);
  if (Math.abs(keySignatureFifths(key)) > 7) key = { tonic: key.tonic, mode: 'major' };
  const chord = chordFor(subtype, key);
  const inversions = inversionsFor(level, request, chord.notes.length);
  const hands = handsFor(request, level.hands);
  const ts = request.timeSignature ?? { beats: 4, beatType: 4 };
  const value = NOTE_VALUES[level.noteValue];
  for (let octaves = level.octaves; octaves >= 1; octaves--) {
    const runs = inversions.map((inv): HandRuns => {
      const order = inversionOrder(chord, inv);
      return { right: run(order, 'right', octaves), left: run(order, 'left', octaves) };
    });
    const laid = layHands({ hands, value, timeSignature: ts, bars: request.bars, runs });
    if (!laid) continue;
    const name = `${chord.symbol} ${subtype === 'dominant_7th' ? 'dominant seventh' : subtype === 'diminished' ? 'diminished seventh' : subtype === 'minor_triad' ? 'minor' : 'major'} arpeggio`;
    const which = inversions.map((i) => INVERSION_NAMES[i]).join(', then ');
    const tones = chord.notes.map((n) => pitchClassName(n, true)).join('–');
    return {
      key,
      timeSignature: ts,
      laid,
      hands,
      title: `${name}, ${octaves} octave${octaves > 1 ? 's' : ''}`,
      description:
        `${capital(name)} (${tones}) over ${octaves} octave${octaves > 1 ? 's' : ''} in ${level.noteValue} notes, ` +
        `${which}, ${describeHands(hands)}.` +
        (subtype === 'dominant_7th'
          ? ` ${chord.symbol} is the dominant seventh of ${pitchClassName(key.tonic, true)}.`
          : ''),
      detail: {
        octaves,
        noteValue: level.noteValue,
        inversions: inversions.length,
        tones: chord.notes.length,
      },
    };
  }
  throw barsTooFew(1, 'a one-octave arpeggio');
}

import {
  createRng,
  createScore,
  findScaleType,
  parsePitch,
  parsePitchClass,
  placeAtOrAbove,
  rat,
  scaleNotes,
  type Note,
  type Pitch,
  type Score,
} from '@cadenza/core';
import type { ExpectedNote, PlayedNote } from '../src/index.js';

const note = (pitch: Pitch, position: number, duration: number): Note => ({
  pitch,
  position: rat(Math.round(position * 12), 12),
  duration: rat(Math.round(duration * 12), 12),
  staff: 1,
  voice: 1,
});

/** One octave of a major scale up and down in eighth notes (15 notes) at `bpm`. */
export function scaleScore(tonic = 'C', octaveMidi = 60, bpm = 100): Score {
  const pcs = scaleNotes(parsePitchClass(tonic), findScaleType('major'));
  let floor = octaveMidi;
  const up = [...pcs, pcs[0] as (typeof pcs)[number]].map((pc) => {
    const p = placeAtOrAbove(pc, floor);
    floor = midiOfPitch(p) + 1;
    return p;
  });
  const line = [...up, ...up.slice(0, -1).reverse()];
  return createScore({
    tempos: [{ position: rat(0), bpm: bpm as never }],
    parts: [{ notes: line.map((p, i) => note(p, i / 2, 0.5)) }],
  });
}

/** Notes given as names with durations in quarter notes, one after another: [['C4', 1], ['D4', 0.5]]. */
export function melodyScore(line: readonly (readonly [string, number])[], bpm = 100): Score {
  let at = 0;
  const notes = line.map(([name, beats]) => {
    const n = note(parsePitch(name), at, beats);
    at += beats;
    return n;
  });
  return createScore({ tempos: [{ position: rat(0), bpm: bpm as never }], parts: [{ notes }] });
}

/** Chords given as note-name lists, each lasting `beats`. */
export function chordScore(chords: readonly (readonly string[])[], beats = 2, bpm = 90): Score {
  const notes = chords.flatMap((names, i) => names.map((n) => note(parsePitch(n), i * beats, beats)));
  return createScore({ tempos: [{ position: rat(0), bpm: bpm as never }], parts: [{ notes }] });
}

function midiOfPitch(p: Pitch): number {
  const semis = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 }[p.step];
  return 12 * (p.octave + 1) + semis + p.alter;
}

export interface TakeOptions {
  /** Played seconds per written second. */
  readonly stretch?: number;
  /** Seconds before the first note. */
  readonly start?: number;
  /** Uniform onset jitter ± this many seconds (seeded). */
  readonly jitter?: number;
  readonly seed?: number;
}

/** The expected notes played back as a take: stretched, shifted, lightly jittered, legato. */
export function take(expected: readonly ExpectedNote[], options: TakeOptions = {}): PlayedNote[] {
  const { stretch = 1, start = 0, jitter = 0, seed = 1 } = options;
  const rng = createRng(seed);
  return expected.map((e) => {
    const onset = start + stretch * e.onset + jitter * (2 * rng.next() - 1);
    return { onset, offset: onset + 0.9 * stretch * e.duration, midi: e.midi, velocity: 80 };
  });
}

import {
  add,
  chroma,
  keyScale,
  measureLength,
  midiOf,
  rat,
  toNumber,
  type Pitch,
  type PitchClass,
  type Rational,
  type Rng,
  type TimeSignature,
} from '@cadenza/core';
import type { ChordEvent, PatternContext } from '../../arrangement-types.js';
import { barStart, chordAt } from '../../chord-events.js';
import { pulsesOf } from '../../meter-grid.js';
import { nearestPitch } from '../../voicing.js';
import { rightHandTones } from './hand-tools.js';

/** One melody note and the chord under it. */
export interface MelodyNote {
  readonly pitch: Pitch;
  readonly position: Rational;
  readonly duration: Rational;
  readonly chord: ChordEvent;
  /** Starts on a beat where a chord arrives or on beat 1: harmonised by the patterns. */
  readonly accented: boolean;
}

/** Rhythm cells of a 4/4 bar in quarter notes (onsets stay on the eighth grid). */
const CELLS_4: readonly (readonly number[])[] = [
  [2, 2],
  [1, 1, 2],
  [1.5, 0.5, 2],
  [1, 1, 1, 1],
  [3, 1],
  [2, 1, 1],
  [1, 0.5, 0.5, 2],
];

/** The melody lives between G4 and C6. */
const MELODY_RANGE: readonly [number, number] = [67, 84];

/**
 * A singable top line: chord tones where a chord arrives and on the beat, key-scale steps between,
 * moving mostly by step in one direction and turning at the range's edges.
 */
export function melodyLine(context: PatternContext): MelodyNote[] {
  const { request, progression, rng } = context;
  const barLength = toNumber(measureLength(request.meter));
  const scale = keyScale(request.key);
  // Counted beats (twelfths from the bar line): quarters, or dotted quarters in 6/8 and 12/8.
  const beatStarts = new Set(pulsesOf(request.meter).map((p) => p.start));
  const line: MelodyNote[] = [];
  let previous = 76;
  let direction = rng.chance(0.5) ? 1 : -1;
  for (let bar = 0; bar < request.bars; bar++) {
    const cell = barLength === 4 ? rng.pick(CELLS_4) : cellFor(request.meter, rng);
    let at = barStart(bar, request.meter);
    for (const length of cell) {
      const duration = rat(Math.round(length * 12), 12);
      const chord = chordAt(progression, at);
      if (!chord) break;
      const onBeat = beatStarts.has(Math.round((toNumber(at) % barLength) * 12));
      const accented = toNumber(at) === toNumber(chord.position) || toNumber(at) % barLength === 0;
      const pool: readonly PitchClass[] = onBeat ? [...rightHandTones(chord.chord), chord.chord.root] : scale;
      const aim = previous + direction * (onBeat ? 3 : 2);
      const options = pool
        .map((pc) => nearestPitch(pc, aim))
        .filter(
          (p) => midiOf(p) !== previous && midiOf(p) >= MELODY_RANGE[0] && midiOf(p) <= MELODY_RANGE[1],
        );
      const pitch =
        options.sort((a, b) => Math.abs(midiOf(a) - aim) - Math.abs(midiOf(b) - aim))[0] ??
        nearestPitch(chord.chord.root, 74);
      previous = midiOf(pitch);
      if (previous >= MELODY_RANGE[1] - 2) direction = -1;
      else if (previous <= MELODY_RANGE[0] + 2) direction = 1;
      else if (rng.chance(0.2)) direction = -direction;
      line.push({ pitch, position: at, duration, chord, accented });
      at = add(at, duration);
    }
  }
  return line;
}

/**
 * A bar of another meter, one note a counted beat (quarters in 3/4 and 5/4, dotted quarters in 6/8
 * and 12/8); a dotted quarter is sometimes sung as the lilting quarter–eighth of compound time.
 */
function cellFor(meter: TimeSignature, rng: Rng): number[] {
  return pulsesOf(meter).flatMap((pulse) =>
    pulse.length === 18 && rng.chance(0.4) ? [1, 0.5] : [pulse.length / 12],
  );
}

/** The chord tones (not the melody's own pitch class) placed just below the melody note, highest first. */
export function harmonyBelow(melody: MelodyNote, count: number): Pitch[] {
  const top = midiOf(melody.pitch);
  return rightHandTones(melody.chord.chord)
    .filter((pc) => chroma(pc) !== chroma(melody.pitch))
    .map((pc) => {
      const p = nearestPitch(pc, top - 6);
      return midiOf(p) >= top ? { ...p, octave: p.octave - 1 } : p;
    })
    .sort((a, b) => midiOf(b) - midiOf(a))
    .slice(0, count);
}

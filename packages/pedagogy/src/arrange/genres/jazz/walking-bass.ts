import { chroma, midiOf, type Note, type Pitch, type PitchClass } from '@cadenza/core';
import type { HandPattern, PatternContext } from '../../arrangement-types.js';
import { nearestPitch, spellInKey } from '../../voicing.js';
import { fifthOf, handNote, jazzBeats, seventhOf, thirdOf, type JazzBeat } from './jazz-tools.js';

/** The walking line stays between G1 and G3, the double bass's home. */
export const WALK_RANGE: readonly [number, number] = [31, 55];

/** The pitch class nearest `target`, folded into the walking range. */
function walkPitch(pc: PitchClass, target: number): Pitch {
  let p = nearestPitch(pc, target);
  while (midiOf(p) < WALK_RANGE[0]) p = { ...p, octave: p.octave + 1 };
  while (midiOf(p) > WALK_RANGE[1]) p = { ...p, octave: p.octave - 1 };
  return p;
}

/** A beat the line aims at: the start of every bar and every chord change. */
const isTarget = (beat: JazzBeat): boolean => beat.index === 0 || beat.changes;

/**
 * Walking Bass: one note a beat: quarters, dotted quarters in 6/8 and 12/8 (the jazz-waltz-in-6/8
 * feel, two a bar). Beat 1 and every chord change land on a chord tone (the root when the
 * chord arrives, the root or 5th when it carries on over the bar line); the beat before each of those
 * approaches it by a half step (mostly) or a whole step; the beats in between walk through the 3rd,
 * 5th and 7th.
 */
export const walkingBass: HandPattern = {
  id: 'walking-bass',
  name: 'Walking Bass',
  hand: 'left',
  render({ request, progression, rng }: PatternContext): Note[] {
    const beats = jazzBeats(request, progression);
    // First the targets, each near the one before so the line moves by small leaps.
    const targets = new Map<number, Pitch>();
    let last = 40;
    beats.forEach((beat, i) => {
      if (!isTarget(beat)) return;
      const chord = beat.event.chord;
      const other = fifthOf(chord) ?? thirdOf(chord);
      const pc = beat.changes || rng.chance(0.6) ? chord.bass : other;
      const pitch = walkPitch(pc, last + (rng.chance(0.5) ? 3 : -3));
      targets.set(i, pitch);
      last = midiOf(pitch);
    });
    // Then the beats between: an approach before each target, chord tones otherwise.
    const notes: Note[] = [];
    let previous = 40;
    beats.forEach((beat, i) => {
      const next = targets.get(i + 1);
      let pitch = targets.get(i);
      if (!pitch && next) {
        const goal = midiOf(next);
        const step = rng.chance(0.65) ? 1 : 2;
        const fromBelow = previous < goal || (previous === goal && rng.chance(0.5));
        let midi = fromBelow ? goal - step : goal + step;
        if (midi < WALK_RANGE[0] || midi > WALK_RANGE[1] || midi === previous)
          midi = fromBelow ? goal + step : goal - step;
        pitch = spellInKey(midi, request.key);
      } else if (!pitch) {
        const chord = beat.event.chord;
        const tones = [thirdOf(chord), fifthOf(chord), seventhOf(chord)].filter(
          (pc): pc is PitchClass => pc !== undefined && chroma(pc) !== chroma(chord.root),
        );
        const options = tones.map((pc) => walkPitch(pc, previous)).filter((p) => midiOf(p) !== previous);
        pitch = options.length > 0 ? rng.pick(options) : walkPitch(chord.root, previous);
      }
      previous = midiOf(pitch);
      notes.push(handNote(pitch, beat.position, beat.length, 'left', beat.index === 0 ? 86 : 78));
    });
    return notes;
  },
};

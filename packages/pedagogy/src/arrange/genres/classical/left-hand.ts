import { chroma, midiOf, type Chord, type Note, type Pitch } from '@cadenza/core';
import type { HandPattern, PatternContext } from '../../arrangement-types.js';
import { nearestPitch } from '../../voicing.js';
import { beatTwelfths, fromTwelfths } from './meter-grid.js';
import { classicalNote, outerPlan } from './outer-plan.js';
import type { StructuralPoint } from './outer-voices.js';

/**
 * The tones above the bass, close together (within an octave above it): the chord's other tones, the
 * 5th left out of a four-note chord (the 3rd and 7th define it; the 5th is the usual omission).
 */
export function upperTones(chord: Chord, bass: Pitch, count: number): Pitch[] {
  const bassMidi = midiOf(bass);
  let others = chord.notes.filter((n) => chroma(n) !== chroma(bass));
  if (others.length > count) {
    const fifth = chord.intervals.findIndex((v) => v.steps === 4);
    const drop = chord.notes[fifth];
    others = others.filter((n) => !drop || chroma(n) !== chroma(drop)).slice(0, count);
  }
  return others
    .map((pc) => {
      const p = nearestPitch(pc, bassMidi + 6);
      return midiOf(p) <= bassMidi ? { ...p, octave: p.octave + 1 } : p;
    })
    .sort((a, b) => midiOf(a) - midiOf(b));
}

/**
 * Renders a left-hand figure point by point: each chord change and strong beat starts from the bass, so
 * the lowest left-hand note there is always the bass the soprano was checked against.
 */
function figure(
  context: PatternContext,
  step: (ctx: { point: StructuralPoint; bass: Pitch; index: number; unit: number }) => Pitch[],
  unitOf: (point: StructuralPoint) => number,
): Note[] {
  const { points, bass } = outerPlan(context, false);
  const notes: Note[] = [];
  points.forEach((point, i) => {
    const low = bass[i];
    if (!low) return;
    const unit = unitOf(point);
    for (let t = 0, index = 0; t < point.length; t += unit, index++) {
      const duration = Math.min(unit, point.length - t);
      const strong = index === 0;
      for (const pitch of step({ point, bass: low, index, unit }))
        notes.push(
          classicalNote(pitch, fromTwelfths(point.at + t), fromTwelfths(duration), 'left', strong ? 78 : 64),
        );
    }
  });
  return notes;
}

/** Alberti bass: low–high–middle–high in eighths (Mozart, K. 545): the bass, the top, the middle, the top. */
export const albertiBass: HandPattern = {
  id: 'alberti-bass',
  name: 'Alberti Bass',
  hand: 'left',
  render: (context) =>
    figure(
      context,
      ({ point, bass, index }) => {
        const [middle, high] = upperTones(point.chord.chord, bass, 2);
        const order = [bass, high ?? middle ?? bass, middle ?? bass, high ?? middle ?? bass];
        return [order[index % 4] ?? bass];
      },
      () => 6,
    ),
};

/** Broken-chord accompaniment: the bass on the beat, the upper tones together after it (oom-pah, waltz). */
export const brokenChord: HandPattern = {
  id: 'broken-chord',
  name: 'Broken Chord Accompaniment',
  hand: 'left',
  render: (context) =>
    figure(
      context,
      ({ point, bass, index }) => (index === 0 ? [bass] : upperTones(point.chord.chord, bass, 2)),
      () => (beatTwelfths(context.request.meter) === 18 ? 6 : 12),
    ),
};

/** Arpeggiated bass: the chord rising from the bass through a tenth and falling back, in eighths. */
export const arpeggiatedBass: HandPattern = {
  id: 'arpeggiated',
  name: 'Arpeggiated patterns',
  hand: 'left',
  render: (context) =>
    figure(
      context,
      ({ point, bass, index }) => {
        const upper = upperTones(point.chord.chord, bass, 2);
        const octave = { ...bass, octave: bass.octave + 1 };
        const rising = [bass, ...upper, octave];
        const cycle = [...rising, ...rising.slice(1, -1).reverse()];
        return [cycle[index % cycle.length] ?? bass];
      },
      () => 6,
    ),
};

export const CLASSICAL_LEFT_HAND = [albertiBass, brokenChord, arpeggiatedBass] as const;

import { midiOf, type Note } from '@cadenza/core';
import type { HandPattern } from '../../arrangement-types.js';
import { fromTwelfths } from './meter-grid.js';
import { melodyNotes } from './melody-line.js';
import { chordTonesBetween, classicalNote, outerPlan, spellFor } from './outer-plan.js';

/** Melodic line: a singable soprano from chord tones with passing and neighbour tones. */
export const melodicLine: HandPattern = {
  id: 'melodic-line',
  name: 'Melodic Lines',
  hand: 'right',
  render: (context) => melodyNotes(context),
};

/** Chord voicing: close-position chords under the soprano, struck on each chord change and strong beat. */
export const chordVoicing: HandPattern = {
  id: 'chord-voicing',
  name: 'Chord Voicing',
  hand: 'right',
  render: (context) => {
    const { points, soprano } = outerPlan(context, true);
    return points.flatMap((point, i) => {
      const top = soprano[i];
      if (!top) return [];
      const under = chordTonesBetween(point.chord.chord, midiOf(top) - 9, midiOf(top) - 1).slice(-2);
      const pitches = [...under.map((m) => spellFor(m, point.chord.chord, context)), top];
      return pitches.map((p) =>
        classicalNote(p, fromTwelfths(point.at), fromTwelfths(point.length), 'right', p === top ? 86 : 72),
      );
    });
  },
};

/**
 * Contrapuntal: the melody over a second voice that moves against it (contrary motion where it can),
 * a chord tone a third to an octave below, one note per chord change or strong beat (Baroque two-part writing).
 */
export const contrapuntal: HandPattern = {
  id: 'contrapuntal',
  name: 'Contrapuntal patterns',
  hand: 'right',
  render: (context) => {
    const plan = outerPlan(context, true);
    const upper = melodyNotes(context, plan);
    const lower: Note[] = [];
    let previous: number | undefined;
    plan.points.forEach((point, i) => {
      const top = midiOf(plan.soprano[i] ?? { step: 'C', alter: 0, octave: 5 });
      const topBefore = i > 0 ? midiOf(plan.soprano[i - 1] ?? { step: 'C', alter: 0, octave: 5 }) : top;
      const choices = chordTonesBetween(point.chord.chord, top - 12, top - 3);
      const wanted = Math.sign(topBefore - top); // opposite to the soprano's motion
      const score = (m: number) =>
        previous === undefined
          ? Math.abs(m - (top - 7))
          : (Math.sign(m - previous) === wanted && wanted !== 0 ? 0 : 6) + Math.abs(m - previous);
      const chosen = [...choices].sort((a, b) => score(a) - score(b))[0] ?? top - 12;
      previous = chosen;
      lower.push(
        classicalNote(
          spellFor(chosen, point.chord.chord, context),
          fromTwelfths(point.at),
          fromTwelfths(point.length),
          'right',
          70,
        ),
      );
    });
    return [...upper, ...lower.map((n) => ({ ...n, voice: 2 }))];
  },
};

/** Arpeggiated right hand: from the soprano down through the chord and back up, in eighths. */
export const arpeggiatedRight: HandPattern = {
  id: 'arpeggiated',
  name: 'Arpeggiated patterns',
  hand: 'right',
  render: (context) => {
    const { points, soprano } = outerPlan(context, true);
    return points.flatMap((point, i) => {
      const top = soprano[i];
      if (!top) return [];
      const below = chordTonesBetween(point.chord.chord, midiOf(top) - 12, midiOf(top) - 1)
        .slice(-3)
        .reverse();
      const cycle = [midiOf(top), ...below, ...below.slice(0, -1).reverse()];
      const notes: Note[] = [];
      for (let t = 0, k = 0; t < point.length; t += 6, k++) {
        const midi = cycle[k % cycle.length] ?? midiOf(top);
        const pitch = k === 0 ? top : spellFor(midi, point.chord.chord, context);
        notes.push(
          classicalNote(
            pitch,
            fromTwelfths(point.at + t),
            fromTwelfths(Math.min(6, point.length - t)),
            'right',
            k === 0 ? 84 : 68,
          ),
        );
      }
      return notes;
    });
  },
};

export const CLASSICAL_RIGHT_HAND = [melodicLine, chordVoicing, contrapuntal, arpeggiatedRight] as const;

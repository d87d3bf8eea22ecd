import type { Note, PitchClass } from '@cadenza/core';
import type { HandPattern, PatternContext } from '../../arrangement-types.js';
import {
  bluesTones,
  eighthIn,
  eighthsOf,
  handNote,
  placeAbove,
  type BluesTones,
  type EighthSlot,
} from './blues-tools.js';

/** The bass root sits in E2–E♭3 (MIDI 40–51): low enough to drive, high enough to stay clear. */
const BASS_FLOOR = 40;

/** On-beat eighths lean in, off-beats lift: the bounce a shuffle bass needs. */
const weight = (slot: EighthSlot): number => (slot.indexInBar % 2 === 0 ? 88 : 70);

/** Each eighth of the piece rendered by `figure`: the tones (pitch classes) above the bass root to play. */
function eighthFigure(
  context: PatternContext,
  figure: (tones: BluesTones, slot: EighthSlot) => readonly PitchClass[],
): Note[] {
  const { request, progression } = context;
  return eighthsOf(request, progression).flatMap((slot) => {
    const tones = bluesTones(slot.chord.chord);
    const root = placeAbove(tones.root, BASS_FLOOR);
    // Each tone sits at or above the root, so the figure climbs from it and never crosses below.
    return figure(tones, slot).map((pc) =>
      handNote(placeAbove(pc, root.midi).pitch, slot.position, eighthIn(request, slot), 'left', weight(slot)),
    );
  });
}

/**
 * Spec "Boogie-Woogie Bass": the walking eighth-note figure root–3rd–5th–6th–♭7–6th–5th–3rd up and
 * down the chord; the 6th is the boogie's colour, the ♭7 lands on beat 3. Beat 1 doubles the root an
 * octave below for weight. The figure restarts on every chord change, so each chord is announced by
 * its root.
 */
export const boogieWoogieBass: HandPattern = {
  id: 'boogie-woogie-bass',
  name: 'Boogie-Woogie Bass',
  hand: 'left',
  render: (context) => {
    const walk = (t: BluesTones): PitchClass[] => [
      t.root,
      t.third,
      t.fifth,
      t.sixth,
      t.seventh,
      t.sixth,
      t.fifth,
      t.third,
    ];
    const notes = eighthFigure(context, (t, slot) => [walk(t)[slot.indexInChord % 8] ?? t.root]);
    // The low octave under each chord's first root.
    const lows = eighthsOf(context.request, context.progression)
      .filter((slot) => slot.indexInChord === 0)
      .map((slot) => {
        const root = placeAbove(slot.chord.chord.root, BASS_FLOOR);
        const low = { ...root.pitch, octave: root.pitch.octave - 1 };
        return handNote(low, slot.position, eighthIn(context.request, slot), 'left', 95);
      });
    return [...notes, ...lows];
  },
};

/**
 * Spec "12-Bar Blues Bass": the single-line shuffle comp root–5th–6th–5th, twice a bar, so beats 1
 * and 3 always sound the root. The second half of a chord's second bar reaches up to the ♭7
 * (root–5th–♭7–6th), the variation that keeps a long I7 from standing still.
 */
export const twelveBarBluesBass: HandPattern = {
  id: '12-bar-blues-bass',
  name: '12-Bar Blues Bass',
  hand: 'left',
  render: (context) =>
    eighthFigure(context, (t, slot) => {
      const reach = slot.indexInRun % 16 >= 12;
      const half = reach ? [t.root, t.fifth, t.seventh, t.sixth] : [t.root, t.fifth, t.sixth, t.fifth];
      return [half[slot.indexInChord % 4] ?? t.root];
    }),
};

/**
 * Spec "Shuffle Patterns": the two-note rock-and-roll shuffle, root–5th on the beat and root–6th on
 * the off-beat, in shuffled eighths. In every second bar of a chord beat 3 stretches to root–♭7.
 */
export const shufflePatterns: HandPattern = {
  id: 'shuffle-patterns',
  name: 'Shuffle Patterns',
  hand: 'left',
  render: (context) =>
    eighthFigure(context, (t, slot) => {
      const i = slot.indexInChord;
      if (i % 2 === 1) return [t.root, t.sixth];
      const stretch = slot.indexInRun % 16 === 12;
      return [t.root, stretch ? t.seventh : t.fifth];
    }),
};

export const BLUES_LEFT_HAND: readonly HandPattern[] = [
  boogieWoogieBass,
  twelveBarBluesBass,
  shufflePatterns,
];

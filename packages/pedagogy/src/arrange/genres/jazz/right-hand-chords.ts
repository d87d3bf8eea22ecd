import { chroma, midiOf, type Note, type Pitch } from '@cadenza/core';
import type { HandPattern, PatternContext } from '../../arrangement-types.js';
import { chordAt } from '../../chord-events.js';
import { closeVoicing, pitchAtOrAbove } from '../../voicing.js';
import { targetTones } from './bebop-lines.js';
import { handNote, seventhOf, strikes, thirdOf } from './jazz-tools.js';
import { melodyLine } from './melody-line.js';

/** Block chords sit between C4 and C6. */
const BLOCK_RANGE: readonly [number, number] = [60, 84];

/**
 * Block Chord: the four chord tones (root, 3rd, 5th, 7th) in close position, struck at each bar line and
 * chord change; each chord's top note is kept as near as possible to the last (smooth voice leading).
 */
export const blockChord: HandPattern = {
  id: 'block-chord',
  name: 'Block Chord',
  hand: 'right',
  render({ request, progression }: PatternContext): Note[] {
    const notes: Note[] = [];
    let lastTop = 76;
    for (const { position, duration, event } of strikes(request, progression)) {
      const voiced = closeVoicing(targetTones(event.chord), lastTop, BLOCK_RANGE);
      lastTop = Math.max(...voiced.map(midiOf));
      for (const p of voiced) notes.push(handNote(p, position, duration, 'right', p === voiced[0] ? 72 : 76));
    }
    return notes;
  },
};

/** The 3rd and 7th placed just under a melody note (skipping a tone the melody already has). */
function guideTonesUnder(melody: Pitch, third: Pitch, seventh: Pitch): Pitch[] {
  const top = midiOf(melody);
  return [third, seventh]
    .filter((p) => chroma(p) !== chroma(melody))
    .map((p) => pitchAtOrAbove(p, top - 12))
    .filter((p) => midiOf(p) < top);
}

/**
 * Chord Melody: a melody of chord tones on top, harmonised with the chord's 3rd and 7th underneath
 * wherever the harmony arrives (bar lines and chord changes); between them the melody sings alone.
 */
export const chordMelody: HandPattern = {
  id: 'chord-melody',
  name: 'Chord Melody',
  hand: 'right',
  render(context: PatternContext): Note[] {
    const notes: Note[] = [];
    for (const m of melodyLine(context, 79)) {
      notes.push(handNote(m.pitch, m.position, m.duration, 'right', 88));
      if (!m.onChange) continue;
      const sounding = chordAt(context.progression, m.position)?.chord;
      if (!sounding) continue;
      const third = { ...thirdOf(sounding), octave: 4 };
      const seventh = { ...seventhOf(sounding), octave: 4 };
      for (const p of guideTonesUnder(m.pitch, third, seventh))
        notes.push(handNote(p, m.position, m.duration, 'right', 66));
    }
    return notes;
  },
};

/** Octave Doubling: the melody with its octave below, the big sound of a swing-era solo chorus. */
export const octaveDoubling: HandPattern = {
  id: 'octave-doubling',
  name: 'Octave Doubling',
  hand: 'right',
  render(context: PatternContext): Note[] {
    return melodyLine(context, 79).flatMap((m) => [
      handNote(m.pitch, m.position, m.duration, 'right', 86),
      handNote({ ...m.pitch, octave: m.pitch.octave - 1 }, m.position, m.duration, 'right', 74),
    ]);
  },
};

import { chroma, midiOf, toNumber, type Note, type PitchClass } from '@cadenza/core';
import type { HandPattern, PatternContext } from '../../arrangement-types.js';
import { handNote, toneAt } from '../../hand-notes.js';
import { pitchAtOrAbove, spellInKey } from '../../voicing.js';
import { BASS_LINE, COMPING, layGroove, SYNCOPATED } from './groove.js';
import { seventhOrSixth, spreadVoicing, thirdOrSus } from './neosoul-voicings.js';

/** The left hand's bass notes start between C2 and B2; single bass lines between A1 and G♯2. */
const SPREAD_FLOOR = 36;
const BASS_FLOOR = 33;

/**
 * Comping with extended voicings: root–7th–10th spread under the right hand, the downbeat held and a
 * push on the "and" of 3 — the Rhodes left hand of neo-soul ballads.
 */
export const extendedComping: HandPattern = {
  id: 'extended-comping',
  name: 'Comping with extended voicings',
  hand: 'left',
  render({ request, progression }: PatternContext): Note[] {
    return layGroove(request, progression, COMPING).flatMap((hit) =>
      spreadVoicing(hit.chord.chord, SPREAD_FLOOR).map((p, i) =>
        handNote(p, hit.position, hit.duration, 'left', i === 0 ? 84 : hit.index > 0 ? 70 : 76),
      ),
    );
  },
};

/**
 * Rhythmic syncopation: the shell (root and 7th) on the downbeat of each 3+3+2 sixteenth cell, the
 * guide tones (3rd and 7th) on the off-beats, short and accented — the hand plays the groove.
 */
export const rhythmicSyncopation: HandPattern = {
  id: 'rhythmic-syncopation',
  name: 'Rhythmic syncopation',
  hand: 'left',
  render({ request, progression }: PatternContext): Note[] {
    return layGroove(request, progression, SYNCOPATED).flatMap((hit) => {
      const chord = hit.chord.chord;
      const root = pitchAtOrAbove(chord.bass, SPREAD_FLOOR);
      const seventh = seventhOrSixth(chord) ?? toneAt(chord, 7) ?? chord.root;
      const upper = pitchAtOrAbove(seventh, midiOf(root) + 1);
      const onBeat = Math.abs((hit.position.n / hit.position.d) % 1) < 1e-9;
      const pitches = onBeat
        ? [root, upper]
        : [pitchAtOrAbove(thirdOrSus(chord) ?? chord.root, midiOf(root) + 3), upper].sort(
            (a, b) => midiOf(a) - midiOf(b),
          );
      return pitches.map((p) => handNote(p, hit.position, hit.duration, 'left', onBeat ? 80 : 88));
    });
  },
};

/** The note a half step below or above the next root, whichever continues the line's direction. */
function approachTo(next: PitchClass, from: number, floor: number): number {
  const target = midiOf(pitchAtOrAbove(next, floor));
  return target > from ? target - 1 : target + 1;
}

/**
 * Syncopated bass lines: the root held on 1, the 5th on the "and" of 2, the octave and 7th around 3,
 * and a chromatic approach a half step into the next chord's root on the "and" of 4.
 */
export const syncopatedBass: HandPattern = {
  id: 'syncopated-bass',
  name: 'Syncopated bass lines',
  hand: 'left',
  render({ request, progression }: PatternContext): Note[] {
    const notes: Note[] = [];
    for (const hit of layGroove(request, progression, BASS_LINE)) {
      const chord = hit.chord.chord;
      const root = pitchAtOrAbove(chord.bass, BASS_FLOOR);
      const base = midiOf(root);
      const arrives = toNumber(hit.position) === toNumber(hit.chord.position);
      let pitch = root;
      if (hit.last && hit.index > 0 && hit.next && chroma(hit.next.chord.bass) !== chroma(chord.bass)) {
        pitch = spellInKey(approachTo(hit.next.chord.bass, base, BASS_FLOOR), request.key);
      } else if (!arrives) {
        const fifth = toneAt(chord, 7, 6, 8) ?? chord.root;
        const seventh = seventhOrSixth(chord) ?? fifth;
        const choice = [fifth, chord.root, seventh][(hit.index - 1) % 3] ?? fifth;
        pitch = pitchAtOrAbove(choice, choice === chord.root ? base + 1 : base);
      }
      notes.push(handNote(pitch, hit.position, hit.duration, 'left', hit.index === 0 ? 90 : 78));
    }
    return notes;
  },
};

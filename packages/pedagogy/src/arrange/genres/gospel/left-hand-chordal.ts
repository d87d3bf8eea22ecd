import { midiOf, rat, sub, toNumber, type Note, type Pitch } from '@cadenza/core';
import type { HandPattern, PatternContext } from '../../arrangement-types.js';
import { barStart, chordAt } from '../../chord-events.js';
import { closeVoicing, pitchAtOrAbove } from '../../voicing.js';
import { isCompound, pulsesPerBar } from '../../meter-grid.js';
import {
  beatsOf,
  fifthOf,
  handNote,
  offbeatOf,
  rightHandTones,
  seventhOf,
  thirdOf,
  topOf,
} from './hand-tools.js';
import type { Chord } from '@cadenza/core';

/** Where a left-hand bass note starts looking (E2 / G1). */
const SHELL_BASS_FLOOR = 40;
const STRIDE_BASS_FLOOR = 31;
/** Left-hand chords (stride, comping) live between C3 and A4. */
const LH_CHORD_RANGE: readonly [number, number] = [48, 69];

/**
 * Shell: the bass (root, or the slash bass), the 7th above it, the 3rd a tenth above (within a tenth);
 * a chord without a 7th takes its 5th. Exactly three notes: bass, 3rd, 7th.
 */
export function shellPitches(chord: Chord): Pitch[] {
  const bass = pitchAtOrAbove(chord.bass, SHELL_BASS_FLOOR);
  const seventhPc = seventhOf(chord) ?? fifthOf(chord) ?? chord.root;
  const thirdPc = thirdOf(chord) ?? chord.root;
  const seventh = pitchAtOrAbove(seventhPc, midiOf(bass) + 1);
  let third = pitchAtOrAbove(thirdPc, midiOf(seventh) + 1);
  if (midiOf(third) - midiOf(bass) > 16) third = pitchAtOrAbove(thirdPc, midiOf(bass) + 1);
  return [bass, third, seventh];
}

/** Shell Voicing: root–3rd–7th struck with each chord and again mid-bar, held. */
export const shellVoicing: HandPattern = {
  id: 'shell-voicing',
  name: 'Shell Voicing',
  hand: 'left',
  render({ request, progression }: PatternContext): Note[] {
    const beats = beatsOf(request, progression);
    const strikes = beats.filter((b) => b.chordStarts || b.strong);
    const end = barStart(request.bars, request.meter);
    return strikes.flatMap((beat, i) => {
      const until = strikes[i + 1]?.position ?? end;
      return shellPitches(beat.chord.chord).map((p) =>
        handNote(p, beat.position, sub(until, beat.position), 'left', beat.index === 0 ? 84 : 74),
      );
    });
  },
};

/**
 * Stride Bass: low bass (octave-doubled) on the strong beats, a mid-register chord on the others: 4/4
 * bass 1 and 3, chords 2 and 4; 3/4 bass 1, chords 2 and 3; 6/8 bass on 1, chord on 4 (the second
 * dotted quarter); 12/8 bass on 1 and 7, chords on 4 and 10; 5/4 (3+2) bass on 1 and 4.
 */
export const strideBass: HandPattern = {
  id: 'stride-bass',
  name: 'Stride Bass',
  hand: 'left',
  render({ request, progression }: PatternContext): Note[] {
    const notes: Note[] = [];
    // Bars of four or more beats also drop the bass onto a chord arriving on a weak beat.
    const manyBeats = pulsesPerBar(request.meter) > 3;
    let chordTop = 62;
    for (const beat of beatsOf(request, progression)) {
      const chord = beat.chord.chord;
      const isBassBeat = beat.strong || (manyBeats && beat.chordStarts);
      if (isBassBeat) {
        // The root (or slash bass) when the chord arrives, its 5th when the chord carries on.
        const pc = beat.chordStarts ? chord.bass : (fifthOf(chord) ?? chord.bass);
        const low = pitchAtOrAbove(pc, STRIDE_BASS_FLOOR);
        notes.push(handNote(low, beat.position, beat.length, 'left', 88));
        notes.push(handNote({ ...low, octave: low.octave + 1 }, beat.position, beat.length, 'left', 76));
      } else {
        const voiced = closeVoicing(rightHandTones(chord, 3), chordTop, LH_CHORD_RANGE);
        chordTop = topOf(voiced);
        for (const p of voiced) notes.push(handNote(p, beat.position, beat.length, 'left', 80));
      }
    }
    return notes;
  },
};

/**
 * Syncopated Comping: the bass on the downbeat (and wherever the chord changes), chord stabs on the
 * off-beats; in 6/8 and 12/8 the bass on the strong dotted quarters, the chord on the weak ones and
 * the push on the third eighth of the bar's last beat; the last off-beat of a bar anticipates the next bar's chord, the gospel "push".
 */
export const syncopatedComping: HandPattern = {
  id: 'syncopated-comping',
  name: 'Syncopated Comping',
  hand: 'left',
  render({ request, progression, rng }: PatternContext): Note[] {
    const notes: Note[] = [];
    const half = rat(1, 2);
    const end = barStart(request.bars, request.meter);
    let chordTop = 60;
    let offbeats: readonly number[] = [];
    const beats = beatsOf(request, progression);
    const compound = isCompound(request.meter);
    for (const beat of beats) {
      if (beat.index === 0 && !compound)
        offbeats = rng.pick([
          [1, 2, 3],
          [0, 1, 3],
          [1, 3],
        ]);
      const isLastBeat = !beats.some((b) => b.bar === beat.bar && b.index === beat.index + 1);
      if (beat.index === 0 || beat.chordStarts || (compound && beat.strong)) {
        const bass = pitchAtOrAbove(beat.chord.chord.bass, STRIDE_BASS_FLOOR + 5);
        notes.push(handNote(bass, beat.position, beat.length, 'left', 86));
      } else if (compound) {
        // 6/8 and 12/8: the chord on the weak dotted quarters, cut before the last beat's push.
        const voiced = closeVoicing(rightHandTones(beat.chord.chord, 3), chordTop, LH_CHORD_RANGE);
        chordTop = topOf(voiced);
        const length = isLastBeat ? sub(beat.length, half) : beat.length;
        for (const p of voiced) notes.push(handNote(p, beat.position, length, 'left', 78));
      }
      if (!offbeats.includes(beat.index) && !isLastBeat) continue;
      const at = offbeatOf(beat);
      if (toNumber(beat.length) < 1 || toNumber(at) >= toNumber(end)) continue;
      const barEnd = barStart(beat.bar + 1, request.meter);
      const anticipated =
        isLastBeat && toNumber(barEnd) < toNumber(end) ? chordAt(progression, barEnd) : undefined;
      const chord = (anticipated ?? beat.chord).chord;
      const voiced = closeVoicing(rightHandTones(chord, 3), chordTop, LH_CHORD_RANGE);
      chordTop = topOf(voiced);
      for (const p of voiced) notes.push(handNote(p, at, half, 'left', 84));
    }
    return notes;
  },
};

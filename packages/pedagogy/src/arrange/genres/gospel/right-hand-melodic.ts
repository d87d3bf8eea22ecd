import { add, midiOf, rat, sub, toNumber, type Note } from '@cadenza/core';
import type { HandPattern, PatternContext } from '../../arrangement-types.js';
import { barStart } from '../../chord-events.js';
import { pitchAtOrAbove } from '../../voicing.js';
import { beatsOf, handNote, rightHandTones, topOf } from './hand-tools.js';
import { harmonyBelow, melodyLine } from './melody-line.js';
import { addPhraseFills } from './phrase-fills.js';
import { blockVoicing, RH_START_TOP } from './right-hand-chords.js';

/** Melody with Fills: a top line, harmonised by two chord tones below where chords arrive; runs at phrase ends. */
export const melodyWithFills: HandPattern = {
  id: 'melody-with-fills',
  name: 'Melody with Fills',
  hand: 'right',
  render(context: PatternContext): Note[] {
    const notes = melodyLine(context).flatMap((m) => [
      handNote(m.pitch, m.position, m.duration, 'right', 90),
      ...(m.accented ? harmonyBelow(m, 2).map((p) => handNote(p, m.position, m.duration, 'right', 68)) : []),
    ]);
    return addPhraseFills(context, notes);
  },
};

/** Octave Doubling: the melody in octaves (a chord tone between them where chords arrive); runs in octaves too. */
export const octaveDoubling: HandPattern = {
  id: 'octave-doubling',
  name: 'Octave Doubling',
  hand: 'right',
  render(context: PatternContext): Note[] {
    const notes = melodyLine(context).flatMap((m) => {
      const below = { ...m.pitch, octave: m.pitch.octave - 1 };
      const inner = m.accented
        ? harmonyBelow(m, 3).filter((p) => midiOf(p) > midiOf(below) + 2 && midiOf(p) < midiOf(m.pitch) - 2)
        : [];
      return [
        handNote(m.pitch, m.position, m.duration, 'right', 92),
        handNote(below, m.position, m.duration, 'right', 84),
        ...inner.slice(0, 1).map((p) => handNote(p, m.position, m.duration, 'right', 66)),
      ];
    });
    return addPhraseFills(context, notes, true);
  },
};

/**
 * Chord Fills: a block chord where each chord arrives, answered in the bar's last beat and a half by
 * eighth notes climbing through the chord's tones above it (the call-and-response of a church pianist).
 */
export const chordFills: HandPattern = {
  id: 'chord-fills',
  name: 'Chord Fills',
  hand: 'right',
  render(context: PatternContext): Note[] {
    const { request, progression } = context;
    const notes: Note[] = [];
    const half = rat(1, 2);
    let top = RH_START_TOP;
    const beats = beatsOf(request, progression);
    for (const beat of beats.filter((b) => b.chordStarts)) {
      const voiced = blockVoicing(beat.chord.chord, top);
      top = topOf(voiced);
      const barEnd = barStart(beat.bar + 1, request.meter);
      const answerAt = sub(barEnd, rat(3, 2));
      const chordEnd = add(beat.chord.position, beat.chord.duration);
      const answers = toNumber(answerAt) > toNumber(beat.position) && toNumber(chordEnd) >= toNumber(barEnd);
      const until = answers ? answerAt : chordEnd;
      for (const p of voiced) notes.push(handNote(p, beat.position, sub(until, beat.position), 'right', 78));
      if (!answers) continue;
      // The answer climbs from inside the chord up through its top, not above the keyboard's sweet spot.
      let floor = top - 8;
      for (let i = 0; i < 3; i++) {
        const tones = rightHandTones(beat.chord.chord).map((pc) => pitchAtOrAbove(pc, floor + 1));
        const next = tones.sort((a, b) => midiOf(a) - midiOf(b))[0];
        if (!next || midiOf(next) > 90) break;
        notes.push(handNote(next, add(answerAt, rat(i, 2)), half, 'right', i === 0 ? 76 : 70));
        floor = midiOf(next);
      }
    }
    return addPhraseFills(context, notes);
  },
};

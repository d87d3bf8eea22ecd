import { add, iv, midiOf, rat, sub, transposeClass, type Chord, type Note, type Pitch } from '@cadenza/core';
import type { HandPattern, PatternContext } from '../../arrangement-types.js';
import { barStart } from '../../chord-events.js';
import { closeVoicing, nearestPitch, pitchAtOrAbove } from '../../voicing.js';
import { addPhraseFills } from './phrase-fills.js';
import { beatsOf, eighthsIn, handNote, rightHandTones, toneAt, topOf, type Beat } from './hand-tools.js';

/** Right-hand chords sit between F3 and D6; the first chord's top note aims at E5. */
export const RH_RANGE: readonly [number, number] = [53, 86];
export const RH_START_TOP = 76;

/** The beats a chord pattern strikes on: each chord's arrival and the strong beats (12/8: 1 and 7). */
const strikesOf = (beats: readonly Beat[]) => beats.filter((b) => b.chordStarts || b.strong);

/** A close voicing (up to four tones, rootless over four) with its top near the previous chord's top. */
export const blockVoicing = (chord: Chord, previousTop: number): Pitch[] =>
  closeVoicing(rightHandTones(chord), previousTop, RH_RANGE);

/** Strikes `voice(chord, previousTop)` on the strike beats, each held to the next, then adds fills. */
function struckChords(context: PatternContext, voice: (chord: Chord, top: number) => Pitch[]): Note[] {
  const { request, progression } = context;
  const strikes = strikesOf(beatsOf(request, progression));
  const end = barStart(request.bars, request.meter);
  let top = RH_START_TOP;
  const notes = strikes.flatMap((beat, i) => {
    const voiced = voice(beat.chord.chord, top);
    top = topOf(voiced);
    const until = strikes[i + 1]?.position ?? end;
    return voiced.map((p) => {
      const isTop = midiOf(p) === top;
      return handNote(p, beat.position, sub(until, beat.position), 'right', isTop ? 86 : 76);
    });
  });
  return addPhraseFills(context, notes);
}

/** Block Chord: four-note close voicings moving smoothly (top note near the last). */
export const blockChord: HandPattern = {
  id: 'block-chord',
  name: 'Block Chord',
  hand: 'right',
  render: (context) => struckChords(context, blockVoicing),
};

/** The interval names (from the root) of a lower and an upper triad sharing one tone, or undefined. */
function polychordIntervals(chord: Chord): [string[], string[]] | undefined {
  const has = (...s: number[]) => toneAt(chord, ...s) !== undefined;
  if (!has(3, 4)) {
    // Suspended dominant (G13sus4 = F/G): ♭VII triad under the IV triad, b7–9–11 / 11–13–root.
    return has(5)
      ? [
          ['m7', 'M9', 'P11'],
          ['P11', 'M13', 'P15'],
        ]
      : undefined;
  }
  const third = has(4) ? 'M3' : 'm3';
  const fifth = has(6) && !has(7) ? 'd5' : has(8) && !has(7) ? 'A5' : 'P5';
  if (fifth === 'A5') return undefined;
  const seventh = has(11)
    ? 'M7'
    : has(10)
      ? 'm7'
      : has(9) && fifth === 'd5'
        ? 'd7'
        : third === 'M3'
          ? 'M7'
          : 'm7';
  const ninth = has(1) || fifth === 'd5' ? 'm9' : 'M9';
  return [
    ['P1', third, fifth],
    [fifth, seventh, ninth],
  ];
}

/**
 * Two triads stacked, sharing the middle tone: the chord's own triad and the triad on its 5th (Cmaj9 =
 * G over C: C–E–G + G–B–D); a suspended dominant stacks IV over ♭VII. Five notes within a tenth; top
 * near `previousTop`. Chords that do not split into two triads are voiced as block chords.
 */
export function polychordPitches(chord: Chord, previousTop: number): Pitch[] {
  const split = polychordIntervals(chord);
  if (!split) return blockVoicing(chord, previousTop);
  const names = [...split[0], ...split[1].slice(1)];
  const pcs = names.map((n) => transposeClass(chord.root, iv(n)));
  const [first, ...rest] = pcs;
  if (!first) return blockVoicing(chord, previousTop);
  let low = nearestPitch(first, previousTop - 14);
  while (midiOf(low) < RH_RANGE[0]) low = { ...low, octave: low.octave + 1 };
  while (midiOf(low) + 16 > RH_RANGE[1]) low = { ...low, octave: low.octave - 1 };
  const stack: Pitch[] = [low];
  for (const pc of rest) stack.push(pitchAtOrAbove(pc, midiOf(stack[stack.length - 1] ?? low) + 1));
  return stack;
}

/** Polychord: upper-structure triad over the chord's triad, struck like block chords. */
export const polychord: HandPattern = {
  id: 'polychord',
  name: 'Polychord',
  hand: 'right',
  render: (context) => struckChords(context, polychordPitches),
};

/** Up-and-down order through a four-note voicing: 1 2 3 4 3 2, repeating. */
const ARPEGGIO_ORDER = [0, 1, 2, 3, 2, 1];

/**
 * Arpeggiated Voicing: the chord's voicing broken into eighth notes up and down, a new voicing per
 * chord; in 6/8 and 12/8 three eighths a beat, the rolling triplets of a 12/8 gospel ballad.
 */
export const arpeggiatedVoicing: HandPattern = {
  id: 'arpeggiated-voicing',
  name: 'Arpeggiated Voicing',
  hand: 'right',
  render(context: PatternContext): Note[] {
    const { request, progression } = context;
    const notes: Note[] = [];
    const half = rat(1, 2);
    let top = RH_START_TOP;
    let voiced: Pitch[] = [];
    let step = 0;
    for (const beat of beatsOf(request, progression)) {
      if (beat.chordStarts || voiced.length === 0) {
        voiced = [...blockVoicing(beat.chord.chord, top)].sort((a, b) => midiOf(a) - midiOf(b));
        top = topOf(voiced);
        step = 0;
      }
      const eighths = eighthsIn(beat);
      for (let e = 0; e < eighths; e++) {
        const index = (ARPEGGIO_ORDER[step % ARPEGGIO_ORDER.length] ?? 0) % voiced.length;
        const pitch = voiced[index];
        step++;
        if (!pitch) continue;
        const length = eighths === 1 ? beat.length : half;
        notes.push(handNote(pitch, add(beat.position, rat(e, 2)), length, 'right', e === 0 ? 80 : 70));
      }
    }
    return addPhraseFills(context, notes);
  },
};

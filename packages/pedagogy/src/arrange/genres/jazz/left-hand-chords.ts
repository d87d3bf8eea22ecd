import {
  add,
  chroma,
  measureLength,
  midiOf,
  rat,
  sub,
  toNumber,
  type Note,
  type PitchClass,
  type Rng,
  type TimeSignature,
} from '@cadenza/core';
import type { HandPattern, PatternContext } from '../../arrangement-types.js';
import { barStart, chordAt, eventEnd } from '../../chord-events.js';
import { isCompound, pulsesOf } from '../../meter-grid.js';
import { closeVoicing, pitchAtOrAbove } from '../../voicing.js';
import { fifthOf, handNote, jazzBeats, seventhOf, strikes, thirdOf } from './jazz-tools.js';

/** Stride's low bass sits between E1 and D♭3; its chords between C3 and G4. */
const STRIDE_BASS: readonly [number, number] = [28, 49];
const STRIDE_CHORD: readonly [number, number] = [48, 67];
/** Shell roots between G1 and F♯2, so the 3rd and 7th land in the tenor. */
const SHELL_ROOT_FLOOR = 31;

/**
 * Shell Voicing: root with the 3rd and 7th, the two notes that define the chord. Root–3rd–7th or
 * root–7th–3rd, whichever keeps the upper notes nearer the last shell (the guide tones move by step).
 */
export const shellVoicing: HandPattern = {
  id: 'shell-voicing',
  name: 'Shell Voicing',
  hand: 'left',
  render(context: PatternContext): Note[] {
    const notes: Note[] = [];
    let lastTop = 55;
    for (const { position, duration, event } of strikes(context.request, context.progression)) {
      const chord = event.chord;
      const root = pitchAtOrAbove(chord.bass, SHELL_ROOT_FLOOR);
      const forms = [
        [thirdOf(chord), seventhOf(chord)],
        [seventhOf(chord), thirdOf(chord)],
      ].map(([low, high]) => {
        const a = pitchAtOrAbove(low as PitchClass, midiOf(root) + 1);
        const b = pitchAtOrAbove(high as PitchClass, midiOf(a) + 1);
        return [a, b] as const;
      });
      const best = forms.reduce((x, y) =>
        Math.abs(midiOf(y[1]) - lastTop) < Math.abs(midiOf(x[1]) - lastTop) ? y : x,
      );
      lastTop = midiOf(best[1]);
      for (const p of [root, ...best])
        notes.push(handNote(p, position, duration, 'left', p === root ? 84 : 72));
    }
    return notes;
  },
};

/**
 * Stride Bass: a low bass on the strong beats (4/4: 1 and 3, root then the 5th; 3/4 and 6/8: 1; 12/8:
 * 1 and 7) and a mid-register chord on the others, the left hand leaping like Fats Waller's.
 */
export const strideBass: HandPattern = {
  id: 'stride-bass',
  name: 'Stride Bass',
  hand: 'left',
  render({ request, progression }: PatternContext): Note[] {
    const notes: Note[] = [];
    let lastTop = 62;
    for (const beat of jazzBeats(request, progression)) {
      const chord = beat.event.chord;
      if (beat.strong) {
        const pc = beat.changes || beat.index === 0 ? chord.bass : (fifthOf(chord) ?? chord.bass);
        let p = pitchAtOrAbove(pc, STRIDE_BASS[0]);
        if (midiOf(p) > STRIDE_BASS[1]) p = { ...p, octave: p.octave - 1 };
        notes.push(handNote(p, beat.position, beat.length, 'left', 88));
      } else {
        const tones = [thirdOf(chord), fifthOf(chord), seventhOf(chord)].filter(
          (pc, i, all): pc is PitchClass =>
            pc !== undefined && all.findIndex((x) => x && chroma(x) === chroma(pc)) === i,
        );
        const voiced = closeVoicing(tones, lastTop, STRIDE_CHORD);
        lastTop = Math.max(...voiced.map(midiOf));
        for (const p of voiced) notes.push(handNote(p, beat.position, beat.length, 'left', 66));
      }
    }
    return notes;
  },
};

/** Comping rhythms in beats of a 4/4 bar: the Charleston, its reverse, and a push into the next bar. */
const COMP_RHYTHMS: readonly (readonly [number, number])[][] = [
  [
    [0, 1.5],
    [1.5, 2.5],
  ],
  [
    [0, 1],
    [1.5, 1],
    [3, 1],
  ],
  [
    [0, 2],
    [2.5, 1.5],
  ],
];

/**
 * A compound bar's comping (6/8, 12/8): a chord on each dotted-quarter beat, held a quarter, and now
 * and then one beat pushed to its third eighth, the triplet anticipation.
 */
function compoundRhythm(meter: TimeSignature, rng: Rng): [number, number][] {
  const pulses = pulsesOf(meter);
  const pushed = pulses.length > 1 && rng.chance(0.5) ? rng.int(1, pulses.length - 1) : -1;
  return pulses.map((p) => (p.index === pushed ? [p.start / 12 + 1, 0.5] : [p.start / 12, 1]));
}

/**
 * Syncopated Comping: 3rd–5th–7th chords in the tenor struck in Charleston and off-beat rhythms,
 * each hit cut short where the harmony changes so it never rings against the next chord. In 6/8 and
 * 12/8 the hits fall on the dotted-quarter beats instead.
 */
export const syncopatedComping: HandPattern = {
  id: 'syncopated-comping',
  name: 'Syncopated Comping',
  hand: 'left',
  render({ request, progression, rng }: PatternContext): Note[] {
    const notes: Note[] = [];
    const barLength = toNumber(measureLength(request.meter));
    const compound = isCompound(request.meter);
    let lastTop = 62;
    for (let bar = 0; bar < request.bars; bar++) {
      const start = barStart(bar, request.meter);
      const rhythm: (readonly [number, number])[] = compound
        ? compoundRhythm(request.meter, rng)
        : barLength === 4
          ? rng.pick(COMP_RHYTHMS)
          : barLength >= 2
            ? [
                [0, 1.5],
                [1.5, barLength - 1.5],
              ]
            : [[0, barLength]];
      // A chord change inside the bar is always struck.
      for (const c of progression.chords) {
        const at = toNumber(sub(c.position, start));
        if (at > 0 && at < barLength && !rhythm.some(([o]) => o === at)) rhythm.push([at, barLength - at]);
      }
      rhythm.sort((a, b) => a[0] - b[0]);
      rhythm.forEach(([onset, length], i) => {
        const position = add(start, rat(Math.round(onset * 12), 12));
        const event = chordAt(progression, position);
        if (!event) return;
        const nextOnset = rhythm[i + 1]?.[0] ?? barLength;
        const until = Math.min(onset + length, nextOnset, toNumber(sub(eventEnd(event), start)));
        const chord = event.chord;
        const tones = [thirdOf(chord), fifthOf(chord) ?? chord.root, seventhOf(chord)];
        const voiced = closeVoicing(tones, lastTop, STRIDE_CHORD);
        lastTop = Math.max(...voiced.map(midiOf));
        const duration = rat(Math.round((until - onset) * 12), 12);
        for (const p of voiced)
          notes.push(handNote(p, position, duration, 'left', onset % 1 === 0 ? 76 : 84));
      });
    }
    return notes;
  },
};

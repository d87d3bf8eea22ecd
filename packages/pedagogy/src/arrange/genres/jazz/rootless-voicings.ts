import {
  add,
  chroma,
  midiOf,
  rat,
  toNumber,
  type Chord,
  type Note,
  type Pitch,
  type PitchClass,
} from '@cadenza/core';
import type { HandPattern, PatternContext } from '../../arrangement-types.js';
import { pitchAtOrAbove, voiceLeadingDistance } from '../../voicing.js';
import { fifthOrThirteenth, handNote, ninthOf, seventhOf, strikes, thirdOf } from './jazz-tools.js';

/** Rootless voicings live between E3 and G5: the bottom note from E3 to E4. */
const ROOTLESS_BOTTOM: readonly [number, number] = [52, 64];

/**
 * Bill Evans's rootless forms, bottom to top: A = 3–5–7–9, B = 7–9–3–5 (the 13th replaces the 5th on a
 * dominant that names it). The root is left to the bass; tones equal to the root are dropped.
 */
export function rootlessForms(chord: Chord): { a: PitchClass[]; b: PitchClass[] } {
  const third = thirdOf(chord);
  const fifth = fifthOrThirteenth(chord);
  const seventh = seventhOf(chord);
  const ninth = ninthOf(chord);
  const keep = (tones: PitchClass[]): PitchClass[] =>
    tones.filter(
      (pc, i) => chroma(pc) !== chroma(chord.root) && tones.findIndex((x) => chroma(x) === chroma(pc)) === i,
    );
  return { a: keep([third, fifth, seventh, ninth]), b: keep([seventh, ninth, third, fifth]) };
}

/** The tones stacked upwards from a bottom note at or above `floor`. */
function stack(tones: readonly PitchClass[], floor: number): Pitch[] {
  const voiced: Pitch[] = [];
  let below = floor - 1;
  for (const pc of tones) {
    const p = pitchAtOrAbove(pc, below + 1);
    voiced.push(p);
    below = midiOf(p);
  }
  return voiced;
}

/** The A or B form (in any octave whose bottom lies in range) nearest the previous voicing. */
export function rootlessVoicing(chord: Chord, previous: readonly Pitch[] | undefined): Pitch[] {
  const { a, b } = rootlessForms(chord);
  const candidates: Pitch[][] = [];
  for (const form of [a, b]) {
    for (let floor = ROOTLESS_BOTTOM[0]; floor <= ROOTLESS_BOTTOM[1]; floor++) {
      const voiced = stack(form, floor);
      if (midiOf(voiced[0] as Pitch) === floor) candidates.push(voiced);
    }
  }
  const middle: Pitch[] = stack(a, 58);
  const from = previous ?? middle;
  return candidates.reduce((best, c) =>
    voiceLeadingDistance(from, c) < voiceLeadingDistance(from, best) ? c : best,
  );
}

/** Comping figures in quarter notes from a chord's start: [start, length] hits for a 4-beat and a 2-beat span. */
const COMP_FOUR: readonly (readonly (readonly [number, number])[])[] = [
  [
    [0, 1.5],
    [1.5, 0.5],
  ], // the Charleston: 1, and-of-2
  [
    [1, 1],
    [3, 1],
  ], // 2 and 4
  [
    [0, 1],
    [2.5, 1.5],
  ], // 1, and-of-3 held
  [
    [0.5, 1],
    [2, 1],
  ], // and-of-1, 3
];
const COMP_TWO: readonly (readonly (readonly [number, number])[])[] = [
  [[0, 1.5]],
  [
    [0, 1],
    [1.5, 0.5],
  ],
];

/** The hits of one chord span: a seeded comping figure when it is 4 or 2 beats, else one held chord. */
function compHits(length: number, rng: PatternContext['rng']): (readonly [number, number])[] {
  if (Math.abs(length - 4) < 1e-9) return [...rng.pick(COMP_FOUR)];
  if (Math.abs(length - 2) < 1e-9) return [...rng.pick(COMP_TWO)];
  return [[0, length]];
}

/**
 * Rootless Voicings: four-note A/B forms, each chord choosing the form and octave that moves least from
 * the last (3rds and 7ths trade places by step). In a ballad they are struck at each change and held; in
 * standard and up-tempo they comp — the Charleston, 2 and 4, pushes on the "and" — as a pianist behind a
 * walking bass would.
 */
export const rootlessVoicings: HandPattern = {
  id: 'rootless-voicings',
  name: 'Rootless Voicings',
  hand: 'right',
  render({ request, progression, rng }: PatternContext): Note[] {
    const notes: Note[] = [];
    const comp = request.application.id !== 'ballad';
    let previous: Pitch[] | undefined;
    for (const { position, duration, event } of strikes(request, progression)) {
      const voiced = rootlessVoicing(event.chord, previous);
      previous = voiced;
      const hits = comp ? compHits(toNumber(duration), rng) : [[0, toNumber(duration)] as const];
      for (const [at, length] of hits) {
        const start = add(position, rat(Math.round(at * 12), 12));
        for (const p of voiced)
          notes.push(handNote(p, start, rat(Math.round(length * 12), 12), 'right', at === 0 ? 74 : 80));
      }
    }
    return notes;
  },
};

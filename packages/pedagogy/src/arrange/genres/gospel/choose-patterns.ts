import type { Rng } from '@cadenza/core';
import type { ArrangeRequest, HandPattern } from '../../arrangement-types.js';
import { choosePattern } from '../../choose-pattern.js';

/** Style cues that name a pattern outright (matched inside the request's style words). */
const LEFT_CUES: readonly (readonly [RegExp, string])[] = [
  [/stride/, 'stride-bass'],
  [/walking/, 'walking-bass'],
  [/alberti/, 'alberti-bass'],
  [/shell/, 'shell-voicing'],
  [/syncopat|comping/, 'syncopated-comping'],
];
const RIGHT_CUES: readonly (readonly [RegExp, string])[] = [
  [/octave/, 'octave-doubling'],
  [/polychord|upper.structure/, 'polychord'],
  [/arpeggi/, 'arpeggiated-voicing'],
  [/block/, 'block-chord'],
  [/chord fill/, 'chord-fills'],
  [/melody|fills/, 'melody-with-fills'],
];

/** Weights per application (the spec's use cases: stride for up-tempo, Alberti for ballads…). */
const LEFT_WEIGHTS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  practice: { 'shell-voicing': 4, 'alberti-bass': 3, 'stride-bass': 1 },
  worship: { 'shell-voicing': 3, 'alberti-bass': 3, 'walking-bass': 1 },
  concert: { 'stride-bass': 2, 'walking-bass': 2, 'syncopated-comping': 2, 'shell-voicing': 1 },
  uptempo: { 'stride-bass': 3, 'syncopated-comping': 3, 'walking-bass': 2 },
};
const RIGHT_WEIGHTS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  practice: { 'block-chord': 4, 'arpeggiated-voicing': 2, 'melody-with-fills': 1 },
  worship: { 'arpeggiated-voicing': 3, 'block-chord': 2, polychord: 2, 'melody-with-fills': 1 },
  concert: { 'melody-with-fills': 3, polychord: 2, 'octave-doubling': 2, 'chord-fills': 2 },
  uptempo: { 'octave-doubling': 3, 'chord-fills': 3, 'block-chord': 1 },
};

/** Moods lean the choice: sad/dark towards Alberti and arpeggios, joyful towards stride and octaves. */
function moodBoost(id: string, moods: readonly string[]): number {
  const dark = moods.some((m) => /sad|dark|melanchol|mourn|somber|sombre/.test(m));
  const bright = moods.some((m) => /uplift|joy|happy|celebrat|triumph|praise/.test(m));
  if (dark && ['alberti-bass', 'shell-voicing', 'arpeggiated-voicing'].includes(id)) return 3;
  if (bright && ['stride-bass', 'syncopated-comping', 'octave-doubling', 'chord-fills'].includes(id))
    return 3;
  return 1;
}

function choose(
  request: ArrangeRequest,
  rng: Rng,
  patterns: readonly HandPattern[],
  cues: readonly (readonly [RegExp, string])[],
  weights: Readonly<Record<string, Readonly<Record<string, number>>>>,
): HandPattern {
  const table = weights[request.application.id] ?? {};
  return choosePattern(
    request,
    rng,
    patterns,
    cues,
    (id) => (table[id] ?? 0.25) * moodBoost(id, request.moods),
  );
}

/** The left- and right-hand patterns for a request with none named: style cues first, then application and mood. */
export function chooseGospelPatterns(
  request: ArrangeRequest,
  rng: Rng,
  left: readonly HandPattern[],
  right: readonly HandPattern[],
): { readonly left: HandPattern; readonly right: HandPattern } {
  return {
    left: choose(request, rng, left, LEFT_CUES, LEFT_WEIGHTS),
    right: choose(request, rng, right, RIGHT_CUES, RIGHT_WEIGHTS),
  };
}

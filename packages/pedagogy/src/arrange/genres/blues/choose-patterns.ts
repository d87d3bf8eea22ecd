import type { Rng } from '@cadenza/core';
import type { ArrangeRequest, HandPattern } from '../../arrangement-types.js';
import { choosePattern } from '../../choose-pattern.js';

/** Style cues that name a pattern outright (matched inside the request's style words). */
const LEFT_CUES: readonly (readonly [RegExp, string])[] = [
  [/boogie/, 'boogie-woogie-bass'],
  [/shuffle pattern|rock.?n.?roll|two.note/, 'shuffle-patterns'],
  [/walking|12.bar bass/, '12-bar-blues-bass'],
];
const RIGHT_CUES: readonly (readonly [RegExp, string])[] = [
  [/tremolo|double.stop/, 'tremolo-double-stops'],
  [/call|response/, 'call-response'],
  [/block/, 'block-chords'],
  [/fill/, 'chord-fills'],
  [/melody|riff|lick/, '12-bar-blues-melody'],
];

/**
 * Weights per application: boogie drives the fast blues, the single-line bass and the fills suit the
 * slow one, the shuffle takes anything.
 */
const LEFT_WEIGHTS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  shuffle: { 'boogie-woogie-bass': 3, '12-bar-blues-bass': 3, 'shuffle-patterns': 3 },
  slow: { '12-bar-blues-bass': 4, 'shuffle-patterns': 2, 'boogie-woogie-bass': 1 },
  fast: { 'boogie-woogie-bass': 4, 'shuffle-patterns': 2, '12-bar-blues-bass': 1 },
};
const RIGHT_WEIGHTS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  shuffle: {
    '12-bar-blues-melody': 3,
    'call-response': 3,
    'tremolo-double-stops': 2,
    'chord-fills': 2,
    'block-chords': 1,
  },
  slow: { 'chord-fills': 3, 'tremolo-double-stops': 3, '12-bar-blues-melody': 2, 'call-response': 1 },
  fast: { 'block-chords': 3, 'call-response': 2, '12-bar-blues-melody': 2, 'tremolo-double-stops': 1 },
};

function choose(
  request: ArrangeRequest,
  rng: Rng,
  patterns: readonly HandPattern[],
  cues: readonly (readonly [RegExp, string])[],
  weights: Readonly<Record<string, Readonly<Record<string, number>>>>,
): HandPattern {
  const table = weights[request.application.id] ?? {};
  return choosePattern(request, rng, patterns, cues, (id) => table[id] ?? 1);
}

/** The patterns for a request that names none: style cues first, then the application's weights. */
export function chooseBluesPatterns(
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

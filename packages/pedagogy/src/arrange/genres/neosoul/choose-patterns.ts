import type { Rng } from '@cadenza/core';
import type { ArrangeRequest, HandPattern } from '../../arrangement-types.js';
import { choosePattern } from '../../choose-pattern.js';

const LEFT_CUES: readonly (readonly [RegExp, string])[] = [
  [/bass.?line/, 'syncopated-bass'],
  [/syncopat|rhythmic/, 'rhythmic-syncopation'],
  [/comp/, 'extended-comping'],
];
const RIGHT_CUES: readonly (readonly [RegExp, string])[] = [
  [/fill|chromatic/, 'chromatic-fills'],
  [/sustain|pad/, 'sustained-voicings'],
  [/extended|voicing/, 'extended-voicings'],
];

/**
 * Style cues first; otherwise smooth leans to spread comping under sustained or extended voicings,
 * up-tempo to the syncopated bass line and rhythmic left hand under sixteenth stabs and fills.
 */
export function chooseNeosoulPatterns(
  request: ArrangeRequest,
  rng: Rng,
  left: readonly HandPattern[],
  right: readonly HandPattern[],
): { left: HandPattern; right: HandPattern } {
  const uptempo = request.application.id === 'uptempo';
  const leftWeights: Record<string, number> = uptempo
    ? { 'syncopated-bass': 3, 'rhythmic-syncopation': 2, 'extended-comping': 1 }
    : { 'extended-comping': 3, 'syncopated-bass': 1.5, 'rhythmic-syncopation': 1 };
  const rightWeights: Record<string, number> = uptempo
    ? { 'extended-voicings': 3, 'chromatic-fills': 2, 'sustained-voicings': 0.5 }
    : { 'sustained-voicings': 2, 'extended-voicings': 2, 'chromatic-fills': 1.5 };
  return {
    left: choosePattern(request, rng, left, LEFT_CUES, (id) => leftWeights[id] ?? 1),
    right: choosePattern(request, rng, right, RIGHT_CUES, (id) => rightWeights[id] ?? 1),
  };
}

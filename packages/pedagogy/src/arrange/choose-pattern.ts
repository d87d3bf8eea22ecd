import type { Rng } from '@cadenza/core';
import type { ArrangeRequest, HandPattern } from './arrangement-types.js';

/**
 * A hand pattern for a request: the first style cue the description names wins outright
 * (`[/stride/, 'stride-bass']`); otherwise a seeded pick weighted by `weightOf(pattern id)`.
 */
export function choosePattern(
  request: ArrangeRequest,
  rng: Rng,
  patterns: readonly HandPattern[],
  cues: readonly (readonly [RegExp, string])[],
  weightOf: (id: string) => number,
): HandPattern {
  for (const [cue, id] of cues) {
    const named = patterns.find((p) => p.id === id);
    if (named && request.styles.some((s) => cue.test(s))) return named;
  }
  return rng.weighted(
    patterns,
    patterns.map((p) => weightOf(p.id)),
  );
}

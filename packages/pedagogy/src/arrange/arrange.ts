import { createRng, MusicError } from '@cadenza/core';
import type { Arrangement, ArrangeRequest, HandPattern, ProgressionProposer } from './arrangement-types.js';
import { assembleScore } from './assemble-score.js';
import { chartProgression } from './chart-progression.js';
import { shapeDynamics } from './dynamics.js';
import { applyFeel } from './feel.js';
import { GENRE_ARRANGERS } from './genre-registry.js';

function findPattern(patterns: readonly HandPattern[], id: string, hand: string, genre: string): HandPattern {
  const found = patterns.find((p) => p.id === id);
  if (!found) {
    throw new MusicError(
      `'${id}' is not a ${genre} ${hand}-hand pattern: use ${patterns.map((p) => p.id).join(', ')}`,
    );
  }
  return found;
}

/**
 * Arranges a resolved request: the genre's progression (or the user's chart), its left- and right-hand
 * patterns, dynamics shaped over phrases inside the application's range, then the feel as performance
 * offsets. Pure: the same request and seed give the same score, note for note.
 */
export interface ArrangeOptions {
  /** Proposes the progression before the rules do (a language model, later); absent: pure rules. */
  readonly proposer?: ProgressionProposer;
}

export function arrange(
  request: ArrangeRequest,
  seed: number,
  title: string,
  options: ArrangeOptions = {},
): Arrangement {
  const arranger = GENRE_ARRANGERS[request.genre];
  if (!arranger) throw new MusicError(`the ${request.genre} arranger is not available yet`);
  const rng = createRng(seed);
  const progressionRng = rng.fork();
  const choiceRng = rng.fork();
  const leftRng = rng.fork();
  const rightRng = rng.fork();
  const proposed =
    request.chart || !options.proposer ? undefined : options.proposer.propose(request, progressionRng);
  const progression = request.chart
    ? chartProgression(request, request.chart)
    : (proposed ?? arranger.progression(request, progressionRng));
  const chosen = arranger.choosePatterns(request, choiceRng);
  const left = request.leftHand
    ? findPattern(arranger.leftHand, request.leftHand, 'left', request.genre)
    : chosen.left;
  const right = request.rightHand
    ? findPattern(arranger.rightHand, request.rightHand, 'right', request.genre)
    : chosen.right;
  const feel = arranger.feel(request);
  const shape = (notes: ReturnType<HandPattern['render']>) =>
    applyFeel(shapeDynamics(notes, request.application.velocity, request.meter, request.bars), feel);
  const notes = {
    left: shape(left.render({ request, progression, rng: leftRng })),
    right: shape(right.render({ request, progression, rng: rightRng })),
  };
  return {
    score: assembleScore(request, progression, notes, feel, title, seed),
    progression,
    leftHand: left.id,
    rightHand: right.id,
    feel,
    seed,
    generationMethod: proposed && options.proposer ? options.proposer.method : 'rules',
  };
}

import { MusicError } from '@cadenza/core';
import type { ProgressionProposer } from './arrangement-types.js';
import { GENRE_ARRANGERS } from './genre-registry.js';

/**
 * The genre's own rules as a proposer, so a cache or a blend can wrap them the same way as a model.
 * Given the same Rng it proposes exactly what `arrange` would choose without a proposer.
 */
export const rulesProposer: ProgressionProposer = {
  method: 'rules',
  propose(request, rng) {
    const arranger = GENRE_ARRANGERS[request.genre];
    if (!arranger) throw new MusicError(`the ${request.genre} arranger is not available yet`);
    return arranger.progression(request, rng);
  },
};

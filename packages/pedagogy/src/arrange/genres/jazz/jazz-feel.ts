import { MusicError } from '@cadenza/core';
import type { ArrangeRequest, Feel } from '../../arrangement-types.js';
import { isCompound } from '../../meter-grid.js';
import { hasCue } from './jazz-progression.js';

/** Jazz swing: the triplet feel, off-beat eighths long:short 2:1. */
export const JAZZ_SWING_RATIO = 2;
/** The spec's range for a requested jazz swing ratio. */
export const JAZZ_SWING_RANGE: readonly [number, number] = [1, 3];

/**
 * Swing at 2:1 unless the request asks for another ratio (1.0–3.0; 1.0 is straight eighths) or a
 * straight-eighth style ('straight', 'bossa', 'latin'). Compound meters are straight: their eighths are
 * the triplets.
 */
export function jazzFeel(request: ArrangeRequest): Feel {
  const ratio = request.swingRatio;
  if (ratio !== undefined && !(ratio >= JAZZ_SWING_RANGE[0] && ratio <= JAZZ_SWING_RANGE[1]))
    throw new MusicError(`jazz swing ratio ${ratio} is outside 1.0–3.0 (2.0 is the triplet feel)`);
  // 6/8 and 12/8 already divide the beat in three: the notation is the swing, played straight.
  if (isCompound(request.meter)) return { kind: 'straight' };
  if (ratio !== undefined) {
    return ratio === 1 ? { kind: 'straight' } : { kind: 'swing', ratio, label: 'Swing' };
  }
  if (['straight', 'bossa', 'latin'].some((cue) => hasCue(request, cue))) return { kind: 'straight' };
  return { kind: 'swing', ratio: JAZZ_SWING_RATIO, label: 'Swing' };
}

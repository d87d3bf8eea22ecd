import type { ArrangeRequest, Feel } from '../../arrangement-types.js';
import { hasCue } from '../jazz/jazz-progression.js';

/** The spec's laid-back range, in beats (quarter notes) behind the grid. */
export const LAID_BACK_RANGE: readonly [number, number] = [0.03, 0.08];

/**
 * Laid back on a sixteenth grid: smooth sits further behind the beat (0.06) than up-tempo (0.04), where
 * the groove must still push; 'laid back', 'behind the beat', 'Dilla' or a mellow or dreamy mood lean
 * back to 0.075. The score stays on the grid; only the performance is late.
 */
export function neosoulFeel(request: ArrangeRequest): Feel {
  const lean =
    ['laid back', 'laid-back', 'behind', 'dilla'].some((cue) => hasCue(request, cue)) ||
    request.moods.some((m) => m === 'mellow' || m === 'dreamy');
  const delay = lean ? 0.075 : request.application.id === 'uptempo' ? 0.04 : 0.06;
  return { kind: 'laid-back', delay };
}

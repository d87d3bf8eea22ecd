/**
 * The MIREX audio key detection score: full credit for the right key, partial credit for the keys most
 * often confused with it.
 */
import type { KeyClass } from './estimate-key.js';

export interface MirexKeyOptions {
  /**
   * Also give fifth credit when the estimate is a fifth below the reference (default false: MIREX and
   * mir_eval credit only the estimate a fifth above, i.e. the dominant).
   */
  readonly allowDescendingFifths?: boolean;
}

/**
 * 1 for the same key, 0.5 for the same mode a perfect fifth above, 0.3 for the relative major/minor,
 * 0.2 for the parallel key, else 0.
 */
export function mirexKeyScore(
  estimated: KeyClass,
  reference: KeyClass,
  options: MirexKeyOptions = {},
): number {
  const up = (((estimated.tonic - reference.tonic) % 12) + 12) % 12;
  if (estimated.mode === reference.mode) {
    if (up === 0) return 1;
    if (up === 7 || (options.allowDescendingFifths === true && up === 5)) return 0.5;
    return 0;
  }
  if (estimated.mode === 'major' && up === 3) return 0.3; // C major for A minor
  if (estimated.mode === 'minor' && up === 9) return 0.3; // A minor for C major
  if (up === 0) return 0.2;
  return 0;
}

/**
 * Key profiles: how strongly each of the 12 pitch classes, counted up from the tonic, belongs to a
 * major or minor key. Published values, index 0 = tonic.
 */

export type KeyProfileName = 'krumhansl' | 'temperley';

export interface KeyProfile {
  readonly major: readonly number[];
  readonly minor: readonly number[];
}

export const KEY_PROFILES: Readonly<Record<KeyProfileName, KeyProfile>> = {
  /** Krumhansl & Kessler (1982) probe-tone ratings, as used by the Krumhansl–Schmuckler algorithm. */
  krumhansl: {
    major: [6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88],
    minor: [6.33, 2.68, 3.52, 5.38, 2.6, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17],
  },
  /** Temperley (2007, "Music and Probability"): pitch-class frequencies in the Kostka–Payne corpus. */
  temperley: {
    major: [0.748, 0.06, 0.488, 0.082, 0.67, 0.46, 0.096, 0.715, 0.104, 0.366, 0.057, 0.4],
    minor: [0.712, 0.084, 0.474, 0.618, 0.049, 0.46, 0.105, 0.747, 0.404, 0.067, 0.133, 0.33],
  },
};

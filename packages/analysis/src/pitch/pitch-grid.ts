/** The HMM's pitch states: bins equally spaced in log frequency from fmin to fmax. */
export interface PitchGrid {
  /** Frequency of bin 0 in Hz. */
  readonly fmin: number;
  /** Bins per equal-tempered semitone (5 → 20-cent bins). */
  readonly binsPerSemitone: number;
  /** Number of bins. */
  readonly bins: number;
}

export function createPitchGrid(fmin: number, fmax: number, binsPerSemitone: number): PitchGrid {
  const bins = Math.floor(12 * binsPerSemitone * Math.log2(fmax / fmin) + 1e-9) + 1;
  return { fmin, binsPerSemitone, bins };
}

/** Nearest bin of a frequency (may fall outside 0…bins−1). */
export const binOf = (grid: PitchGrid, frequency: number): number =>
  Math.round(12 * grid.binsPerSemitone * Math.log2(frequency / grid.fmin));

/** Centre frequency of a bin in Hz. */
export const binFrequency = (grid: PitchGrid, bin: number): number =>
  grid.fmin * 2 ** (bin / (12 * grid.binsPerSemitone));

/**
 * A triangular filterbank with logarithmically spaced centres (bandsPerOctave per octave), built on FFT
 * bins. Centres are rounded to bins and duplicates dropped, so at low frequencies, where bins are wider
 * than the band spacing, each band is one bin. Filters are normalised to unit area: a band's value is a
 * weighted mean of bin magnitudes, so its scale does not depend on the band's width.
 */
export interface LogFilterbank {
  readonly bands: number;
  /** First bin of each band. */
  readonly start: Int32Array;
  /** Weights of each band, from `start[b]` on. */
  readonly weights: readonly Float64Array[];
}

export interface LogFilterbankSpec {
  readonly fftSize: number;
  readonly sampleRate: number;
  readonly bandsPerOctave: number;
  readonly minFrequency: number;
  readonly maxFrequency: number;
}

export function logFilterbank(spec: LogFilterbankSpec): LogFilterbank {
  const { fftSize, sampleRate, bandsPerOctave, minFrequency } = spec;
  const nyquist = sampleRate / 2;
  const maxFrequency = Math.min(spec.maxFrequency, nyquist);
  if (!(minFrequency > 0 && minFrequency < maxFrequency)) {
    throw new RangeError(`filterbank: need 0 < minFrequency < maxFrequency (≤ Nyquist ${nyquist} Hz)`);
  }
  const binHz = sampleRate / fftSize;
  const lastBin = fftSize / 2;
  const bins: number[] = [];
  for (let k = 0; ; k++) {
    const f = minFrequency * 2 ** (k / bandsPerOctave);
    if (f > maxFrequency) break;
    const bin = Math.min(lastBin, Math.round(f / binHz));
    if (bins[bins.length - 1] !== bin) bins.push(bin);
  }
  // Each triangle runs from the previous centre to the next one; the ends need neighbours.
  const start: number[] = [];
  const weights: Float64Array[] = [];
  for (let b = 1; b + 1 < bins.length; b++) {
    const lo = bins[b - 1] as number;
    const centre = bins[b] as number;
    const hi = bins[b + 1] as number;
    // Zero at the neighbouring centres, one at its own: a one-bin band is that bin alone.
    const w = new Float64Array(hi - lo - 1);
    for (let k = lo + 1; k < hi; k++) {
      w[k - lo - 1] = k <= centre ? (k - lo) / (centre - lo) : (hi - k) / (hi - centre);
    }
    let sum = 0;
    for (const x of w) sum += x;
    for (let i = 0; i < w.length; i++) w[i] = (w[i] as number) / sum;
    start.push(lo + 1);
    weights.push(w);
  }
  if (weights.length === 0) throw new RangeError('filterbank: the frequency range holds no bands');
  return { bands: weights.length, start: Int32Array.from(start), weights };
}

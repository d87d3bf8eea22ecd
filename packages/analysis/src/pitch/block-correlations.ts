import { fft, nextPowerOfTwo } from '../signal/fft.js';

/** Correlations of consecutive blocks, computed lazily in order. */
export interface BlockCorrelations {
  /**
   * c_k(τ) = Σ_{j<B} x[o+kB+j]·x[o+kB+j+τ], τ = 0…maxLag (zero outside the signal). Blocks must be
   * asked for in non-decreasing order; the array stays valid until `keep` later blocks have been asked for.
   */
  get(k: number): Float64Array;
}

/**
 * Each block of B samples is transformed once (two blocks per complex FFT); the spectrum of a block's
 * "block plus lags" stretch is assembled from the following blocks' spectra with phase shifts, so no
 * sample is transformed twice. The inverse transforms also go two blocks at a time.
 * About one FFT of nextPowerOfTwo(B + maxLag) points per block.
 */
export function createBlockCorrelations(
  samples: Float32Array,
  origin: number,
  block: number,
  maxLag: number,
  keep: number,
): BlockCorrelations {
  const ahead = Math.ceil(maxLag / block); // later blocks a block's lags reach into
  const size = nextPowerOfTwo(Math.max(block + maxLag, (ahead + 1) * block));
  const half = size / 2;
  // Phase ramps e^{−2πi·f·qB/N} for shifting block k+q by qB samples.
  const shiftRe = Array.from({ length: ahead + 1 }, () => new Float64Array(half + 1));
  const shiftIm = Array.from({ length: ahead + 1 }, () => new Float64Array(half + 1));
  for (let q = 0; q <= ahead; q++) {
    for (let f = 0; f <= half; f++) {
      const angle = (-2 * Math.PI * ((f * q * block) % size)) / size;
      (shiftRe[q] as Float64Array)[f] = Math.cos(angle);
      (shiftIm[q] as Float64Array)[f] = Math.sin(angle);
    }
  }
  const specSlots = ahead + 4;
  const specRe = Array.from({ length: specSlots }, () => new Float64Array(half + 1));
  const specIm = Array.from({ length: specSlots }, () => new Float64Array(half + 1));
  const corrSlots = keep + 2;
  const corr = Array.from({ length: corrSlots }, () => new Float64Array(maxLag + 1));
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  // Correlation spectra of the two blocks an inverse transform carries.
  const firstR = new Float64Array(half + 1);
  const firstI = new Float64Array(half + 1);
  const secondR = new Float64Array(half + 1);
  const secondI = new Float64Array(half + 1);
  let spectraDone = -1;
  let corrDone = -1;

  const loadBlock = (k: number, into: Float64Array): void => {
    const start = origin + k * block;
    if (start >= 0 && start + block <= samples.length) {
      for (let j = 0; j < block; j++) into[j] = samples[start + j] as number;
    } else {
      for (let j = 0; j < block; j++) {
        const i = start + j;
        into[j] = i >= 0 && i < samples.length ? (samples[i] as number) : 0;
      }
    }
  };

  /** Spectra (bins 0…N/2) of blocks k and k+1 from one complex FFT. */
  const spectraPair = (k: number): void => {
    re.fill(0);
    im.fill(0);
    loadBlock(k, re);
    loadBlock(k + 1, im);
    fft(re, im);
    const aR = specRe[k % specSlots] as Float64Array;
    const aI = specIm[k % specSlots] as Float64Array;
    const bR = specRe[(k + 1) % specSlots] as Float64Array;
    const bI = specIm[(k + 1) % specSlots] as Float64Array;
    for (let f = 0; f <= half; f++) {
      const n = f === 0 ? 0 : size - f;
      const zr = re[f] as number;
      const zi = im[f] as number;
      const nr = re[n] as number;
      const ni = im[n] as number;
      aR[f] = (zr + nr) * 0.5;
      aI[f] = (zi - ni) * 0.5;
      bR[f] = (zi + ni) * 0.5;
      bI[f] = (nr - zr) * 0.5;
    }
  };

  /** Spectrum (bins 0…N/2) of block k's correlation: conj(Y_k) · Σ_q shift_q · Y_{k+q}. */
  const correlationSpectrum = (k: number, sR: Float64Array, sI: Float64Array): void => {
    const yR = specRe[k % specSlots] as Float64Array;
    const yI = specIm[k % specSlots] as Float64Array;
    sR.set(yR);
    sI.set(yI);
    for (let q = 1; q <= ahead; q++) {
      const qR = specRe[(k + q) % specSlots] as Float64Array;
      const qI = specIm[(k + q) % specSlots] as Float64Array;
      const hR = shiftRe[q] as Float64Array;
      const hI = shiftIm[q] as Float64Array;
      for (let f = 0; f <= half; f++) {
        const a = qR[f] as number;
        const b = qI[f] as number;
        const c = hR[f] as number;
        const d = hI[f] as number;
        sR[f] = (sR[f] as number) + a * c - b * d;
        sI[f] = (sI[f] as number) + a * d + b * c;
      }
    }
    for (let f = 0; f <= half; f++) {
      const ar = yR[f] as number;
      const ai = yI[f] as number;
      const br = sR[f] as number;
      const bi = sI[f] as number;
      sR[f] = ar * br + ai * bi;
      sI[f] = ar * bi - ai * br;
    }
  };

  /** Correlations of blocks k and k+1: their real spectra packed as S_k + i·S_{k+1}, one inverse FFT. */
  const correlationPair = (k: number): void => {
    while (spectraDone < k + 1 + ahead) {
      spectraPair(spectraDone + 1);
      spectraDone += 2;
    }
    correlationSpectrum(k, firstR, firstI);
    correlationSpectrum(k + 1, secondR, secondI);
    // A + i·B: real part Re A − Im B, imaginary part Im A + Re B; mirrored bins take conj(A) + i·conj(B).
    for (let f = 0; f <= half; f++) {
      const ar = firstR[f] as number;
      const ai = firstI[f] as number;
      const br = secondR[f] as number;
      const bi = secondI[f] as number;
      re[f] = ar - bi;
      im[f] = ai + br;
      if (f > 0 && f < half) {
        re[size - f] = ar + bi;
        im[size - f] = -ai + br;
      }
    }
    fft(re, im, true);
    const a = corr[k % corrSlots] as Float64Array;
    const b = corr[(k + 1) % corrSlots] as Float64Array;
    for (let tau = 0; tau <= maxLag; tau++) {
      a[tau] = re[tau] as number;
      b[tau] = im[tau] as number;
    }
  };

  return {
    get(k) {
      if (k < 0) throw new RangeError(`block ${k} is before the first`);
      while (corrDone < k) {
        correlationPair(corrDone + 1);
        corrDone += 2;
      }
      return corr[k % corrSlots] as Float64Array;
    },
  };
}

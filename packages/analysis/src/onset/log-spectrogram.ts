import { fft, hann, nextPowerOfTwo } from '../signal/fft.js';
import { logFilterbank } from './log-filterbank.js';

/**
 * The SuperFlux front end: a Hann-windowed STFT at a fixed frame rate, its magnitudes pooled by a
 * logarithmic triangular filterbank and compressed as log10(1 + λ·x). Frame i is centred on sample
 * round(i · rate / frameRate) (zero-padded at the ends), so frame i stands for time i / frameRate.
 */
export interface LogSpectrogram {
  /** frames × bands values, frame-major. */
  readonly values: Float64Array;
  readonly frames: number;
  readonly bands: number;
  readonly frameRate: number;
  /** Window length in samples (a power of two). */
  readonly windowSize: number;
}

export interface LogSpectrogramSpec {
  readonly frameRate: number;
  readonly windowSeconds: number;
  readonly bandsPerOctave: number;
  readonly minFrequency: number;
  readonly maxFrequency: number;
  readonly compression: number;
}

export function logSpectrogram(
  samples: Float32Array,
  sampleRate: number,
  spec: LogSpectrogramSpec,
): LogSpectrogram {
  if (!(sampleRate > 0)) throw new RangeError(`sample rate must be positive, got ${sampleRate}`);
  if (!(spec.frameRate > 0 && spec.frameRate * 2 <= sampleRate)) {
    throw new RangeError(`frame rate ${spec.frameRate} fps is out of range for ${sampleRate} Hz`);
  }
  const size = Math.max(16, nextPowerOfTwo(Math.round(spec.windowSeconds * sampleRate)));
  const half = size / 2;
  const bank = logFilterbank({ fftSize: size, sampleRate, ...spec });
  const window = hann(size);
  let windowSum = 0;
  for (const w of window) windowSum += w;
  // A full-scale sine then peaks near 1 whatever the window length, so λ keeps its meaning.
  const scale = 2 / windowSum;
  const twCos = new Float64Array(half + 1);
  const twSin = new Float64Array(half + 1);
  for (let k = 0; k <= half; k++) {
    twCos[k] = Math.cos((2 * Math.PI * k) / size);
    twSin[k] = Math.sin((2 * Math.PI * k) / size);
  }
  const hop = sampleRate / spec.frameRate;
  const frames = samples.length === 0 ? 0 : Math.floor((samples.length - 1) / hop) + 1;
  const values = new Float64Array(frames * bank.bands);
  const re = new Float64Array(half);
  const im = new Float64Array(half);
  const mag = new Float64Array(half + 1);
  const lambda = spec.compression;
  for (let i = 0; i < frames; i++) {
    // Pack the real frame into a half-length complex one (even samples real, odd imaginary).
    const first = Math.round(i * hop) - half;
    for (let n = 0; n < half; n++) {
      const a = first + 2 * n;
      const b = a + 1;
      re[n] = a >= 0 && a < samples.length ? (samples[a] as number) * (window[2 * n] as number) : 0;
      im[n] = b >= 0 && b < samples.length ? (samples[b] as number) * (window[2 * n + 1] as number) : 0;
    }
    fft(re, im);
    for (let k = 0; k <= half; k++) {
      const a = re[k % half] as number;
      const bIm = im[k % half] as number;
      const c = re[(half - k) % half] as number;
      const d = im[(half - k) % half] as number;
      const er = (a + c) / 2;
      const ei = (bIm - d) / 2;
      const or = (bIm + d) / 2;
      const oi = (c - a) / 2;
      const cs = twCos[k] as number;
      const sn = twSin[k] as number;
      const xr = er + or * cs + oi * sn;
      const xi = ei + oi * cs - or * sn;
      mag[k] = Math.sqrt(xr * xr + xi * xi) * scale;
    }
    const row = i * bank.bands;
    for (let band = 0; band < bank.bands; band++) {
      const w = bank.weights[band] as Float64Array;
      const s = bank.start[band] as number;
      let acc = 0;
      for (let j = 0; j < w.length; j++) acc += (w[j] as number) * (mag[s + j] as number);
      values[row + band] = Math.log10(1 + lambda * acc);
    }
  }
  return { values, frames, bands: bank.bands, frameRate: spec.frameRate, windowSize: size };
}

import type { PitchTrack } from '../pitch/index.js';
import { fft, hann } from '../signal/fft.js';

/** Window of the short STFT, seconds (512 samples at 22.05 kHz: harmonics of a soprano stay resolved). */
const WINDOW_SECONDS = 0.0232;
/** Harmonics of the tracked f0 that are looked at, and the highest frequency considered. */
const HARMONICS = 8;
const MAX_HZ = 5000;

/**
 * How far each pitch frame's harmonics leave the path the two frames before predict, 0–2 (complex-domain
 * onset detection, Bello et al. 2004, restricted to the bins of the tracked pitch's harmonics).
 *
 * A steady tone keeps its amplitude and advances its phase by the same step each hop, so the prediction
 * X̂ₙ = |Xₙ₋₁|·e^{i(2φₙ₋₁ − φₙ₋₂)} is close and the deviation near 0; vibrato bends it a little. When a player
 * re-articulates the same pitch (a tongued or re-bowed repeat, a re-struck key) the new tone starts with an
 * unrelated phase, so the harmonics jump off the predicted path even where the level hardly dips: the cue a
 * broadband spectral flux misses. Value per frame: Σ|Xₙ − X̂ₙ| ÷ ½Σ(|Xₙ| + |X̂ₙ|) over the three bins around
 * each harmonic; 0 where the frame or the two before it are unvoiced.
 */
export function harmonicPhaseDeviation(samples: Float32Array, track: PitchTrack): Float64Array {
  const size = 2 ** Math.round(Math.log2(Math.max(64, WINDOW_SECONDS * track.rate)));
  const half = size / 2;
  const window = hann(size);
  const binHz = track.rate / size;
  const frames = track.times.length;
  const out = new Float64Array(frames);
  // The spectra (bins 0…half−1) of the last four frames, ring-buffered: a pair is transformed at once.
  const ring = Array.from({ length: 4 }, () => ({
    re: new Float64Array(half),
    im: new Float64Array(half),
  }));
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  const voiced = (i: number) => i >= 0 && i < frames && (track.f0[i] as number) > 0;
  // Only frames that a voiced frame up to two hops later will look back on need a spectrum.
  const needed = (i: number) => voiced(i) || voiced(i + 1) || voiced(i + 2);
  const windowed = (i: number, k: number): number => {
    const s = i * track.hop - half + k;
    return i < frames && s >= 0 && s < samples.length ? (samples[s] as number) * (window[k] as number) : 0;
  };
  for (let i = 0; i < frames; i += 2) {
    if (!(needed(i) || needed(i + 1))) continue;
    // Two real frames in one complex FFT: frame i as the real part, frame i + 1 as the imaginary part.
    for (let k = 0; k < size; k++) {
      re[k] = windowed(i, k);
      im[k] = windowed(i + 1, k);
    }
    fft(re, im);
    const a = ring[i % 4] as { re: Float64Array; im: Float64Array };
    const b = ring[(i + 1) % 4] as { re: Float64Array; im: Float64Array };
    for (let k = 0; k < half; k++) {
      const zr = re[k] as number;
      const zi = im[k] as number;
      const wr = re[(size - k) % size] as number;
      const wi = im[(size - k) % size] as number;
      a.re[k] = (zr + wr) / 2;
      a.im[k] = (zi - wi) / 2;
      b.re[k] = (zi + wi) / 2;
      b.im[k] = (wr - zr) / 2;
    }
    for (const f of [i, i + 1]) {
      if (f < frames && voiced(f) && voiced(f - 1) && voiced(f - 2)) out[f] = deviationAt(f);
    }
  }
  return out;

  function deviationAt(i: number): number {
    const now = ring[i % 4] as { re: Float64Array; im: Float64Array };
    const one = ring[(i - 1) % 4] as typeof now;
    const two = ring[(i - 2) % 4] as typeof now;
    const f0 = track.f0[i] as number;
    let deviation = 0;
    let magnitude = 0;
    for (let h = 1; h <= HARMONICS && h * f0 < Math.min(MAX_HZ, track.rate / 2 - 2 * binHz); h++) {
      const centre = Math.round((h * f0) / binHz);
      for (let b = Math.max(1, centre - 1); b <= Math.min(half - 1, centre + 1); b++) {
        const m1 = Math.hypot(one.re[b] as number, one.im[b] as number);
        const phase =
          2 * Math.atan2(one.im[b] as number, one.re[b] as number) -
          Math.atan2(two.im[b] as number, two.re[b] as number);
        const dr = (now.re[b] as number) - m1 * Math.cos(phase);
        const di = (now.im[b] as number) - m1 * Math.sin(phase);
        deviation += Math.hypot(dr, di);
        magnitude += Math.hypot(now.re[b] as number, now.im[b] as number) + m1;
      }
    }
    return magnitude > 0 ? (2 * deviation) / magnitude : 0;
  }
}

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
  // The last three frames' spectra (bins 0…half−1), ring-buffered.
  const ring = Array.from({ length: 3 }, () => ({
    re: new Float64Array(half),
    im: new Float64Array(half),
  }));
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  const voiced = (i: number) => i >= 0 && i < frames && (track.f0[i] as number) > 0;
  for (let i = 0; i < frames; i++) {
    // Only frames that a voiced frame up to two hops later will look back on need a spectrum.
    if (!(voiced(i) || voiced(i + 1) || voiced(i + 2))) continue;
    const first = i * track.hop - half;
    for (let k = 0; k < size; k++) {
      const s = first + k;
      re[k] = s >= 0 && s < samples.length ? (samples[s] as number) * (window[k] as number) : 0;
      im[k] = 0;
    }
    fft(re, im);
    const slot = ring[i % 3] as { re: Float64Array; im: Float64Array };
    slot.re.set(re.subarray(0, half));
    slot.im.set(im.subarray(0, half));
    if (!(voiced(i) && voiced(i - 1) && voiced(i - 2))) continue;
    const now = slot;
    const one = ring[(i - 1) % 3] as typeof slot;
    const two = ring[(i - 2) % 3] as typeof slot;
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
    out[i] = magnitude > 0 ? (2 * deviation) / magnitude : 0;
  }
  return out;
}

import { describe, expect, it } from 'vitest';
import { fft, hann, magnitudeSpectrum } from '../src/index.js';

describe('fft', () => {
  it('matches the DFT of a small signal and inverts back', () => {
    const n = 16;
    const x = Array.from(
      { length: n },
      (_, i) => Math.sin(i * 0.7) + 0.3 * Math.cos(i * 2.1) + (i % 3) * 0.1,
    );
    const re = Float64Array.from(x);
    const im = new Float64Array(n);
    fft(re, im);
    for (let k = 0; k < n; k++) {
      let dr = 0;
      let di = 0;
      for (let t = 0; t < n; t++) {
        dr += (x[t] as number) * Math.cos((-2 * Math.PI * k * t) / n);
        di += (x[t] as number) * Math.sin((-2 * Math.PI * k * t) / n);
      }
      expect(re[k]).toBeCloseTo(dr, 9);
      expect(im[k]).toBeCloseTo(di, 9);
    }
    fft(re, im, true);
    for (let t = 0; t < n; t++) expect(re[t]).toBeCloseTo(x[t] as number, 9);
  });

  it('puts a 1 kHz sine at 44.1 kHz in the bin nearest 1 kHz', () => {
    const size = 4096;
    const w = hann(size);
    const frame = Float64Array.from(
      { length: size },
      (_, i) => Math.sin((2 * Math.PI * 1000 * i) / 44100) * (w[i] as number),
    );
    const mag = magnitudeSpectrum(frame, size);
    const peak = mag.indexOf(Math.max(...mag));
    expect(peak).toBe(Math.round((1000 * size) / 44100));
  });

  it('refuses a size that is not a power of two', () => {
    expect(() => fft(new Float64Array(12), new Float64Array(12))).toThrow(/power of two/);
  });
});

import { describe, expect, it } from 'vitest';
import { createRng } from '@cadenza/core';
import { fft, hann, magnitudeSpectrum } from '../src/index.js';

/** Textbook radix-2 loop order (butterfly blocks outer, twiddles inner), for the bit-identity check. */
function referenceFft(re: Float64Array, im: Float64Array, inverse: boolean): void {
  const n = re.length;
  const bits = Math.log2(n);
  for (let i = 0; i < n; i++) {
    let j = 0;
    for (let b = 0; b < bits; b++) j |= ((i >> b) & 1) << (bits - 1 - b);
    if (j > i) {
      [re[i], re[j]] = [re[j] as number, re[i] as number];
      [im[i], im[j]] = [im[j] as number, im[i] as number];
    }
  }
  const sign = inverse ? 1 : -1;
  for (let size = 2; size <= n; size *= 2) {
    const half = size / 2;
    for (let start = 0; start < n; start += size) {
      for (let k = 0; k < half; k++) {
        const wr = Math.cos((2 * Math.PI * (k * (n / size))) / n);
        const wi = sign * Math.sin((2 * Math.PI * (k * (n / size))) / n);
        const a = start + k;
        const b = a + half;
        const xr = (re[b] as number) * wr - (im[b] as number) * wi;
        const xi = (re[b] as number) * wi + (im[b] as number) * wr;
        re[b] = (re[a] as number) - xr;
        im[b] = (im[a] as number) - xi;
        re[a] = (re[a] as number) + xr;
        im[a] = (im[a] as number) + xi;
      }
    }
  }
  if (inverse) {
    for (let i = 0; i < n; i++) {
      re[i] = (re[i] as number) / n;
      im[i] = (im[i] as number) / n;
    }
  }
}

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

  // Stages run in pairs and butterflies sharing a twiddle together (even and odd stage counts); each
  // does the same arithmetic, so the output is the textbook order's bit for bit (analyses downstream,
  // pitch tracks included, stay exactly as they were).
  it.each([
    [1024, false],
    [1024, true],
    [512, false],
    [512, true],
    [64, false],
    [8, true],
    [2, false],
  ])('gives bit-identical results to the textbook loop order (n %i, inverse %s)', (n, inverse) => {
    const rng = createRng(`fft-${n}-${inverse}`);
    const re = Float64Array.from({ length: n }, () => rng.next() - 0.5);
    const im = Float64Array.from({ length: n }, () => rng.next() - 0.5);
    const refRe = Float64Array.from(re);
    const refIm = Float64Array.from(im);
    fft(re, im, inverse);
    referenceFft(refRe, refIm, inverse);
    expect(Array.from(re)).toEqual(Array.from(refRe));
    expect(Array.from(im)).toEqual(Array.from(refIm));
  });

  it('refuses a size that is not a power of two', () => {
    expect(() => fft(new Float64Array(12), new Float64Array(12))).toThrow(/power of two/);
  });
});

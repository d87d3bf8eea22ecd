import { describe, expect, it } from 'vitest';
import { forEachFrameDifference } from '../src/pitch/frame-differences.js';
import { betaThresholdPrior, thresholdMass } from '../src/pitch/threshold-prior.js';
import { findCandidates } from '../src/pitch/pitch-candidates.js';
import { normaliseDifference, parabolicOffset } from '../src/pitch/yin-difference.js';
import { noise } from './pitch-signals.js';

/** d(τ) straight from the definition, zero outside the signal. */
function bruteDifference(x: Float32Array, start: number, window: number, tau: number): number {
  const at = (k: number): number => (k >= 0 && k < x.length ? (x[k] as number) : 0);
  let d = 0;
  for (let j = 0; j < window; j++) d += (at(start + j) - at(start + j + tau)) ** 2;
  return d;
}

describe('YIN difference function by FFT', () => {
  // Hops 128/256/512 with W = 1024 sum block correlations; hop 100 correlates whole frames.
  it.each([256, 128, 512, 100])('matches the definition at hop %i, edges included', (hop) => {
    const x = noise(0.3, 0.5, 11);
    const window = 1024;
    const maxLag = 300;
    const frames = Math.floor(x.length / hop) + 1;
    let checked = 0;
    forEachFrameDifference(x, frames, hop, window, maxLag, (t, d) => {
      if (t % 7 !== 0 && t !== frames - 1) return;
      const start = t * hop - window / 2;
      let energy = 0;
      for (let j = 0; j < window; j++) {
        const k = start + j;
        energy += k >= 0 && k < x.length ? (x[k] as number) ** 2 : 0;
      }
      expect(d[0]).toBeCloseTo(energy, 6);
      for (const tau of [1, 2, 37, 150, 299, 300]) {
        expect(d[tau]).toBeCloseTo(bruteDifference(x, start, window, tau), 6);
      }
      checked++;
    });
    expect(checked).toBeGreaterThanOrEqual(3);
  });

  it('normalises to the cumulative mean, and reads 1 for a constant frame', () => {
    const d = Float64Array.from([10, 2, 4, 0, 6]);
    normaliseDifference(d);
    expect([...d]).toEqual([1, 1, (4 * 2) / 6, 0, (6 * 4) / 12]);
    const flat = Float64Array.from([256, 0, 0, 0]);
    normaliseDifference(flat);
    expect([...flat]).toEqual([1, 1, 1, 1]);
  });

  it('finds a parabola vertex', () => {
    // y = (x − 0.3)² sampled at −1, 0, 1.
    expect(parabolicOffset(1.69, 0.09, 0.49)).toBeCloseTo(0.3, 12);
    expect(parabolicOffset(1, 1, 1)).toBe(0);
  });
});

describe('pYIN stage 1', () => {
  it('puts a beta prior with mean 0.15 on thresholds 0.01 … 1', () => {
    const prior = betaThresholdPrior(0.15);
    expect(prior.cumulative[100]).toBeCloseTo(1, 12);
    let mean = 0;
    for (let i = 1; i <= 100; i++) {
      mean += (i / 100) * ((prior.cumulative[i] as number) - (prior.cumulative[i - 1] as number));
    }
    expect(mean).toBeCloseTo(0.15, 2);
    expect(thresholdMass(prior, 0, Infinity)).toBeCloseTo(1, 12);
  });

  it('gives each trough the mass of the thresholds that pick it first', () => {
    const prior = betaThresholdPrior(0.15);
    // Troughs at lag 4 (d′ 0.3) and lag 8 (d′ 0.05): thresholds above 0.3 pick lag 4, thresholds in
    // (0.05, 0.3] pick lag 8, and those ≤ 0.05 give 1 % of their mass to the deepest trough, lag 8.
    const cmnd = Float64Array.from([1, 0.9, 0.8, 0.6, 0.3, 0.5, 0.4, 0.2, 0.05, 0.2, 0.6, 0.9]);
    const got: [number, number][] = [];
    const total = findCandidates(cmnd, 2, 10, 8000, prior, { push: (f, p) => got.push([f, p]) });
    expect(got).toHaveLength(2);
    expect(got[0]?.[1]).toBeCloseTo(thresholdMass(prior, 0.3, Infinity), 12);
    expect(got[1]?.[1]).toBeCloseTo(
      thresholdMass(prior, 0.05, 0.3) + 0.01 * thresholdMass(prior, 0, 0.05),
      12,
    );
    expect(total).toBeCloseTo((got[0]?.[1] ?? 0) + (got[1]?.[1] ?? 0), 12);
    expect(got[0]?.[0]).toBeCloseTo(8000 / (4 + parabolicOffset(0.6, 0.3, 0.5)), 9);
    expect(got[1]?.[0]).toBeCloseTo(8000 / (8 + parabolicOffset(0.2, 0.05, 0.2)), 9);
  });
});

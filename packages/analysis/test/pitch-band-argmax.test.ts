import { describe, expect, it } from 'vitest';
import { createRng } from '@cadenza/core';
import { bandArgMax, sideMaxima } from '../src/pitch/band-argmax.js';

/** The full band scan the pruned search must reproduce: centre first, then below, then above, strict >. */
function fullScan(from: Float64Array, weight: Float64Array, j: number, h: number): number {
  let arg = j;
  let best = (weight[0] as number) * (from[j] as number);
  for (let d = 1; d <= h && j - d >= 0; d++) {
    const s = (weight[d] as number) * (from[j - d] as number);
    if (s > best) [best, arg] = [s, j - d];
  }
  for (let d = 1; d <= h && j + d < from.length; d++) {
    const s = (weight[d] as number) * (from[j + d] as number);
    if (s > best) [best, arg] = [s, j + d];
  }
  return arg;
}

const triangular = (h: number): Float64Array =>
  Float64Array.from({ length: h + 1 }, (_, d) => (h + 1 - d) / ((h + 1) * (h + 1)));

describe('banded Viterbi search (bandArgMax with sideMaxima bounds)', () => {
  // Smooth slopes, plateaus of equal values (ties), zeros and spikes: the shapes a trellis row takes.
  const shapes: Record<string, (i: number, rand: () => number) => number> = {
    random: (_, rand) => rand(),
    plateaus: (i, rand) => (Math.floor(i / 9) % 3 === 0 ? 0.25 : rand() < 0.5 ? 0.5 : 0.25),
    slopes: (i) => Math.exp(-Math.abs(i - 60) / 7),
    spikes: (i, rand) => (rand() < 0.05 ? rand() : 0),
    constant: () => 0.125,
  };
  for (const [name, shape] of Object.entries(shapes)) {
    it.each([15, 1, 4, 40])(`picks exactly the full scan's source (${name}, band ±%i)`, (h) => {
      const rng = createRng(`band-${name}-${h}`);
      const n = 137;
      const from = Float64Array.from({ length: n }, (_, i) => shape(i, () => rng.next()));
      const weight = triangular(h);
      const scratch = [0, 1, 2, 3].map(() => new Float64Array(n)) as [
        Float64Array,
        Float64Array,
        Float64Array,
        Float64Array,
      ];
      const [prefix, suffix, below, above] = scratch;
      sideMaxima(from, h, prefix, suffix, below, above);
      const global = Math.max(...from);
      for (let j = 0; j < n; j++) {
        // The bounds are bounds: at least every value on their side of the band.
        for (let d = 1; d <= h; d++) {
          if (j - d >= 0) expect(below[j]).toBeGreaterThanOrEqual(from[j - d] as number);
          if (j + d < n) expect(above[j]).toBeGreaterThanOrEqual(from[j + d] as number);
        }
        const expected = fullScan(from, weight, j, h);
        expect(bandArgMax(from, weight, j, h, n, below[j] as number, above[j] as number)).toBe(expected);
        expect(bandArgMax(from, weight, j, h, n, global, global)).toBe(expected);
      }
    });
  }
});

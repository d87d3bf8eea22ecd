import { createBlockCorrelations } from './block-correlations.js';
import { createSegmentCorrelator, differenceFromCorrelation } from './yin-difference.js';

/** Smallest block for which summing block correlations beats correlating whole frames. */
const MIN_BLOCK = 64;

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * Calls `visit(t, d)` for frames t = 0…frames−1 in order, where frame t integrates samples
 * t·hop − ⌊W/2⌋ … +W−1 (so it is centred on sample t·hop) and `d` holds its difference function
 * (index 0 = window energy; see `differenceFromCorrelation`). `d` is reused between calls.
 *
 * When hop and W share a block size B ≥ 64, each frame's correlation is the sum of its W/B blocks'
 * correlations, and every block is transformed once rather than once per overlapping frame (about one
 * FFT of B + maxLag points per block instead of 1.5 of W + maxLag per frame).
 */
export function forEachFrameDifference(
  samples: Float32Array,
  frames: number,
  hop: number,
  window: number,
  maxLag: number,
  visit: (t: number, d: Float64Array) => void,
): void {
  const origin = -Math.floor(window / 2);
  const prefix = new Float64Array(window + maxLag + 1);
  const block = gcd(hop, window);
  if (block >= MIN_BLOCK) {
    const perFrame = window / block;
    const step = hop / block;
    const blocks = createBlockCorrelations(samples, origin, block, maxLag, perFrame);
    const d = new Float64Array(maxLag + 1);
    for (let t = 0; t < frames; t++) {
      const first = t * step;
      const last = first + perFrame - 1;
      // Summed left to right (the same additions in the same order however the passes are grouped).
      const c0 = blocks.get(first);
      if (perFrame === 4) {
        // The default (W = 1024, hop 256): one pass over the lags.
        const c1 = blocks.get(first + 1);
        const c2 = blocks.get(first + 2);
        const c3 = blocks.get(first + 3);
        for (let tau = 0; tau <= maxLag; tau++) {
          d[tau] = (c0[tau] as number) + (c1[tau] as number) + (c2[tau] as number) + (c3[tau] as number);
        }
      } else {
        d.set(c0);
        let k = first + 1;
        for (; k + 1 <= last; k += 2) {
          const c = blocks.get(k);
          const e = blocks.get(k + 1);
          for (let tau = 0; tau <= maxLag; tau++)
            d[tau] = (d[tau] as number) + (c[tau] as number) + (e[tau] as number);
        }
        if (k <= last) {
          const c = blocks.get(k);
          for (let tau = 0; tau <= maxLag; tau++) d[tau] = (d[tau] as number) + (c[tau] as number);
        }
      }
      differenceFromCorrelation(samples, origin + t * hop, window, d, prefix);
      visit(t, d);
    }
    return;
  }
  const correlator = createSegmentCorrelator(window, maxLag);
  const dA = new Float64Array(maxLag + 1);
  const dB = new Float64Array(maxLag + 1);
  for (let t = 0; t < frames; t += 2) {
    const sA = origin + t * hop;
    const sB = sA + hop;
    const both = t + 1 < frames;
    if (both) correlator.pair(samples, sA, dA, sB, dB);
    else correlator.pair(samples, sA, dA);
    differenceFromCorrelation(samples, sA, window, dA, prefix);
    visit(t, dA);
    if (both) {
      differenceFromCorrelation(samples, sB, window, dB, prefix);
      visit(t + 1, dB);
    }
  }
}

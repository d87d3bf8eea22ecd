// bench:learning statistics: means, spreads, medians and a seeded bootstrap of a paired mean difference.

export const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

/** Sample standard deviation (n − 1). */
export function sd(xs) {
  if (xs.length < 2) return NaN;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
}

/** The q-quantile (0–1) by linear interpolation between order statistics. */
export function quantile(xs, q) {
  if (!xs.length) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const at = q * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

export const median = (xs) => quantile(xs, 0.5);

/**
 * Percentile bootstrap confidence interval of the mean of `xs` (paired differences): `resamples` means of
 * resamples with replacement drawn with the given core Rng; returns [low, high] at `level` (0.95).
 */
export function bootstrapMeanCi(xs, rng, { resamples = 4000, level = 0.95 } = {}) {
  const n = xs.length;
  const means = new Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += xs[Math.floor(rng.next() * n)];
    means[r] = sum / n;
  }
  const tail = (1 - level) / 2;
  return [quantile(means, tail), quantile(means, 1 - tail)];
}

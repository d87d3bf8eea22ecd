/**
 * pYIN's prior over YIN thresholds: a beta distribution (α = 2, β chosen for the requested mean)
 * sampled at thresholds 0.01, 0.02, …, 1.00 and normalised. `cumulative[i]` is the mass of the
 * thresholds ≤ (i / 100), so the mass of a threshold interval is one subtraction.
 */
export interface ThresholdPrior {
  /** cumulative[i] = Σ P(s) over thresholds s = 0.01·k, k = 1…i; cumulative[0] = 0, cumulative[100] = 1. */
  readonly cumulative: Float64Array;
}

export const THRESHOLD_STEPS = 100;

export function betaThresholdPrior(mean = 0.15, alpha = 2): ThresholdPrior {
  if (!(mean > 0 && mean < 1)) throw new RangeError(`threshold mean must lie in (0, 1), got ${mean}`);
  const beta = (alpha * (1 - mean)) / mean;
  const weights = new Float64Array(THRESHOLD_STEPS + 1);
  let total = 0;
  for (let i = 1; i <= THRESHOLD_STEPS; i++) {
    const s = i / THRESHOLD_STEPS;
    const w = s ** (alpha - 1) * (1 - s + 1e-12) ** (beta - 1);
    weights[i] = w;
    total += w;
  }
  const cumulative = new Float64Array(THRESHOLD_STEPS + 1);
  for (let i = 1; i <= THRESHOLD_STEPS; i++) {
    cumulative[i] = (cumulative[i - 1] as number) + (weights[i] as number) / total;
  }
  return { cumulative };
}

/** Mass of the thresholds s with low < s ≤ high (both in [0, 1]; high may be Infinity). */
export function thresholdMass(prior: ThresholdPrior, low: number, high: number): number {
  const lo = Math.min(THRESHOLD_STEPS, Math.max(0, Math.floor(low * THRESHOLD_STEPS + 1e-9)));
  const hi = Math.min(THRESHOLD_STEPS, Math.max(0, Math.floor(high * THRESHOLD_STEPS + 1e-9)));
  if (hi <= lo) return 0;
  return (prior.cumulative[hi] as number) - (prior.cumulative[lo] as number);
}

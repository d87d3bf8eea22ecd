/**
 * How the player's clock maps onto the exercise's: a straight line (their tempo and start offset),
 * found by voting so that missed, extra and wrong notes cannot pull it, then refined on the matched
 * notes; and a local correction for gradual drift (rushing, dragging).
 */

/** played seconds ≈ startOffset + stretch × expected seconds. */
export interface LinearMap {
  readonly stretch: number;
  readonly startOffset: number;
}

export const mapTime = (map: LinearMap, expectedSeconds: number): number =>
  map.startOffset + map.stretch * expectedSeconds;

/** A pair of onsets believed to be the same note: expected seconds, played seconds. */
export interface OnsetPair {
  readonly expected: number;
  readonly played: number;
}

/** Vote window: pairs whose implied start offsets fall within this many seconds agree. */
const VOTE_WIDTH = 0.1;
/** Longest stretch of expected time, seconds, whose pairs vote (the refit covers the rest). */
const VOTE_SPAN = 30;

/**
 * The straight line most same-pitch (expected, played) onset pairs agree on: for each stretch on a
 * grid within `range`, the start offsets the pairs imply are sorted and the densest `VOTE_WIDTH`
 * slice wins. Coarse to fine: a 2 % grid with slices wide enough for its steps, then a grid fine
 * enough that a step moves the far end of the span by ~30 ms around the three best coarse stretches.
 * Undefined when no pair exists.
 */
export function voteLinearMap(
  pairs: readonly OnsetPair[],
  range: readonly [number, number],
): LinearMap | undefined {
  if (pairs.length === 0) return undefined;
  const first = Math.min(...pairs.map((p) => p.expected));
  const voters = pairs.filter((p) => p.expected - first <= VOTE_SPAN);
  const span = Math.max(Math.max(...voters.map((p) => p.expected)) - first, 1e-3);
  const offsets = new Float64Array(voters.length);
  const vote = (stretch: number, width: number): Vote => {
    voters.forEach((p, i) => (offsets[i] = p.played - stretch * p.expected));
    return densest(offsets.sort(), width, stretch);
  };
  const coarse: Vote[] = [];
  for (let stretch = range[0]; stretch <= range[1] * 1.0001; stretch *= COARSE_STEP) {
    coarse.push(vote(stretch, VOTE_WIDTH + (COARSE_STEP - 1) * span));
  }
  coarse.sort(better);
  const fineStep = 1 + Math.min(0.01, Math.max(0.001, 0.03 / span));
  let best: Vote | undefined;
  for (const seed of coarse.slice(0, 3)) {
    const low = Math.max(range[0], seed.map.stretch / COARSE_STEP);
    const high = Math.min(range[1], seed.map.stretch * COARSE_STEP);
    for (let stretch = low; stretch <= high * 1.0001; stretch *= fineStep) {
      const v = vote(stretch, VOTE_WIDTH);
      if (!best || better(v, best) < 0) best = v;
    }
  }
  return best?.map;
}

const COARSE_STEP = 1.02;

interface Vote {
  readonly count: number;
  readonly spread: number;
  readonly map: LinearMap;
}

/** More votes first, then the tighter slice. */
const better = (a: Vote, b: Vote): number => b.count - a.count || a.spread - b.spread;

/** The densest `width` slice of sorted offsets: its size, its spread and its middle offset. */
function densest(sorted: Float64Array, width: number, stretch: number): Vote {
  let best: Vote = { count: 0, spread: Infinity, map: { stretch, startOffset: 0 } };
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    while ((sorted[hi] as number) - (sorted[lo] as number) > width) lo++;
    const count = hi - lo + 1;
    const spread = (sorted[hi] as number) - (sorted[lo] as number);
    if (count > best.count || (count === best.count && spread < best.spread)) {
      const mid = sorted[lo + Math.floor((hi - lo) / 2)] as number;
      best = { count, spread, map: { stretch, startOffset: mid } };
    }
  }
  return best;
}

/**
 * Least-squares line through the pairs, twice: all pairs, then those within 3 robust deviations
 * (at least 60 ms) of the first line. One pair only shifts the start; none keeps `fallback`.
 */
export function fitLinearMap(pairs: readonly OnsetPair[], fallback: LinearMap): LinearMap {
  if (pairs.length === 0) return fallback;
  if (pairs.length === 1 || spanOf(pairs) < 0.05) {
    const offsets = pairs.map((q) => q.played - fallback.stretch * q.expected);
    return { stretch: fallback.stretch, startOffset: median(offsets) };
  }
  let map = leastSquares(pairs);
  const residuals = pairs.map((p) => Math.abs(p.played - mapTime(map, p.expected)));
  const limit = Math.max(0.06, 3 * 1.4826 * median(residuals));
  const kept = pairs.filter((_, i) => (residuals[i] as number) <= limit);
  if (kept.length >= 2 && spanOf(kept) >= 0.05) map = leastSquares(kept);
  return map;
}

/** Neighbours whose residuals set a note's drift correction. */
const DRIFT_NEIGHBOURS = 12;
/**
 * Steepest local drift line, seconds per second against the straight line: a player drifting 3 % from
 * their average tempo. Bounds how far a noisy line through one-sided neighbours can reach at the ends.
 */
const MAX_DRIFT_SLOPE = 0.03;

/**
 * The drift correction (seconds) at each expected onset in `at`: a Theil–Sen line through the residuals
 * from `map` of the `DRIFT_NEIGHBOURS` pairs nearest in expected time, read at the note, leaving out the
 * pair at `exclude[i]` (the note's own, so that a late note cannot excuse itself). A line rather than a
 * median so that the first and last notes of a rushed take are not judged against one-sided neighbours.
 * Zero with fewer than 3 other pairs.
 */
export function driftCorrections(
  pairs: readonly OnsetPair[],
  map: LinearMap,
  at: readonly number[],
  exclude: readonly (number | undefined)[],
): number[] {
  const residual = pairs.map((p) => p.played - mapTime(map, p.expected));
  return at.map((t, i) => {
    const near = pairs
      .map((p, k) => ({ k, d: Math.abs(p.expected - t) }))
      .filter((c) => c.k !== exclude[i])
      .sort((a, b) => a.d - b.d)
      .slice(0, DRIFT_NEIGHBOURS);
    if (near.length < 3) return 0;
    // Theil–Sen line through the neighbours' residuals, read at this note.
    const xs = near.map((c) => (pairs[c.k] as OnsetPair).expected);
    const ys = near.map((c) => residual[c.k] as number);
    const slopes: number[] = [];
    for (let a = 0; a < xs.length; a++) {
      for (let b = a + 1; b < xs.length; b++) {
        const dx = (xs[b] as number) - (xs[a] as number);
        if (Math.abs(dx) > 1e-6) slopes.push(((ys[b] as number) - (ys[a] as number)) / dx);
      }
    }
    const slope = slopes.length ? Math.max(-MAX_DRIFT_SLOPE, Math.min(MAX_DRIFT_SLOPE, median(slopes))) : 0;
    return median(ys.map((y, k) => y - slope * ((xs[k] as number) - t)));
  });
}

function leastSquares(pairs: readonly OnsetPair[]): LinearMap {
  const n = pairs.length;
  const mx = pairs.reduce((s, p) => s + p.expected, 0) / n;
  const my = pairs.reduce((s, p) => s + p.played, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of pairs) {
    sxy += (p.expected - mx) * (p.played - my);
    sxx += (p.expected - mx) ** 2;
  }
  const stretch = sxy / sxx;
  return { stretch, startOffset: my - stretch * mx };
}

const spanOf = (pairs: readonly OnsetPair[]): number =>
  Math.max(...pairs.map((p) => p.expected)) - Math.min(...pairs.map((p) => p.expected));

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

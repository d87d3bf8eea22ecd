/**
 * The Viterbi step's band search: which source state, within the largest pitch move, best reaches a
 * target state under triangular transition weights. Pruned with upper bounds, so the result is exactly
 * that of scanning the whole band.
 */

/**
 * The source bin i within h of target j (and inside 0…n−1) maximising weight[|i − j|] · from[i]; ties go
 * to j, then the nearest bin below, then the nearest above. `leftBound` / `rightBound` are upper bounds
 * on `from` over the band's bins below / above j (see `sideMaxima`): `weight` falls with distance and
 * rounding is monotone, so once weight[d] · bound ≤ best no farther bin on that side can win, and the
 * scan stops early with the same answer (and the same tie-break) as a full scan. Needs `from` ≥ 0 and
 * `weight` ≥ 0, non-increasing in distance.
 */
export function bandArgMax(
  from: Float64Array,
  weight: Float64Array,
  j: number,
  h: number,
  n: number,
  leftBound: number,
  rightBound: number,
): number {
  let arg = j;
  let best = (weight[0] as number) * (from[j] as number);
  const left = j < h ? j : h;
  const right = n - 1 - j < h ? n - 1 - j : h;
  for (let d = 1; d <= left; d += 2) {
    // One bound check covers bins d and d + 1 (weight[d + 1] ≤ weight[d]).
    const w = weight[d] as number;
    if (w * leftBound <= best) break;
    const s = w * (from[j - d] as number);
    if (s > best) {
      best = s;
      arg = j - d;
    }
    if (d < left) {
      const s2 = (weight[d + 1] as number) * (from[j - d - 1] as number);
      if (s2 > best) {
        best = s2;
        arg = j - d - 1;
      }
    }
  }
  for (let d = 1; d <= right; d += 2) {
    // One bound check covers bins d and d + 1 (weight[d + 1] ≤ weight[d]).
    const w = weight[d] as number;
    if (w * rightBound <= best) break;
    const s = w * (from[j + d] as number);
    if (s > best) {
      best = s;
      arg = j + d;
    }
    if (d < right) {
      const s2 = (weight[d + 1] as number) * (from[j + d + 1] as number);
      if (s2 > best) {
        best = s2;
        arg = j + d + 1;
      }
    }
  }
  return arg;
}

/**
 * Upper bounds on `from` over the h bins below and the h bins above each bin (clipped at the edges),
 * in O(n) after van Herk / Gil-Werman: prefix and suffix maxima within blocks of h bins, so a stretch
 * of ≤ h bins lies within the suffix of its first bin's block and the prefix of its last bin's block
 * (exactly its maximum when it crosses a block boundary). `prefix` and `suffix` are scratch of length n.
 */
export function sideMaxima(
  from: Float64Array,
  h: number,
  prefix: Float64Array,
  suffix: Float64Array,
  below: Float64Array,
  above: Float64Array,
): void {
  const n = from.length;
  if (h < 1) return;
  for (let first = 0; first < n; first += h) {
    const end = first + h < n ? first + h : n;
    let p = from[first] as number;
    let s = from[end - 1] as number;
    for (let i = first; i < end; i++) {
      const v = from[i] as number;
      if (v > p) p = v;
      prefix[i] = p;
    }
    for (let i = end - 1; i >= first; i--) {
      const v = from[i] as number;
      if (v > s) s = v;
      suffix[i] = s;
    }
  }
  for (let j = 0; j < n; j++) {
    // Below: bins max(0, j − h) … j − 1; above: j + 1 … min(n − 1, j + h).
    if (j === 0) below[j] = 0;
    else {
      const a = j - h > 0 ? j - h : 0;
      const x = suffix[a] as number;
      const y = prefix[j - 1] as number;
      below[j] = x > y ? x : y;
    }
    if (j === n - 1) above[j] = 0;
    else {
      const b = j + h < n - 1 ? j + h : n - 1;
      const x = suffix[j + 1] as number;
      const y = prefix[b] as number;
      above[j] = x > y ? x : y;
    }
  }
}

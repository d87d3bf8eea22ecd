/**
 * Maximum-cardinality bipartite matching (Hopcroft–Karp: a greedy start, then phases of
 * breadth-first layering from the free left vertices and depth-first search back from the free
 * right vertices along vertex-disjoint shortest augmenting paths).
 *
 * When several maximum matchings exist, which one comes out depends on the traversal order; this
 * one visits left vertices in the adjacency map's insertion order and each neighbour list in
 * order, the same order mir_eval's matcher uses, so metrics over the matched pairs (overlap
 * ratio) agree with it exactly. Map insertion order is load-bearing here.
 *
 * @param adjacency left vertex → its right neighbours, in the order they should be tried
 * @returns right vertex → left vertex, for every matched pair
 */
export function maximumMatching(adjacency: ReadonlyMap<number, readonly number[]>): Map<number, number> {
  const leftOf = new Map<number, number>();
  for (const [left, rights] of adjacency) {
    const free = rights.find((r) => !leftOf.has(r));
    if (free !== undefined) leftOf.set(free, left);
  }
  while (augmentOnce(adjacency, leftOf));
  return leftOf;
}

/** Marks a left vertex that starts a layer (it is free, so an augmenting path may end there). */
const FREE = -1;

/** One Hopcroft–Karp phase; returns false once no augmenting path is left. */
function augmentOnce(
  adjacency: ReadonlyMap<number, readonly number[]>,
  leftOf: Map<number, number>,
): boolean {
  // Right vertex → the left vertices of the previous layer that reach it.
  const reachedFrom = new Map<number, number[]>();
  // Left vertex → the right vertex it is matched to in the layer before it, or FREE in layer 0.
  const cameFrom = new Map<number, number>();
  const freeRights: number[] = [];
  for (const left of adjacency.keys()) cameFrom.set(left, FREE);
  for (const left of leftOf.values()) cameFrom.delete(left);
  let layer = [...cameFrom.keys()];

  while (layer.length > 0 && freeRights.length === 0) {
    const next = new Map<number, number[]>();
    for (const left of layer) {
      for (const right of adjacency.get(left) ?? []) {
        if (reachedFrom.has(right)) continue;
        const from = next.get(right);
        if (from) from.push(left);
        else next.set(right, [left]);
      }
    }
    layer = [];
    for (const [right, from] of next) {
      reachedFrom.set(right, from);
      const partner = leftOf.get(right);
      if (partner === undefined) {
        freeRights.push(right);
      } else {
        layer.push(partner);
        cameFrom.set(partner, right);
      }
    }
  }
  if (freeRights.length === 0) return false;

  const augmentFrom = (right: number): boolean => {
    const from = reachedFrom.get(right);
    if (!from) return false;
    reachedFrom.delete(right);
    for (const left of from) {
      const previous = cameFrom.get(left);
      if (previous === undefined) continue;
      cameFrom.delete(left);
      if (previous === FREE || augmentFrom(previous)) {
        leftOf.set(right, left);
        return true;
      }
    }
    return false;
  };
  for (const right of freeRights) augmentFrom(right);
  return true;
}

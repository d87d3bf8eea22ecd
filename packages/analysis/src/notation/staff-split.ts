/**
 * Piano hands: which notes go on the treble staff (1, right hand) and which on the bass staff (2, left
 * hand). Middle C is the default split, but the split moves with the music: each hand remembers where
 * it last played (drifting back to its home register while it rests), each chord is cut where the two
 * hands' distances to their notes plus a pull toward their own side of middle C are least, and a hand
 * is not asked to span more than a tenth. So a melody that dips below middle C stays on its staff.
 */

/** Notes starting together (one notated position). */
export interface OnsetCluster {
  /** Position in quarter notes. */
  readonly position: number;
  readonly midis: readonly number[];
}

const RIGHT_HOME = 67;
const LEFT_HOME = 48;
/** Quarter notes for a resting hand's memory to drift halfway home. */
const MEMORY = 8;
const SPAN = 16;

const sideCost = (midi: number, right: boolean): number =>
  right ? Math.max(0, 57 - midi) * 1.5 : Math.max(0, midi - 64) * 1.5;

function handCost(midis: readonly number[], reference: number, right: boolean): number {
  if (midis.length === 0) return 0;
  const span = (midis[midis.length - 1] as number) - (midis[0] as number);
  let cost = Math.max(0, span - SPAN) * 4;
  for (const m of midis) cost += Math.abs(m - reference) * 0.5 + sideCost(m, right);
  return cost;
}

/** Staff (1 or 2) of every note, cluster by cluster, in each cluster's `midis` order. */
export function splitStaves(clusters: readonly OnsetCluster[]): number[][] {
  let right = { pitch: RIGHT_HOME, at: -Infinity };
  let left = { pitch: LEFT_HOME, at: -Infinity };
  const recall = (hand: { pitch: number; at: number }, home: number, now: number): number => {
    const keep = Number.isFinite(hand.at) ? 0.5 ** ((now - hand.at) / MEMORY) : 0;
    return home + (hand.pitch - home) * keep;
  };
  return clusters.map((c) => {
    const sorted = [...c.midis].sort((a, b) => a - b);
    const rightRef = recall(right, RIGHT_HOME, c.position);
    const leftRef = recall(left, LEFT_HOME, c.position);
    let best = 0;
    let bestCost = Infinity;
    for (let cut = 0; cut <= sorted.length; cut++) {
      const low = sorted.slice(0, cut);
      const high = sorted.slice(cut);
      const cost = handCost(low, leftRef, false) + handCost(high, rightRef, true);
      if (cost < bestCost - 1e-9) {
        bestCost = cost;
        best = cut;
      }
    }
    const cutPitch = best < sorted.length ? (sorted[best] as number) : Infinity;
    const low = sorted.slice(0, best);
    const high = sorted.slice(best);
    if (high.length > 0) right = { pitch: high[high.length - 1] as number, at: c.position };
    if (low.length > 0) left = { pitch: low[0] as number, at: c.position };
    // Equal pitches on both sides cannot happen: a cut separates sorted values, ties go to the right.
    return c.midis.map((m) => (m >= cutPitch ? 1 : 2));
  });
}

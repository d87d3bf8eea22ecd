/**
 * Pairing expected notes with played ones once a time map predicts when each expected note should
 * sound. Notes of one pitch are played in order, so each pitch is aligned on its own by an
 * order-keeping dynamic programme (repeated notes, chords and stutters fall out of it); what is
 * left is paired across pitches, nearest in time, as wrong notes.
 */

/** An expected note where the player's clock says it should sound. */
export interface PredictedNote {
  readonly index: number;
  readonly midi: number;
  /** Seconds on the player's clock. */
  readonly time: number;
  /** Largest onset error (seconds) that can still be this note. */
  readonly reach: number;
  /** Seconds (player's clock) to the nearest other expected onset. */
  readonly gap: number;
}

export interface PlayedOnset {
  readonly index: number;
  readonly midi: number;
  readonly onset: number;
}

/** expected index → played index. */
export type NotePairing = Map<number, number>;

/**
 * Pairs in order from two time-sorted lists, each item used once, maximising the number of pairs
 * and then their closeness. `cost(i, j)` is in (-1, 0) for an allowed pair, undefined otherwise.
 */
export function monotoneMatch(
  left: number,
  right: number,
  cost: (i: number, j: number) => number | undefined,
): [number, number][] {
  const width = right + 1;
  const table = new Float64Array((left + 1) * width);
  const move = new Uint8Array((left + 1) * width); // 1 skip left, 2 skip right, 3 pair
  for (let i = 1; i <= left; i++) move[i * width] = 1;
  for (let j = 1; j <= right; j++) move[j] = 2;
  for (let i = 1; i <= left; i++) {
    for (let j = 1; j <= right; j++) {
      const at = i * width + j;
      let best = table[at - width] as number;
      let how = 1;
      const skipRight = table[at - 1] as number;
      if (skipRight < best) [best, how] = [skipRight, 2];
      const c = cost(i - 1, j - 1);
      if (c !== undefined) {
        const paired = (table[at - width - 1] as number) + c;
        if (paired < best) [best, how] = [paired, 3];
      }
      table[at] = best;
      move[at] = how;
    }
  }
  const pairs: [number, number][] = [];
  for (let i = left, j = right; i > 0 || j > 0;) {
    const how = move[i * width + j];
    if (how === 3) pairs.push([--i, --j]);
    else if (how === 1) i--;
    else j--;
  }
  return pairs.reverse();
}

/** Same-pitch pairing: each pitch aligned separately, in time order. */
export function pairSamePitch(
  expected: readonly PredictedNote[],
  played: readonly PlayedOnset[],
): NotePairing {
  const pairing: NotePairing = new Map();
  const byPitch = new Map<number, { e: PredictedNote[]; p: PlayedOnset[] }>();
  const slot = (midi: number) => {
    let s = byPitch.get(midi);
    if (!s) byPitch.set(midi, (s = { e: [], p: [] }));
    return s;
  };
  for (const e of expected) slot(e.midi).e.push(e);
  for (const p of played) slot(p.midi).p.push(p);
  for (const { e, p } of byPitch.values()) {
    if (e.length === 0 || p.length === 0) continue;
    e.sort((a, b) => a.time - b.time);
    p.sort((a, b) => a.onset - b.onset);
    for (const [i, j] of monotoneMatch(e.length, p.length, (i, j) => {
      const x = e[i] as PredictedNote;
      return closeness((p[j] as PlayedOnset).onset - x.time, x.reach);
    })) {
      pairing.set((e[i] as PredictedNote).index, (p[j] as PlayedOnset).index);
    }
  }
  return pairing;
}

/**
 * Wrong notes: expected notes left unpaired meet played notes left unpaired, in time order, when a
 * played note falls within the expected note's reach; nearer pitches win ties.
 */
export function pairWrongPitch(
  expected: readonly PredictedNote[],
  played: readonly PlayedOnset[],
): NotePairing {
  const e = [...expected].sort((a, b) => a.time - b.time || a.midi - b.midi);
  const p = [...played].sort((a, b) => a.onset - b.onset || a.midi - b.midi);
  const pairing: NotePairing = new Map();
  for (const [i, j] of monotoneMatch(e.length, p.length, (i, j) => {
    const x = e[i] as PredictedNote;
    const y = p[j] as PlayedOnset;
    const c = closeness(y.onset - x.time, x.reach);
    return c === undefined ? undefined : c + 0.01 * Math.min(Math.abs(y.midi - x.midi), 12);
  })) {
    pairing.set((e[i] as PredictedNote).index, (p[j] as PlayedOnset).index);
  }
  return pairing;
}

/** -1 for a perfect hit rising to -0.5 at the edge of reach; undefined beyond it. */
function closeness(error: number, reach: number): number | undefined {
  return Math.abs(error) <= reach ? -1 + 0.5 * (error / reach) ** 2 : undefined;
}

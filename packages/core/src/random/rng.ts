/**
 * A seeded pseudo-random generator (SplitMix32 seeding a xoshiro128** state). Everything generative
 * in Cadenza takes one of these, so a piece is reproducible from (request, seed). No global state.
 */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] inclusive. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** A uniformly chosen element; throws on an empty list. */
  pick<T>(items: readonly T[]): T;
  /** An element chosen with the given non-negative weights. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** A shuffled copy. */
  shuffle<T>(items: readonly T[]): T[];
  /** An independent generator derived from this one (for sub-tasks that must not disturb the parent). */
  fork(): Rng;
}

function splitMix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Hashes a string seed (e.g. a request id) to 32 bits (FNV-1a). */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function createRng(seed: number | string): Rng {
  const init = splitMix32(typeof seed === 'string' ? hashSeed(seed) : seed);
  const s: number[] = [init(), init(), init(), init()];
  if (!s.some((x) => x !== 0)) s[0] = 1;
  const rotl = (x: number, k: number): number => ((x << k) | (x >>> (32 - k))) >>> 0;
  const nextU32 = (): number => {
    const [a, b, c, d] = s as [number, number, number, number];
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    const c2 = (c ^ a) >>> 0;
    const d2 = (d ^ b) >>> 0;
    s[1] = (b ^ c2) >>> 0;
    s[0] = (a ^ d2) >>> 0;
    s[2] = (c2 ^ t) >>> 0;
    s[3] = rotl(d2, 11);
    return result;
  };
  const rng: Rng = {
    next: () => nextU32() / 0x1_0000_0000,
    int(min, max) {
      if (max < min) throw new RangeError(`int(${min}, ${max}): max is below min`);
      return min + Math.floor(rng.next() * (max - min + 1));
    },
    chance: (p) => rng.next() < p,
    pick(items) {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(rng.next() * items.length)] as (typeof items)[number];
    },
    weighted(items, weights) {
      const total = weights.reduce((a, b) => a + b, 0);
      if (items.length === 0 || items.length !== weights.length || !(total > 0)) {
        throw new RangeError('weighted pick needs as many positive weights as items');
      }
      let r = rng.next() * total;
      for (let i = 0; i < items.length; i++) {
        r -= weights[i] ?? 0;
        if (r < 0) return items[i] as (typeof items)[number];
      }
      return items[items.length - 1] as (typeof items)[number];
    },
    shuffle(items) {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(rng.next() * (i + 1));
        [out[i], out[j]] = [out[j] as (typeof out)[number], out[i] as (typeof out)[number]];
      }
      return out;
    },
    fork: () => createRng(nextU32()),
  };
  return rng;
}

import { keyName } from '@cadenza/core';
import type { ArrangeRequest, Progression, ProgressionProposer } from '@cadenza/pedagogy';

/**
 * Remembers proposed progressions, least recently used out first. The key is (genre, description, key)
 * plus what else shapes the progression: application, meter, bars, and — for the seeded rules — the
 * seed, so a cached answer is always the one the proposer would give again. A language-model proposer
 * (later) is what this saves real time and money for.
 */
export interface ProgressionCache {
  /** The cached proposal for `key`, else `make()`'s, remembered. */
  lookup(key: string, make: () => Progression | undefined): Progression | undefined;
  size(): number;
  /** Lookups answered from the cache. */
  hits(): number;
}

export function progressionCacheKey(request: ArrangeRequest, description: string, seed: number): string {
  return JSON.stringify([
    request.genre,
    description.trim().toLowerCase().replace(/\s+/g, ' '),
    keyName(request.key),
    request.application.id,
    `${request.meter.beats}/${request.meter.beatType}`,
    request.bars,
    seed,
  ]);
}

export function createProgressionCache(capacity = 500): ProgressionCache {
  const entries = new Map<string, Progression | undefined>();
  let hits = 0;
  return {
    lookup(key, make) {
      if (entries.has(key)) {
        hits++;
        const found = entries.get(key);
        entries.delete(key);
        entries.set(key, found);
        return found;
      }
      const made = make();
      entries.set(key, made);
      if (entries.size > capacity) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      return made;
    },
    size: () => entries.size,
    hits: () => hits,
  };
}

/** `inner` answering through the cache under `key` (one request's key). */
export function cachingProposer(
  inner: ProgressionProposer,
  cache: ProgressionCache,
  key: string,
): ProgressionProposer {
  return {
    method: inner.method,
    propose: (request, rng) => cache.lookup(key, () => inner.propose(request, rng)),
  };
}

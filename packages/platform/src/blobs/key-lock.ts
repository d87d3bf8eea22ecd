/**
 * Runs async work one at a time per key (within this process). The disk store holds it per SHA-256 while
 * it links or unlinks content, so a put() and a delete() of identical content cannot interleave
 * (delete seeing no owner and unlinking the file a concurrent put() just claimed).
 */
export function createKeyLock(): <T>(key: string, work: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return async <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(work, work);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    try {
      return await run;
    } finally {
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}

/**
 * Runs tasks one at a time per key (a user id), in the order they were queued: a read-modify-write of a
 * student's learning document (a graded attempt and a check-off arriving together) cannot lose either
 * write within this process. Several server processes sharing one database can still interleave; see
 * README.md ("Concurrency").
 */
export interface PerUserQueue {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

export function createPerUserQueue(): PerUserQueue {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, task: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      const next = previous.then(task, task);
      const tail = next.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      // Forget the key once nothing else is queued behind this task, so the map does not grow.
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return next;
    },
  };
}

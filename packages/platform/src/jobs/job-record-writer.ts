import type { JobPatch, JobStore } from './job-store.js';

interface Entry {
  pending: JobPatch | undefined;
  waiters: { resolve: () => void; reject: (error: unknown) => void }[];
  /** The write loop, while it runs. */
  draining: Promise<void> | undefined;
}

/**
 * Writes job patches to a store one at a time per job, in order, merging patches that arrive while a
 * write is under way: a burst of progress reports costs a database only a few writes, and a late
 * progress write can never overwrite a final state. Stamps `updatedAt`.
 */
export class JobRecordWriter {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly store: JobStore) {}

  /** Resolves once this patch (perhaps merged with later ones) is stored. */
  write(id: string, patch: JobPatch): Promise<void> {
    const stamped: JobPatch = { ...patch, updatedAt: new Date().toISOString() };
    let entry = this.entries.get(id);
    if (!entry) this.entries.set(id, (entry = { pending: undefined, waiters: [], draining: undefined }));
    entry.pending = { ...entry.pending, ...stamped };
    const done = new Promise<void>((resolve, reject) => entry.waiters.push({ resolve, reject }));
    entry.draining ??= this.drain(id, entry);
    return done;
  }

  /** Resolves once every write started so far is stored (or failed). */
  async flush(): Promise<void> {
    while (this.entries.size > 0)
      await Promise.all([...this.entries.values()].map((e) => e.draining ?? Promise.resolve()));
  }

  private async drain(id: string, entry: Entry): Promise<void> {
    // Let the caller's synchronous code finish (and merge its patches) before the first write.
    await Promise.resolve();
    while (entry.pending) {
      const patch = entry.pending;
      const waiters = entry.waiters;
      entry.pending = undefined;
      entry.waiters = [];
      try {
        await this.store.update(id, patch);
        for (const w of waiters) w.resolve();
      } catch (error) {
        for (const w of waiters) w.reject(error);
      }
    }
    this.entries.delete(id);
  }
}

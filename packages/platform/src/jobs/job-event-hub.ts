import type { JobEvent } from '@cadenza/contracts';
import type { JobListener } from './job-queue.js';

/** Listeners per job id. A listener that throws is reported, never allowed to break the queue. */
export class JobEventHub {
  private readonly listeners = new Map<string, Set<JobListener>>();

  constructor(private readonly onListenerError: (error: unknown) => void) {}

  subscribe(id: string, listener: JobListener): () => void {
    let set = this.listeners.get(id);
    if (!set) this.listeners.set(id, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(id) === set) this.listeners.delete(id);
    };
  }

  emit(id: string, event: JobEvent): void {
    for (const listener of [...(this.listeners.get(id) ?? [])]) {
      try {
        listener(event);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  /** Forgets every listener (on close). */
  clear(): void {
    this.listeners.clear();
  }
}

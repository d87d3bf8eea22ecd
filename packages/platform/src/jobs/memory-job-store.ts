import { jobRecordOf, type JobStore, type PersistedJob } from './job-store.js';
import type { JobRecord } from '@cadenza/contracts';

/** Keeps jobs in a Map: for tests and the single-process default. Nothing survives a restart. */
export function createMemoryJobStore(): JobStore {
  const jobs = new Map<string, PersistedJob>();
  const byAge = (a: JobRecord, b: JobRecord): number => a.createdAt.localeCompare(b.createdAt);
  return {
    persistent: false,
    create(job) {
      if (jobs.has(job.id)) return Promise.reject(new Error(`a job with id '${job.id}' already exists`));
      jobs.set(job.id, structuredClone(job));
      return Promise.resolve();
    },
    get(id) {
      const job = jobs.get(id);
      return Promise.resolve(job ? structuredClone(jobRecordOf(job)) : undefined);
    },
    update(id, patch) {
      const job = jobs.get(id);
      if (job) jobs.set(id, structuredClone({ ...job, ...patch }));
      return Promise.resolve(job !== undefined);
    },
    listByOwner(ownerId, options = {}) {
      const owned = [...jobs.values()].filter((j) => j.ownerId === ownerId).sort((a, b) => byAge(b, a));
      return Promise.resolve(owned.slice(0, options.limit ?? 50).map((j) => structuredClone(jobRecordOf(j))));
    },
    listByStatus(statuses) {
      const found = [...jobs.values()].filter((j) => statuses.includes(j.status)).sort(byAge);
      return Promise.resolve(found.map((j) => structuredClone(j)));
    },
  };
}

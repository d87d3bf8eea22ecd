import type { Selectable } from 'kysely';
import { newId } from '../ids.js';
import { fromJsonText, toJsonText, type JsonValue } from '../json.js';
import type { EpochMs, JobsTable, StoredJobStatus } from '../schema.js';
import { pageSize, type RepositoryContext } from './context.js';

/** A long piece of work (transcription, rendering, …) as stored; the job engines in src/jobs drive it. */
export interface StoredJob {
  readonly id: string;
  readonly kind: string;
  readonly ownerId: string | undefined;
  readonly status: StoredJobStatus;
  /** 0–100. */
  readonly progress: number;
  readonly stage: string | undefined;
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly error: string | undefined;
  readonly input: JsonValue;
  readonly result: JsonValue | undefined;
  readonly createdAt: EpochMs;
  readonly updatedAt: EpochMs;
}

export interface NewStoredJob {
  readonly kind: string;
  readonly ownerId?: string;
  readonly input: JsonValue;
  /** Default 3. */
  readonly maxAttempts?: number;
  /** Default a fresh random id; an engine that already has an id (BullMQ) may pass its own. */
  readonly id?: string;
}

/** Fields an engine may change; `result: null` / `error: null` clear them. */
export interface StoredJobChanges {
  readonly status?: StoredJobStatus;
  /** Clamped to 0–100 and rounded. */
  readonly progress?: number;
  readonly stage?: string | null;
  readonly attempts?: number;
  readonly error?: string | null;
  readonly result?: JsonValue | null;
}

export interface JobsRepository {
  create(job: NewStoredJob): Promise<StoredJob>;
  get(id: string): Promise<StoredJob | undefined>;
  /** Only when `ownerId` owns the job: what an API route should use. */
  getForOwner(ownerId: string, id: string): Promise<StoredJob | undefined>;
  update(id: string, changes: StoredJobChanges): Promise<StoredJob | undefined>;
  /** Newest first. */
  listByOwner(ownerId: string, options?: { readonly limit?: number }): Promise<StoredJob[]>;
  /** Oldest first: e.g. to re-queue jobs left queued or running by a crashed process. */
  listByStatus(
    statuses: readonly StoredJobStatus[],
    options?: { readonly limit?: number },
  ): Promise<StoredJob[]>;
}

function toJob(row: Selectable<JobsTable>): StoredJob {
  return {
    ...row,
    ownerId: row.ownerId ?? undefined,
    stage: row.stage ?? undefined,
    error: row.error ?? undefined,
    input: fromJsonText(row.input) ?? null,
    result: fromJsonText(row.result),
  };
}

function clampProgress(progress: number): number {
  if (!Number.isFinite(progress))
    throw new RangeError(`job progress must be a number 0–100, got ${progress}`);
  return Math.min(100, Math.max(0, Math.round(progress)));
}

export function createJobsRepository({ db, now }: RepositoryContext): JobsRepository {
  const repository: JobsRepository = {
    async create(job) {
      const at = now();
      const row: Selectable<JobsTable> = {
        id: job.id ?? newId(),
        kind: job.kind,
        ownerId: job.ownerId ?? null,
        status: 'queued',
        progress: 0,
        stage: null,
        attempts: 0,
        maxAttempts: job.maxAttempts ?? 3,
        error: null,
        input: toJsonText(job.input) ?? 'null',
        result: null,
        createdAt: at,
        updatedAt: at,
      };
      await db.insertInto('jobs').values(row).execute();
      return toJob(row);
    },
    async get(id) {
      const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toJob(row);
    },
    async getForOwner(ownerId, id) {
      const row = await db
        .selectFrom('jobs')
        .selectAll()
        .where('id', '=', id)
        .where('ownerId', '=', ownerId)
        .executeTakeFirst();
      return row && toJob(row);
    },
    async update(id, changes) {
      const set: Partial<Selectable<JobsTable>> = { updatedAt: now() };
      if (changes.status !== undefined) set.status = changes.status;
      if (changes.progress !== undefined) set.progress = clampProgress(changes.progress);
      if (changes.stage !== undefined) set.stage = changes.stage;
      if (changes.attempts !== undefined) set.attempts = changes.attempts;
      if (changes.error !== undefined) set.error = changes.error;
      if (changes.result !== undefined)
        set.result = changes.result === null ? null : toJsonText(changes.result);
      const result = await db.updateTable('jobs').set(set).where('id', '=', id).executeTakeFirst();
      return result.numUpdatedRows > 0n ? repository.get(id) : undefined;
    },
    async listByOwner(ownerId, options = {}) {
      const rows = await db
        .selectFrom('jobs')
        .selectAll()
        .where('ownerId', '=', ownerId)
        .orderBy('createdAt', 'desc')
        .orderBy('id', 'desc')
        .limit(pageSize(options.limit))
        .execute();
      return rows.map(toJob);
    },
    async listByStatus(statuses, options = {}) {
      if (statuses.length === 0) return [];
      const rows = await db
        .selectFrom('jobs')
        .selectAll()
        .where('status', 'in', statuses)
        .orderBy('createdAt')
        .orderBy('id')
        .limit(pageSize(options.limit, 200, 1000))
        .execute();
      return rows.map(toJob);
    },
  };
  return repository;
}

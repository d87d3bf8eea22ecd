import type { Selectable } from 'kysely';
import { newId } from '../ids.js';
import { fromJsonText, toJsonText, type JsonValue } from '../json.js';
import type { EpochMs, PracticeSessionsTable } from '../schema.js';
import { pageSize, type RepositoryContext } from './context.js';

/** One stretch of practice: what was played, when, for how long, and how it was graded. */
export interface PracticeSession {
  readonly id: string;
  readonly userId: string;
  /** The library item practised, if any (cleared when the item is deleted). */
  readonly itemId: string | undefined;
  /** A generated exercise's id, if any (exercises need not be stored items). */
  readonly exerciseId: string | undefined;
  readonly startedAt: EpochMs;
  readonly durationSeconds: number;
  readonly score: JsonValue | undefined;
  readonly createdAt: EpochMs;
}

export interface NewPracticeSession {
  readonly userId: string;
  readonly itemId?: string;
  readonly exerciseId?: string;
  readonly startedAt: EpochMs;
  /** Seconds, ≥ 0. */
  readonly durationSeconds: number;
  readonly score?: JsonValue;
}

export interface PracticeSessionsRepository {
  record(session: NewPracticeSession): Promise<PracticeSession>;
  /** Most recent first; `before` (ms) pages back in time. */
  listByUser(
    userId: string,
    options?: { readonly limit?: number; readonly before?: EpochMs },
  ): Promise<PracticeSession[]>;
}

function toPractice(row: Selectable<PracticeSessionsTable>): PracticeSession {
  return {
    ...row,
    itemId: row.itemId ?? undefined,
    exerciseId: row.exerciseId ?? undefined,
    score: fromJsonText(row.score),
  };
}

export function createPracticeSessionsRepository({ db, now }: RepositoryContext): PracticeSessionsRepository {
  return {
    async record(session) {
      if (!(session.durationSeconds >= 0)) {
        throw new RangeError(`practice duration must be ≥ 0 seconds, got ${session.durationSeconds}`);
      }
      const row: Selectable<PracticeSessionsTable> = {
        id: newId(),
        userId: session.userId,
        itemId: session.itemId ?? null,
        exerciseId: session.exerciseId ?? null,
        startedAt: session.startedAt,
        durationSeconds: session.durationSeconds,
        score: toJsonText(session.score),
        createdAt: now(),
      };
      await db.insertInto('practiceSessions').values(row).execute();
      return toPractice(row);
    },
    async listByUser(userId, options = {}) {
      let query = db.selectFrom('practiceSessions').selectAll().where('userId', '=', userId);
      if (options.before !== undefined) query = query.where('startedAt', '<', options.before);
      const rows = await query
        .orderBy('startedAt', 'desc')
        .orderBy('id', 'desc')
        .limit(pageSize(options.limit))
        .execute();
      return rows.map(toPractice);
    },
  };
}

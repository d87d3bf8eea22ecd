import type { Selectable } from 'kysely';
import { newId } from '../ids.js';
import { fromJsonText, toJsonText, type JsonObject } from '../json.js';
import type { EpochMs, PracticeAttemptsTable } from '../schema.js';
import { pageSize, type RepositoryContext } from './context.js';

/** How the take reached the grader. */
export type PracticeAttemptSource = 'midi-keyboard' | 'midi-file' | 'audio';

/**
 * A graded attempt at a generated exercise, kept for its player (the API lists these as practice sessions;
 * the learning paths adapt from them): what was practised, the totals, and the whole graded answer.
 */
export interface PracticeAttempt {
  readonly id: string;
  readonly userId: string;
  readonly exerciseId: string;
  readonly skillType: string;
  readonly subtype: string;
  /** 1–10. */
  readonly difficulty: number;
  readonly source: PracticeAttemptSource;
  /** 0–100. */
  readonly score: number;
  /** 0–1. */
  readonly pitchAccuracy: number;
  /** 0–1. */
  readonly rhythmAccuracy: number;
  /** Quarter notes per minute the student kept; undefined when it could not be measured. */
  readonly tempoPlayed: number | undefined;
  /** The exercise's written tempo, quarter notes per minute. */
  readonly tempoExpected: number;
  /** The graded answer as the API gave it. */
  readonly grade: JsonObject;
  readonly createdAt: EpochMs;
}

export type NewPracticeAttempt = Omit<PracticeAttempt, 'id' | 'createdAt' | 'tempoPlayed'> & {
  readonly tempoPlayed?: number | undefined;
  /** The id to keep it under (e.g. the attempt id the API answered); default a fresh one. */
  readonly id?: string;
};

export interface PracticeAttemptsRepository {
  record(attempt: NewPracticeAttempt): Promise<PracticeAttempt>;
  /** Only when `userId` made the attempt. */
  get(userId: string, id: string): Promise<PracticeAttempt | undefined>;
  /** Newest first; `before` (ms) pages back in time, `skillType` keeps one kind of exercise. */
  listByUser(
    userId: string,
    options?: { readonly limit?: number; readonly before?: EpochMs; readonly skillType?: string },
  ): Promise<PracticeAttempt[]>;
}

const SOURCES: readonly PracticeAttemptSource[] = ['midi-keyboard', 'midi-file', 'audio'];

function toAttempt(row: Selectable<PracticeAttemptsTable>): PracticeAttempt {
  return {
    ...row,
    // BIGINT and DOUBLE come back as numbers on both dialects; Number() guards a driver that gives strings.
    difficulty: Number(row.difficulty),
    score: Number(row.score),
    pitchAccuracy: Number(row.pitchAccuracy),
    rhythmAccuracy: Number(row.rhythmAccuracy),
    tempoPlayed: row.tempoPlayed === null ? undefined : Number(row.tempoPlayed),
    tempoExpected: Number(row.tempoExpected),
    createdAt: Number(row.createdAt),
    source: row.source as PracticeAttemptSource,
    grade: fromJsonText<JsonObject>(row.grade) ?? {},
  };
}

function check(attempt: NewPracticeAttempt): void {
  const inRange = (value: number, low: number, high: number) => value >= low && value <= high;
  if (!inRange(attempt.score, 0, 100)) throw new RangeError(`score must be 0–100, got ${attempt.score}`);
  if (!inRange(attempt.pitchAccuracy, 0, 1) || !inRange(attempt.rhythmAccuracy, 0, 1)) {
    throw new RangeError('pitch and rhythm accuracy must be 0–1');
  }
  if (!Number.isInteger(attempt.difficulty) || !inRange(attempt.difficulty, 1, 10)) {
    throw new RangeError(`difficulty must be a whole number 1–10, got ${attempt.difficulty}`);
  }
  if (!SOURCES.includes(attempt.source)) throw new RangeError(`unknown attempt source '${attempt.source}'`);
}

export function createPracticeAttemptsRepository({ db, now }: RepositoryContext): PracticeAttemptsRepository {
  return {
    async record(attempt) {
      check(attempt);
      const row: Selectable<PracticeAttemptsTable> = {
        id: attempt.id ?? newId(),
        userId: attempt.userId,
        exerciseId: attempt.exerciseId,
        skillType: attempt.skillType,
        subtype: attempt.subtype,
        difficulty: attempt.difficulty,
        source: attempt.source,
        score: attempt.score,
        pitchAccuracy: attempt.pitchAccuracy,
        rhythmAccuracy: attempt.rhythmAccuracy,
        tempoPlayed: attempt.tempoPlayed ?? null,
        tempoExpected: attempt.tempoExpected,
        grade: toJsonText(attempt.grade) ?? '{}',
        createdAt: now(),
      };
      await db.insertInto('practiceAttempts').values(row).execute();
      return toAttempt(row);
    },
    async get(userId, id) {
      const row = await db
        .selectFrom('practiceAttempts')
        .selectAll()
        .where('userId', '=', userId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toAttempt(row) : undefined;
    },
    async listByUser(userId, options = {}) {
      let query = db.selectFrom('practiceAttempts').selectAll().where('userId', '=', userId);
      if (options.before !== undefined) query = query.where('createdAt', '<', options.before);
      if (options.skillType !== undefined) query = query.where('skillType', '=', options.skillType);
      const rows = await query
        .orderBy('createdAt', 'desc')
        .orderBy('id', 'desc')
        .limit(pageSize(options.limit))
        .execute();
      return rows.map(toAttempt);
    },
  };
}

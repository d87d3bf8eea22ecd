import type { Kysely, Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then, not as Schema says now */

const ms = 'bigint' as const;

/**
 * Graded attempts at generated exercises (issue 7), one row each: what was practised (exercise, skill type,
 * subtype, difficulty), the totals the learning paths adapt from (score, pitch and rhythm accuracy, tempo
 * kept) as columns they can filter and average, and the whole graded answer as JSON text. Rows go with
 * their user; the exercise id points into the blob store, which has no foreign keys.
 */
export function practiceAttemptsMigration(): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('practice_attempts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('exercise_id', 'text', (c) => c.notNull())
        .addColumn('skill_type', 'text', (c) => c.notNull())
        .addColumn('subtype', 'text', (c) => c.notNull())
        .addColumn('difficulty', 'integer', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('score', 'double precision', (c) => c.notNull())
        .addColumn('pitch_accuracy', 'double precision', (c) => c.notNull())
        .addColumn('rhythm_accuracy', 'double precision', (c) => c.notNull())
        .addColumn('tempo_played', 'double precision')
        .addColumn('tempo_expected', 'double precision', (c) => c.notNull())
        .addColumn('grade', 'text', (c) => c.notNull())
        .addColumn('created_at', ms, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('practice_attempts_user_created_idx')
        .on('practice_attempts')
        .columns(['user_id', 'created_at', 'id'])
        .execute();
      await db.schema
        .createIndex('practice_attempts_user_skill_idx')
        .on('practice_attempts')
        .columns(['user_id', 'skill_type', 'created_at'])
        .execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('practice_attempts').execute();
    },
  };
}

import { sql, type Kysely, type Migration } from 'kysely';
import type { DatabaseDialect } from '../dialect.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then, not as Schema says now */

const ms = 'bigint' as const;

/**
 * The first schema: accounts, library items and their files, blobs, jobs, practice and learner profiles.
 * Portable DDL only: TEXT ids, BIGINT millisecond timestamps, JSON as TEXT, CHECK constraints for enums.
 * Foreign keys cascade from a user to everything they own, so deleting an account leaves nothing behind.
 */
export function initialMigration(dialect: DatabaseDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('student', 'teacher')`))
        .addColumn('created_at', ms, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('users_email_lower_unique')
        .on('users')
        .unique()
        .expression(sql`lower(email)`)
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('session', 'api')`))
        .addColumn('name', 'text')
        .addColumn('created_at', ms, (c) => c.notNull())
        .addColumn('expires_at', ms)
        .addColumn('last_used_at', ms)
        .execute();
      await db.schema
        .createIndex('sessions_user_idx')
        .on('sessions')
        .columns(['user_id', 'created_at'])
        .execute();

      await db.schema
        .createTable('teacher_students')
        .addColumn('teacher_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('student_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', ms, (c) => c.notNull())
        .addPrimaryKeyConstraint('teacher_students_pk', ['teacher_id', 'student_id'])
        .execute();
      await db.schema
        .createIndex('teacher_students_student_idx')
        .on('teacher_students')
        .column('student_id')
        .execute();

      await db.schema
        .createTable('blobs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('size_bytes', ms, (c) => c.notNull())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('created_at', ms, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('blobs_sha256_idx').on('blobs').column('sha256').execute();
      // Content for the database-backed blob store (one row per distinct content, shared by blob ids).
      await db.schema
        .createTable('blob_contents')
        .addColumn('sha256', 'text', (c) => c.primaryKey())
        .addColumn('content', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('items')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) =>
          c
            .notNull()
            .check(sql`kind in ('arrangement', 'transcription', 'exercise', 'composition', 'export')`),
        )
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('created_at', ms, (c) => c.notNull())
        .addColumn('updated_at', ms, (c) => c.notNull())
        .addColumn('metadata', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('items_owner_created_idx')
        .on('items')
        .columns(['owner_id', 'created_at', 'id'])
        .execute();

      await db.schema
        .createTable('item_files')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('item_id', 'text', (c) => c.notNull().references('items.id').onDelete('cascade'))
        .addColumn('blob_id', 'text', (c) => c.notNull().references('blobs.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('size_bytes', ms, (c) => c.notNull())
        .addColumn('created_at', ms, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('item_files_item_idx').on('item_files').column('item_id').execute();
      await db.schema.createIndex('item_files_blob_idx').on('item_files').column('blob_id').execute();

      await db.schema
        .createTable('jobs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status in ('queued', 'running', 'succeeded', 'failed')`),
        )
        .addColumn('progress', 'integer', (c) => c.notNull().check(sql`progress between 0 and 100`))
        .addColumn('stage', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('max_attempts', 'integer', (c) => c.notNull())
        .addColumn('error', 'text')
        .addColumn('input', 'text', (c) => c.notNull())
        .addColumn('result', 'text')
        .addColumn('created_at', ms, (c) => c.notNull())
        .addColumn('updated_at', ms, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('jobs_owner_created_idx')
        .on('jobs')
        .columns(['owner_id', 'created_at'])
        .execute();
      await db.schema
        .createIndex('jobs_status_created_idx')
        .on('jobs')
        .columns(['status', 'created_at'])
        .execute();

      await db.schema
        .createTable('practice_sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('item_id', 'text', (c) => c.references('items.id').onDelete('set null'))
        .addColumn('exercise_id', 'text')
        .addColumn('started_at', ms, (c) => c.notNull())
        .addColumn('duration_seconds', 'double precision', (c) => c.notNull())
        .addColumn('score', 'text')
        .addColumn('created_at', ms, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('practice_sessions_user_started_idx')
        .on('practice_sessions')
        .columns(['user_id', 'started_at'])
        .execute();

      await db.schema
        .createTable('student_profiles')
        .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
        .addColumn('profile', 'text', (c) => c.notNull())
        .addColumn('updated_at', ms, (c) => c.notNull())
        .execute();
    },
  };
}

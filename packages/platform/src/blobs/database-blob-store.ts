import { sql, type Kysely } from 'kysely';
import { Readable } from 'node:stream';
import type { DatabaseDialect } from '../db/dialect.js';
import type { EpochMs, Schema } from '../db/schema.js';
import { deleteBlobRow, findBlobRow, insertBlobRow } from './blob-rows.js';
import { checkMediaType, type BlobStore } from './blob-store.js';
import { collect } from './chunks.js';

/** Largest blob the database store accepts by default, in bytes (256 MiB). */
export const DATABASE_BLOB_MAX_BYTES = 256 * 1024 ** 2;

export interface DatabaseBlobStoreOptions {
  readonly db: Kysely<Schema>;
  readonly dialect: DatabaseDialect;
  /** Default size limit in bytes (default 256 MiB; PostgreSQL's bytea itself stops at 1 GiB). */
  readonly maxBytes?: number;
  readonly now?: () => EpochMs;
}

/**
 * Content in the database itself (`blob_contents`, one bytea row per distinct SHA-256), for deployments where
 * several server nodes share one PostgreSQL and no disk. Not chunked: a blob is read and written whole, in
 * memory, so keep it for files up to tens of MB (the upload limit is 50 MB by default); the hard limit is
 * `maxBytes`. Runs on SQLite too (tests), but there the disk store is the one to use.
 */
export function createDatabaseBlobStore(options: DatabaseBlobStoreOptions): BlobStore {
  const { db, dialect } = options;
  const now = options.now ?? Date.now;
  const defaultMax = options.maxBytes ?? DATABASE_BLOB_MAX_BYTES;

  /** On PostgreSQL, lock the content row so a concurrent delete cannot drop content a put is claiming. */
  const lockContent = async (trx: Kysely<Schema>, sha256: string): Promise<void> => {
    if (dialect !== 'postgres') return; // SQLite runs one write transaction at a time anyway.
    await sql`select 1 from blob_contents where sha256 = ${sha256} for update`.execute(trx);
  };

  return {
    kind: 'postgres',
    async put(source, { mediaType, maxBytes = defaultMax }) {
      checkMediaType(mediaType);
      const { bytes, sha256, size } = await collect(source, maxBytes);
      return db.transaction().execute(async (trx) => {
        await trx
          .insertInto('blobContents')
          .values({ sha256, content: bytes })
          .onConflict((oc) => oc.column('sha256').doNothing())
          .execute();
        await lockContent(trx, sha256);
        return insertBlobRow(trx, { sha256, size, mediaType }, now());
      });
    },
    async get(id) {
      const blob = await findBlobRow(db, id);
      if (!blob) return undefined;
      const row = await db
        .selectFrom('blobContents')
        .select('content')
        .where('sha256', '=', blob.sha256)
        .executeTakeFirst();
      if (!row) throw new Error(`blob ${id} has lost its content (${blob.sha256})`);
      return { ...blob, stream: Readable.from([Buffer.from(row.content)]) };
    },
    stat: (id) => findBlobRow(db, id),
    async has(id) {
      return (await findBlobRow(db, id)) !== undefined;
    },
    async delete(id) {
      const blob = await findBlobRow(db, id);
      if (!blob) return false;
      await db.transaction().execute(async (trx) => {
        await lockContent(trx, blob.sha256);
        if ((await deleteBlobRow(trx, blob)) === 0) {
          await trx.deleteFrom('blobContents').where('sha256', '=', blob.sha256).execute();
        }
      });
      return true;
    },
  };
}

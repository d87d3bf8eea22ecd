import type { Kysely } from 'kysely';
import { newId } from '../db/ids.js';
import type { EpochMs, Schema } from '../db/schema.js';
import { BlobInUseError, isBlobId, type BlobInfo } from './blob-store.js';

/**
 * The `blobs` table: id → (sha256, size, media type). Both stores keep ids here, so an id maps to content
 * through the database, never through a file name a client could influence.
 */
export async function insertBlobRow(
  db: Kysely<Schema>,
  content: { sha256: string; size: number; mediaType: string },
  createdAt: EpochMs,
): Promise<BlobInfo> {
  const row = {
    id: newId(),
    sha256: content.sha256,
    sizeBytes: content.size,
    mediaType: content.mediaType,
    createdAt,
  };
  await db.insertInto('blobs').values(row).execute();
  return { id: row.id, sha256: row.sha256, size: row.sizeBytes, mediaType: row.mediaType, createdAt };
}

/** The row for a well-formed id, or undefined (without a query) for anything that is not an id. */
export async function findBlobRow(db: Kysely<Schema>, id: string): Promise<BlobInfo | undefined> {
  if (!isBlobId(id)) return undefined;
  const row = await db.selectFrom('blobs').selectAll().where('id', '=', id).executeTakeFirst();
  return (
    row && {
      id: row.id,
      sha256: row.sha256,
      size: row.sizeBytes,
      mediaType: row.mediaType,
      createdAt: row.createdAt,
    }
  );
}

/**
 * Deletes the row; returns how many ids still share its content. Throws BlobInUseError if an item uses it.
 * The write comes first, so that in a SQLite transaction the write lock is taken at the start (waiting out
 * another writer under busy_timeout) instead of upgraded from a read lock, which fails at once with
 * "database is locked" when another connection writes.
 */
export async function deleteBlobRow(db: Kysely<Schema>, blob: BlobInfo): Promise<number> {
  const deleted = await db
    .deleteFrom('blobs')
    .where('id', '=', blob.id)
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom('itemFiles').select('itemFiles.id').where('itemFiles.blobId', '=', blob.id)),
      ),
    )
    .executeTakeFirst();
  if (Number(deleted.numDeletedRows) === 0) {
    const user = await db
      .selectFrom('itemFiles')
      .select('id')
      .where('blobId', '=', blob.id)
      .executeTakeFirst();
    if (user) throw new BlobInUseError(blob.id);
  }
  const { count } = await db
    .selectFrom('blobs')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('sha256', '=', blob.sha256)
    .executeTakeFirstOrThrow();
  return Number(count);
}

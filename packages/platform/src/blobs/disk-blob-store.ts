import type { Kysely } from 'kysely';
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join, resolve, sep } from 'node:path';
import type { EpochMs, Schema } from '../db/schema.js';
import { deleteBlobRow, findBlobRow, insertBlobRow } from './blob-rows.js';
import { BlobTooLargeError, checkMediaType, SHA256_HEX, type BlobStore } from './blob-store.js';
import { chunksOf } from './chunks.js';
import { createKeyLock } from './key-lock.js';

export interface DiskBlobStoreOptions {
  readonly db: Kysely<Schema>;
  /** The store's folder, e.g. `${dataDir}/blobs`; content goes to `ab/cd/<sha256>`, uploads in progress to `tmp/`. */
  readonly root: string;
  /** Default size limit in bytes for put() (default 1 GiB). */
  readonly maxBytes?: number;
  readonly now?: () => EpochMs;
}

/** fsync a folder so a rename into it survives a power cut (Linux/macOS; Windows cannot open folders). */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Content-addressed files on local disk: the default. Uploads stream into `tmp/`, are fsynced, then renamed
 * to `ab/cd/<sha256>` (atomic: a reader sees the whole file or none). Paths are built only from the hex
 * SHA-256 we computed, and checked to stay under `root`.
 */
export function createDiskBlobStore(options: DiskBlobStoreOptions): BlobStore {
  const { db } = options;
  const root = resolve(options.root);
  const tmpDir = join(root, 'tmp');
  const now = options.now ?? Date.now;
  const defaultMax = options.maxBytes ?? 1024 ** 3;
  const withKey = createKeyLock();

  const contentPath = (sha256: string): string => {
    if (!SHA256_HEX.test(sha256)) throw new Error(`blob row holds '${sha256.slice(0, 80)}', not a SHA-256`);
    const path = join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    if (!path.startsWith(root + sep)) throw new Error(`blob path ${path} escapes the store`);
    return path;
  };

  return {
    kind: 'disk',
    async put(source, { mediaType, maxBytes = defaultMax }) {
      checkMediaType(mediaType);
      await mkdir(tmpDir, { recursive: true });
      const tmpPath = join(tmpDir, `${randomBytes(12).toString('hex')}.part`);
      const hash = createHash('sha256');
      let size = 0;
      const file = await open(tmpPath, 'wx', 0o600);
      try {
        try {
          for await (const chunk of chunksOf(source)) {
            size += chunk.byteLength;
            if (size > maxBytes) throw new BlobTooLargeError(maxBytes);
            hash.update(chunk);
            await file.write(chunk);
          }
          await file.sync();
        } finally {
          await file.close();
        }
        const sha256 = hash.digest('hex');
        const target = contentPath(sha256);
        return await withKey(sha256, async () => {
          await mkdir(join(target, '..'), { recursive: true });
          // Identical content renames over identical content: the file stays whole throughout.
          await rename(tmpPath, target);
          await syncDir(join(target, '..'));
          return insertBlobRow(db, { sha256, size, mediaType }, now());
        });
      } catch (error) {
        await unlink(tmpPath).catch(() => undefined);
        throw error;
      }
    },
    async get(id) {
      const blob = await findBlobRow(db, id);
      if (!blob) return undefined;
      const handle = await open(contentPath(blob.sha256), 'r').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') throw new Error(`blob ${id} has lost its content (${blob.sha256})`);
        throw error;
      });
      return { ...blob, stream: handle.createReadStream() };
    },
    stat: (id) => findBlobRow(db, id),
    async has(id) {
      return (await findBlobRow(db, id)) !== undefined;
    },
    async delete(id) {
      const blob = await findBlobRow(db, id);
      if (!blob) return false;
      await withKey(blob.sha256, async () => {
        const remaining = await db.transaction().execute((trx) => deleteBlobRow(trx, blob));
        if (remaining === 0) {
          await unlink(contentPath(blob.sha256)).catch((error: NodeJS.ErrnoException) => {
            if (error.code !== 'ENOENT') throw error;
          });
        }
      });
      return true;
    },
  };
}

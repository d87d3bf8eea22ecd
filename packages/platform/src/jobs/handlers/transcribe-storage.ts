import type { TranscribeJobStorage } from '@cadenza/contracts';
import { openBlobStore } from '../../blobs/open-blob-store.js';
import type { BlobStore } from '../../blobs/blob-store.js';
import { openDatabase, type Database } from '../../db/database.js';
import { createRepositories } from '../../db/repositories/index.js';
import type { ItemsRepository } from '../../db/repositories/items.js';

/** The stores a `transcribe` job reads its upload from and keeps its transcription in. */
export interface TranscribeJobStores {
  readonly blobs: BlobStore;
  readonly items: ItemsRepository;
  close(): Promise<void>;
}

/**
 * The database URL the job uses: the one the API process passed, else the worker's own
 * CADENZA_DATABASE_URL (the API leaves out a URL that carries a password).
 */
export function jobDatabaseUrl(storage: TranscribeJobStorage, env: NodeJS.ProcessEnv = process.env): string {
  const url = storage.databaseUrl ?? env.CADENZA_DATABASE_URL;
  if (!url) {
    throw new Error(
      'the transcribe job needs the database: set CADENZA_DATABASE_URL for the worker (the API does not ' +
        'pass a URL that carries a password)',
    );
  }
  return url;
}

/**
 * Opens the database (already migrated by the API process, so no migrations here) and the blob store
 * the storage locator names, for one job; close() when done.
 */
export async function openTranscribeJobStores(storage: TranscribeJobStorage): Promise<TranscribeJobStores> {
  const database: Database = await openDatabase(
    { databaseUrl: jobDatabaseUrl(storage) },
    { migrate: false, maxConnections: 2 },
  );
  try {
    const blobs = openBlobStore({ dataDir: storage.dataDir, blobStore: storage.blobStore }, database);
    return { blobs, items: createRepositories(database.db).items, close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Reads a whole blob into memory, or undefined when there is no such blob. */
export async function readBlobBytes(blobs: BlobStore, id: string): Promise<Uint8Array | undefined> {
  const blob = await blobs.get(id);
  if (!blob) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of blob.stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return new Uint8Array(Buffer.concat(chunks));
}

/** SQLite's "database is locked": another connection (the API process) wrote while this one read. */
const isBusy = (error: unknown): boolean =>
  typeof (error as { code?: unknown } | null)?.code === 'string' &&
  (error as { code: string }).code.startsWith('SQLITE_BUSY');

/**
 * Deletes a blob, trying again while SQLite reports the database busy: the blob store's delete reads
 * and then writes in one transaction, which SQLite refuses at once (no busy wait) when the API process
 * committed a job-progress write in between.
 */
export async function deleteBlobPatiently(blobs: BlobStore, id: string, tries = 8): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await blobs.delete(id);
    } catch (error) {
      if (!isBusy(error) || attempt >= tries) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}

import { join } from 'node:path';
import type { CadenzaConfig } from '../config/config.js';
import type { Database } from '../db/database.js';
import type { EpochMs } from '../db/schema.js';
import type { BlobStore } from './blob-store.js';
import { createDatabaseBlobStore } from './database-blob-store.js';
import { createDiskBlobStore } from './disk-blob-store.js';

/**
 * The blob store the configuration asks for: CADENZA_BLOB_STORE=disk (default) keeps content under
 * `${CADENZA_DATA_DIR}/blobs`; `postgres` keeps it in the PostgreSQL database, for several nodes.
 */
export function openBlobStore(
  config: Pick<CadenzaConfig, 'blobStore' | 'dataDir'>,
  database: Database,
  options: { readonly now?: () => EpochMs } = {},
): BlobStore {
  if (config.blobStore === 'postgres') {
    if (database.dialect !== 'postgres') {
      throw new Error('CADENZA_BLOB_STORE=postgres needs CADENZA_DATABASE_URL=postgres://…');
    }
    return createDatabaseBlobStore({ db: database.db, dialect: database.dialect, ...options });
  }
  return createDiskBlobStore({ db: database.db, root: join(config.dataDir, 'blobs'), ...options });
}

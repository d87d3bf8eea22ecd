/** Files (uploads, MIDI, audio, PDFs, exports) behind unguessable ids: on disk or in PostgreSQL. */
export * from './blob-store.js';
export {
  createDatabaseBlobStore,
  DATABASE_BLOB_MAX_BYTES,
  type DatabaseBlobStoreOptions,
} from './database-blob-store.js';
export { createDiskBlobStore, type DiskBlobStoreOptions } from './disk-blob-store.js';
export { deleteItemWithBlobs } from './delete-item.js';
export { openBlobStore } from './open-blob-store.js';

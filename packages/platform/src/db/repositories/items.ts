import type { Kysely, Selectable } from 'kysely';
import { isId, newId } from '../ids.js';
import { fromJsonText, toJsonText, type JsonObject } from '../json.js';
import type { ItemKind } from '@cadenza/contracts';
import type { EpochMs, ItemFilesTable, ItemsTable, Schema } from '../schema.js';
import { pageSize, type RepositoryContext } from './context.js';
import { decodeCursor, encodeCursor, type Page } from './page-cursor.js';

export interface ItemFile {
  readonly id: string;
  readonly itemId: string;
  /** The blob store id holding the bytes. */
  readonly blobId: string;
  /** What the file is to the item: 'musicxml', 'midi', 'audio', 'pdf', … */
  readonly role: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
  readonly createdAt: EpochMs;
}

/** A library item (arrangement, transcription, …) with its files. */
export interface Item {
  readonly id: string;
  readonly ownerId: string;
  readonly kind: ItemKind;
  readonly title: string;
  readonly createdAt: EpochMs;
  readonly updatedAt: EpochMs;
  readonly metadata: JsonObject;
  readonly files: readonly ItemFile[];
}

export type NewItemFile = Pick<ItemFile, 'blobId' | 'role' | 'fileName' | 'mediaType' | 'sizeBytes'>;

export interface NewItem {
  readonly ownerId: string;
  readonly kind: ItemKind;
  readonly title: string;
  readonly metadata?: JsonObject;
  readonly files?: readonly NewItemFile[];
}

export interface ListItemsOptions {
  /** Page size, 1–200 (default 50). */
  readonly limit?: number;
  /** `nextCursor` of the previous page. */
  readonly cursor?: string;
  readonly kind?: ItemKind;
}

/**
 * Library items. Every read and write takes the owner's id and filters on it in the query itself, so a
 * caller cannot forget the check: another user's item is simply not found (undefined), which the API turns
 * into a 404 that does not reveal it exists.
 */
export interface ItemsRepository {
  create(item: NewItem): Promise<Item>;
  get(ownerId: string, id: string): Promise<Item | undefined>;
  /** Newest first (created_at, then id, descending). */
  listByOwner(ownerId: string, options?: ListItemsOptions): Promise<Page<Item>>;
  update(
    ownerId: string,
    id: string,
    changes: { readonly title?: string; readonly metadata?: JsonObject },
  ): Promise<Item | undefined>;
  addFiles(ownerId: string, itemId: string, files: readonly NewItemFile[]): Promise<ItemFile[] | undefined>;
  getFile(ownerId: string, itemId: string, fileId: string): Promise<ItemFile | undefined>;
  /**
   * Deletes the item and its file rows. Returns the blob ids no other item file still refers to, for the
   * caller to delete from the blob store (see blobs/delete-item.ts), or undefined when not the owner's.
   */
  delete(ownerId: string, id: string): Promise<{ readonly orphanedBlobIds: readonly string[] } | undefined>;
}

function toFile(row: Selectable<ItemFilesTable>): ItemFile {
  return { ...row };
}

function toItem(row: Selectable<ItemsTable>, files: readonly ItemFile[]): Item {
  return { ...row, metadata: fromJsonText<JsonObject>(row.metadata) ?? {}, files };
}

async function filesOf(db: Kysely<Schema>, itemIds: readonly string[]): Promise<Map<string, ItemFile[]>> {
  const byItem = new Map<string, ItemFile[]>(itemIds.map((id) => [id, []]));
  if (itemIds.length === 0) return byItem;
  const rows = await db
    .selectFrom('itemFiles')
    .selectAll()
    .where('itemId', 'in', itemIds)
    .orderBy('createdAt')
    .orderBy('fileName')
    .orderBy('id')
    .execute();
  for (const row of rows) byItem.get(row.itemId)?.push(toFile(row));
  return byItem;
}

async function insertFiles(
  db: Kysely<Schema>,
  itemId: string,
  files: readonly NewItemFile[],
  createdAt: EpochMs,
): Promise<ItemFile[]> {
  const rows = files.map((f): ItemFile => ({ ...pickFile(f), id: newId(), itemId, createdAt }));
  if (rows.length > 0) await db.insertInto('itemFiles').values(rows).execute();
  return rows;
}

function pickFile(f: NewItemFile): NewItemFile {
  return {
    blobId: f.blobId,
    role: f.role,
    fileName: f.fileName,
    mediaType: f.mediaType,
    sizeBytes: f.sizeBytes,
  };
}

async function ownedRow(db: Kysely<Schema>, ownerId: string, id: string) {
  if (!isId(id)) return undefined;
  return db
    .selectFrom('items')
    .selectAll()
    .where('id', '=', id)
    .where('ownerId', '=', ownerId)
    .executeTakeFirst();
}

export function createItemsRepository({ db, now }: RepositoryContext): ItemsRepository {
  const repository: ItemsRepository = {
    async create(item) {
      const at = now();
      const row: Selectable<ItemsTable> = {
        id: newId(),
        ownerId: item.ownerId,
        kind: item.kind,
        title: item.title,
        createdAt: at,
        updatedAt: at,
        metadata: toJsonText(item.metadata ?? {}) ?? '{}',
      };
      return db.transaction().execute(async (trx) => {
        await trx.insertInto('items').values(row).execute();
        return toItem(row, await insertFiles(trx, row.id, item.files ?? [], at));
      });
    },
    async get(ownerId, id) {
      const row = await ownedRow(db, ownerId, id);
      if (!row) return undefined;
      return toItem(row, (await filesOf(db, [row.id])).get(row.id) ?? []);
    },
    async listByOwner(ownerId, options = {}) {
      const limit = pageSize(options.limit);
      let query = db.selectFrom('items').selectAll().where('ownerId', '=', ownerId);
      if (options.kind !== undefined) query = query.where('kind', '=', options.kind);
      if (options.cursor !== undefined) {
        const { createdAt, id } = decodeCursor(options.cursor);
        query = query.where((eb) =>
          eb.or([
            eb('createdAt', '<', createdAt),
            eb.and([eb('createdAt', '=', createdAt), eb('id', '<', id)]),
          ]),
        );
      }
      const rows = await query
        .orderBy('createdAt', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute();
      const pageRows = rows.slice(0, limit);
      const files = await filesOf(
        db,
        pageRows.map((r) => r.id),
      );
      const last = pageRows[pageRows.length - 1];
      return {
        items: pageRows.map((r) => toItem(r, files.get(r.id) ?? [])),
        nextCursor: rows.length > limit && last ? encodeCursor(last) : undefined,
      };
    },
    async update(ownerId, id, changes) {
      if (!isId(id)) return undefined;
      const set: { updatedAt: EpochMs; title?: string; metadata?: string } = { updatedAt: now() };
      if (changes.title !== undefined) set.title = changes.title;
      if (changes.metadata !== undefined) set.metadata = toJsonText(changes.metadata) ?? '{}';
      const result = await db
        .updateTable('items')
        .set(set)
        .where('id', '=', id)
        .where('ownerId', '=', ownerId)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n ? repository.get(ownerId, id) : undefined;
    },
    async addFiles(ownerId, itemId, files) {
      return db.transaction().execute(async (trx) => {
        if (!(await ownedRow(trx, ownerId, itemId))) return undefined;
        const at = now();
        await trx.updateTable('items').set({ updatedAt: at }).where('id', '=', itemId).execute();
        return insertFiles(trx, itemId, files, at);
      });
    },
    async getFile(ownerId, itemId, fileId) {
      if (!isId(itemId) || !isId(fileId)) return undefined;
      const row = await db
        .selectFrom('itemFiles as f')
        .innerJoin('items as i', 'i.id', 'f.itemId')
        .selectAll('f')
        .where('f.id', '=', fileId)
        .where('f.itemId', '=', itemId)
        .where('i.ownerId', '=', ownerId)
        .executeTakeFirst();
      return row && toFile(row);
    },
    async delete(ownerId, id) {
      if (!isId(id)) return undefined;
      return db.transaction().execute(async (trx) => {
        const files = await trx
          .selectFrom('itemFiles as f')
          .innerJoin('items as i', 'i.id', 'f.itemId')
          .select('f.blobId')
          .where('i.id', '=', id)
          .where('i.ownerId', '=', ownerId)
          .execute();
        const result = await trx
          .deleteFrom('items')
          .where('id', '=', id)
          .where('ownerId', '=', ownerId)
          .executeTakeFirst();
        if (result.numDeletedRows === 0n) return undefined;
        const blobIds = [...new Set(files.map((f) => f.blobId))];
        if (blobIds.length === 0) return { orphanedBlobIds: [] };
        const stillUsed = await trx
          .selectFrom('itemFiles')
          .select('blobId')
          .where('blobId', 'in', blobIds)
          .execute();
        const used = new Set(stillUsed.map((r) => r.blobId));
        return { orphanedBlobIds: blobIds.filter((b) => !used.has(b)) };
      });
    },
  };
  return repository;
}

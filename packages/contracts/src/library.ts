import { z } from 'zod';
import { BinaryFile } from './convert.js';
import { ResourceId } from './common.js';

/** What a library item is. */
export const ItemKind = z.enum(['arrangement', 'transcription', 'exercise', 'composition', 'export']);
export type ItemKind = z.infer<typeof ItemKind>;

/** One stored file of an item (download it through the item, never by a path). */
export const ItemFile = z
  .object({
    id: z.string(),
    role: z.string().describe("what the file is to the item: 'musicxml', 'midi', 'audio', 'pdf', …"),
    fileName: z.string(),
    mediaType: z.string(),
    sizeBytes: z.number().int().nonnegative(),
    createdAt: z.iso.datetime(),
    url: z.string().describe('where to download it (GET, same credentials as the listing)'),
  })
  .describe('ItemFile');
export type ItemFile = z.infer<typeof ItemFile>;

/** A saved arrangement, transcription, exercise, composition or export, owned by one user. */
export const LibraryItem = z
  .object({
    id: z.string().describe('unguessable item id'),
    kind: ItemKind,
    title: z.string(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    metadata: z.record(z.string(), z.unknown()),
    files: z.array(ItemFile),
  })
  .describe('LibraryItem');
export type LibraryItem = z.infer<typeof LibraryItem>;

/** GET /library/items: newest first; pass `nextCursor` as `cursor` for the next page. */
export const ListItemsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(100).optional(),
  kind: ItemKind.optional(),
});
export type ListItemsQuery = z.infer<typeof ListItemsQuery>;

export const ItemPage = z.object({
  items: z.array(LibraryItem),
  nextCursor: z.string().optional().describe('absent on the last page'),
});
export type ItemPage = z.infer<typeof ItemPage>;

/** A JSON object of free-form facts about an item (genre, key, source, …), at most 64 KiB as JSON. */
const Metadata = z
  .record(z.string(), z.unknown())
  .refine((value) => JSON.stringify(value).length <= 64 * 1024, 'metadata may hold at most 64 KiB of JSON');

/** PATCH /library/items/{id} */
export const UpdateItemRequest = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  metadata: Metadata.optional().describe('replaces the whole metadata object'),
});
export type UpdateItemRequest = z.infer<typeof UpdateItemRequest>;

/** POST /library/items as JSON: an item without files. */
export const CreateItemRequest = z.object({
  kind: ItemKind,
  title: z.string().trim().min(1).max(200),
  metadata: Metadata.default({}),
});
export type CreateItemRequest = z.infer<typeof CreateItemRequest>;

/** POST /library/items as multipart/form-data: the same fields, metadata as a JSON string, and files. */
export const CreateItemUpload = z.object({
  kind: ItemKind,
  title: z.string().describe('1–200 characters'),
  metadata: z.string().optional().describe('a JSON object, as text'),
  file: z
    .array(BinaryFile)
    .describe(
      "one or more file parts; the part's field name is the file's role (e.g. 'musicxml', 'midi', " +
        "'audio'), or 'file' to have it inferred from the file name's extension",
    ),
});

export const ItemIdParams = z.object({ id: ResourceId });
export type ItemIdParams = z.infer<typeof ItemIdParams>;

export const ItemFileParams = z.object({ id: ResourceId, fileId: ResourceId });
export type ItemFileParams = z.infer<typeof ItemFileParams>;

/** /teachers/me/students/{studentId}/items/{id}/files/{fileId} */
export const StudentItemFileParams = z.object({ studentId: ResourceId, id: ResourceId, fileId: ResourceId });
export type StudentItemFileParams = z.infer<typeof StudentItemFileParams>;

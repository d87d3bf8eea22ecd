import { z } from 'zod';

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

/** GET /items: newest first; pass `nextCursor` as `cursor` for the next page. */
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

/** PATCH /items/{id} */
export const UpdateItemRequest = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});
export type UpdateItemRequest = z.infer<typeof UpdateItemRequest>;

import type { ItemPage, LibraryItem } from '@cadenza/contracts';
import type { Item, ItemFile, Page } from '@cadenza/platform';
import { isoTime } from '../auth/public-user.js';

/** Where a client downloads one file of an item (depends on who is looking: owner or teacher). */
export type FileUrl = (item: Item, file: ItemFile) => string;

/** The owner's download path: GET /library/items/{id}/files/{fileId}. */
export const ownFileUrl: FileUrl = (item, file) => `/library/items/${item.id}/files/${file.id}`;

/** A stored item as the API shows it: no owner id, no blob ids, times as ISO 8601, files with their URL. */
export function toLibraryItem(item: Item, fileUrl: FileUrl): LibraryItem {
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    createdAt: isoTime(item.createdAt),
    updatedAt: isoTime(item.updatedAt),
    metadata: item.metadata,
    files: item.files.map((file) => ({
      id: file.id,
      role: file.role,
      fileName: file.fileName,
      mediaType: file.mediaType,
      sizeBytes: file.sizeBytes,
      createdAt: isoTime(file.createdAt),
      url: fileUrl(item, file),
    })),
  };
}

export function toItemPage(page: Page<Item>, fileUrl: FileUrl): ItemPage {
  return {
    items: page.items.map((item) => toLibraryItem(item, fileUrl)),
    ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }),
  };
}

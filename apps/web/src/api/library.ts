import type { ItemFile, ItemPage, LibraryItem } from '@cadenza/contracts';
import { useQuery } from '@tanstack/react-query';
import { requestJson } from './http.js';

export type { ItemFile, LibraryItem };

/** Where the user's items are listed. */
export const LIBRARY_ITEMS_PATH = '/library/items';

/** Where a file of an item is downloaded: through its item, never by a storage path. */
export function fileDownloadUrl(
  item: Pick<LibraryItem, 'id'>,
  file: ItemFile & { readonly url?: string },
): string {
  return (
    file.url ?? `${LIBRARY_ITEMS_PATH}/${encodeURIComponent(item.id)}/files/${encodeURIComponent(file.id)}`
  );
}

export const fetchLibrary = async (): Promise<readonly LibraryItem[]> =>
  (await requestJson<ItemPage>(LIBRARY_ITEMS_PATH)).items;

/** The user's items, fresh each time the page opens; only asked for when someone is logged in. */
export function useLibrary(enabled: boolean) {
  return useQuery({ queryKey: ['library', 'items'], queryFn: fetchLibrary, enabled, staleTime: 0 });
}

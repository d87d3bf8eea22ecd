import type { ItemsRepository } from '../db/repositories/items.js';
import type { BlobStore } from './blob-store.js';

/**
 * Deletes a user's library item and then the blobs only it used. False when the item is not theirs (or does
 * not exist): the API's 404. If the process dies between the two steps, the leftover blobs are unreachable
 * (no item refers to them) and harmless.
 */
export async function deleteItemWithBlobs(
  deps: { readonly items: ItemsRepository; readonly blobs: BlobStore },
  ownerId: string,
  itemId: string,
): Promise<boolean> {
  const deleted = await deps.items.delete(ownerId, itemId);
  if (!deleted) return false;
  for (const blobId of deleted.orphanedBlobIds) await deps.blobs.delete(blobId);
  return true;
}

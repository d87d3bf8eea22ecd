import type { BlobStore, ItemFile } from '@cadenza/platform';
import type { FastifyReply } from 'fastify';
import { ApiError } from '../errors/api-error.js';

/**
 * `attachment` with the stored file name: an ASCII `filename` (other characters, quotes and
 * backslashes as `_`) and, when that lost something, the exact name as RFC 5987 `filename*`.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  if (ascii === fileName) return `attachment; filename="${ascii}"`;
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Streams a stored file with its media type and name. Always a download (attachment), never sniffed,
 * and sandboxed, so an uploaded HTML or SVG file cannot run script on the studio's origin.
 */
export async function sendItemFile(
  reply: FastifyReply,
  blobs: BlobStore,
  file: ItemFile,
): Promise<FastifyReply> {
  const blob = await blobs.get(file.blobId);
  if (!blob) {
    reply.log.warn({ blobId: file.blobId, fileId: file.id }, 'item file has no blob content');
    throw new ApiError(404, 'not_found', 'the content of this file is missing');
  }
  return reply
    .type(file.mediaType)
    .header('content-length', blob.size)
    .header('content-disposition', contentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .header('cache-control', 'private, no-cache')
    .send(blob.stream);
}

import { Readable } from 'node:stream';
import type { ExportedFile } from '@cadenza/platform';
import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../library/send-file.js';

/**
 * Sends an exported file as a download named `<base>.<extension>` (the item's title, or the upload's
 * name), never sniffed; an SVG is sandboxed so it cannot run script on the studio's origin.
 */
export function sendExport(reply: FastifyReply, file: ExportedFile, baseName: string): FastifyReply {
  return reply
    .type(file.mediaType)
    .header('content-length', file.bytes.byteLength)
    .header('content-disposition', contentDisposition(`${baseName}.${file.extension}`))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .header('cache-control', 'private, no-cache')
    .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
}

/** Sends a ZIP while it is being written (chunked transfer: its length is not known up front). */
export function sendZipStream(
  reply: FastifyReply,
  chunks: AsyncIterable<Uint8Array>,
  fileName: string,
): FastifyReply {
  return reply
    .type('application/zip')
    .header('content-disposition', contentDisposition(fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-cache')
    .send(Readable.from(chunks, { objectMode: false }));
}

import { createHash } from 'node:crypto';
import { BlobTooLargeError, type BlobSource } from './blob-store.js';

/** The source as chunks, whether it is one buffer or a stream. */
export async function* chunksOf(source: BlobSource): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    yield source;
    return;
  }
  for await (const chunk of source) yield chunk;
}

/** Reads the whole source into memory, hashing it, and stops as soon as it passes `maxBytes`. */
export async function collect(
  source: BlobSource,
  maxBytes: number,
): Promise<{ bytes: Buffer; sha256: string; size: number }> {
  const hash = createHash('sha256');
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunksOf(source)) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new BlobTooLargeError(maxBytes);
    hash.update(chunk);
    parts.push(chunk);
  }
  return { bytes: Buffer.concat(parts, size), sha256: hash.digest('hex'), size };
}

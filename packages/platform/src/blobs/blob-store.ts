import type { Readable } from 'node:stream';
import { isId } from '../db/ids.js';
import type { EpochMs } from '../db/schema.js';

/** What the blob store knows about a stored file. */
export interface BlobInfo {
  /** Unguessable id (128 random bits, 22 base64url characters); the only handle clients ever get. */
  readonly id: string;
  /** Hex SHA-256 of the content. */
  readonly sha256: string;
  /** Bytes. */
  readonly size: number;
  readonly mediaType: string;
  readonly createdAt: EpochMs;
}

/** A blob being read. Consume or destroy `stream`: it holds an open file (disk) until it ends. */
export interface BlobContent extends BlobInfo {
  readonly stream: Readable;
}

export interface PutBlobOptions {
  /** e.g. 'audio/wav', 'application/vnd.recordare.musicxml+xml'. */
  readonly mediaType: string;
  /** Refuse content longer than this many bytes (BlobTooLargeError); default the store's limit. */
  readonly maxBytes?: number;
}

/** Bytes in memory or a stream of chunks (e.g. a multipart upload), never a path. */
export type BlobSource = Uint8Array | AsyncIterable<Uint8Array>;

/**
 * Where uploads, rendered audio, MIDI, PDFs and exports live. Each put() returns a fresh unguessable id;
 * identical content is stored once (content-addressed by SHA-256) however many ids point at it. Every
 * method first checks that the id has the id format and treats anything else as not found, so nothing a
 * request sends ever reaches a file path or a query.
 */
export interface BlobStore {
  readonly kind: 'disk' | 'postgres';
  put(source: BlobSource, options: PutBlobOptions): Promise<BlobInfo>;
  get(id: string): Promise<BlobContent | undefined>;
  stat(id: string): Promise<BlobInfo | undefined>;
  has(id: string): Promise<boolean>;
  /**
   * Forgets the id and removes the content once no other id shares it. False when there is no such blob;
   * throws BlobInUseError while a library item's file still refers to it.
   */
  delete(id: string): Promise<boolean>;
}

/** Content over the size limit (the API answers 413). */
export class BlobTooLargeError extends Error {
  override readonly name = 'BlobTooLargeError';
  constructor(readonly maxBytes: number) {
    super(`the file is larger than the limit of ${maxBytes} bytes`);
  }
}

/** delete() of a blob a library item still uses. */
export class BlobInUseError extends Error {
  override readonly name = 'BlobInUseError';
  constructor(readonly id: string) {
    super(`blob ${id} is still a file of a library item; delete the item first`);
  }
}

/** True for strings in the blob id format; everything else is answered "not found" without any I/O. */
export function isBlobId(id: unknown): id is string {
  return isId(id);
}

const MEDIA_TYPE =
  /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}(\s*;\s*[ -~]{1,200})?$/i;

/** Throws TypeError for a media type that is not `type/subtype[; params]` (it is echoed in Content-Type). */
export function checkMediaType(mediaType: string): string {
  if (!MEDIA_TYPE.test(mediaType)) throw new TypeError(`'${mediaType.slice(0, 80)}' is not a media type`);
  return mediaType;
}

/** Hex SHA-256 format, checked again before a digest becomes part of a path. */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

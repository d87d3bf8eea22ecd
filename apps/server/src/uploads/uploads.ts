import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../errors/api-error.js';

/** Room for multipart boundaries and part headers on top of the file itself, in bytes. */
const ENVELOPE_BYTES = 64 * 1024;

/** One uploaded file, read into memory (uploads are bounded by `maxBytes`). */
export interface Upload {
  /** The client's file name, untrusted: never use it as a path (see safeFileStem). */
  readonly fileName: string;
  readonly mimeType: string;
  readonly bytes: Uint8Array;
}

/**
 * Enables multipart/form-data in the calling plugin's scope only, so JSON routes elsewhere still
 * answer 415 to a multipart body. Limits: one file of at most `maxBytes`, a few small fields.
 */
export async function registerUploads(app: FastifyInstance, maxBytes: number): Promise<void> {
  await app.register(multipart, {
    limits: { fileSize: maxBytes, files: 1, fields: 8, fieldSize: 64 * 1024, parts: 10, headerPairs: 100 },
  });
}

const tooLarge = (maxBytes: number) =>
  new ApiError(
    413,
    'payload_too_large',
    `the upload is larger than the limit of ${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MB (CADENZA_MAX_UPLOAD_MB)`,
    { limitBytes: maxBytes },
  );

/**
 * Reads the one file of a multipart upload. Throws 415 when the request is not multipart, 413 when
 * the file (or the declared body) is over `maxBytes`, 400 when no file part was sent.
 */
export async function readSingleUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (!request.isMultipart()) {
    const type = request.headers['content-type'] ?? 'none';
    throw new ApiError(
      415,
      'unsupported_media_type',
      `expected a multipart/form-data upload with one file, got content type '${type}'`,
    );
  }
  // Refuse early when the client declares a body that cannot fit, before reading any of it.
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes + ENVELOPE_BYTES) throw tooLarge(maxBytes);
  const part = await request.file();
  if (!part)
    throw new ApiError(400, 'bad_request', 'the upload has no file part: send the score as a file field');
  try {
    const bytes = await part.toBuffer();
    return { fileName: part.filename, mimeType: part.mimetype, bytes: new Uint8Array(bytes) };
  } catch (error) {
    if ((error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    throw error;
  }
}

import { CreateItemRequest } from '@cadenza/contracts';
import { BlobTooLargeError, type BlobInfo, type BlobStore, type NewItemFile } from '@cadenza/platform';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../errors/api-error.js';
import { fileMediaType, fileRole, storedFileName } from './file-rules.js';

/** Most files one item upload may carry. */
export const MAX_FILES_PER_ITEM = 20;
/** Room for multipart boundaries, part headers and the small fields, in bytes. */
const ENVELOPE_BYTES = 256 * 1024;

/** Multipart for item uploads, in the library plugin's scope only (JSON routes elsewhere stay JSON). */
export async function registerItemUploads(app: FastifyInstance, maxBytes: number): Promise<void> {
  await app.register(multipart, {
    limits: {
      fileSize: maxBytes,
      files: MAX_FILES_PER_ITEM,
      fields: 8,
      fieldSize: 80 * 1024,
      parts: MAX_FILES_PER_ITEM + 8,
      headerPairs: 100,
    },
  });
}

const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

const tooLarge = (maxBytes: number) =>
  new ApiError(
    413,
    'payload_too_large',
    `the upload is larger than the limit of ${megabytes(maxBytes)} MB for all its files together (CADENZA_MAX_UPLOAD_MB)`,
    { limitBytes: maxBytes },
  );

const invalid = (path: string, message: string) =>
  new ApiError(400, 'invalid_request', `invalid ${path}: ${message}`, { issues: [{ path, message }] });

/** An item read from a multipart upload, its files already in the blob store. */
export interface UploadedItem {
  readonly fields: CreateItemRequest;
  readonly files: readonly NewItemFile[];
}

function parseFields(raw: Readonly<Record<string, string>>): CreateItemRequest {
  let metadata: unknown = undefined;
  if (raw.metadata !== undefined && raw.metadata.trim() !== '') {
    try {
      metadata = JSON.parse(raw.metadata);
    } catch {
      throw invalid('body.metadata', 'not valid JSON');
    }
  }
  const result = CreateItemRequest.safeParse({ kind: raw.kind, title: raw.title, metadata });
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: ['body', ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  const first = issues[0] ?? { path: 'body', message: 'invalid value' };
  throw new ApiError(400, 'invalid_request', `invalid ${first.path}: ${first.message}`, { issues });
}

/**
 * Reads a multipart item upload (fields `kind`, `title`, optional `metadata` as JSON text, and one or
 * more files), streaming each file into the blob store. All files together may hold `maxBytes`
 * (413 otherwise, refused before reading when Content-Length already says so). On any failure the
 * blobs stored so far are deleted again, so nothing is left behind.
 */
export async function readItemUpload(
  request: FastifyRequest,
  blobs: BlobStore,
  maxBytes: number,
): Promise<UploadedItem> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes + ENVELOPE_BYTES) throw tooLarge(maxBytes);
  const raw: Record<string, string> = {};
  const stored: BlobInfo[] = [];
  const files: NewItemFile[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (raw[part.fieldname] !== undefined) throw invalid(`body.${part.fieldname}`, 'sent twice');
        raw[part.fieldname] = typeof part.value === 'string' ? part.value : JSON.stringify(part.value);
        continue;
      }
      const fileName = storedFileName(part.filename);
      const mediaType = fileMediaType(part.mimetype, fileName);
      const used = stored.reduce((sum, blob) => sum + blob.size, 0);
      const blob = await blobs.put(part.file, { mediaType, maxBytes: maxBytes - used });
      stored.push(blob);
      // busboy stops a file at the per-file limit and marks it truncated instead of failing the stream.
      if (part.file.truncated) throw tooLarge(maxBytes);
      files.push({
        blobId: blob.id,
        role: fileRole(part.fieldname, fileName),
        fileName,
        mediaType,
        sizeBytes: blob.size,
      });
    }
    const fields = parseFields(raw);
    if (files.length === 0) {
      throw invalid('body.file', 'the upload has no file part: send one or more files, or use JSON');
    }
    return { fields, files };
  } catch (error) {
    await discardBlobs(blobs, stored, request);
    const code = (error as { code?: unknown }).code;
    if (error instanceof BlobTooLargeError || code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    throw error;
  }
}

/** Deletes blobs no item refers to yet (a failed upload); a failure here is logged, not thrown. */
export async function discardBlobs(
  blobs: BlobStore,
  stored: readonly { readonly id: string }[],
  request: FastifyRequest,
): Promise<void> {
  for (const blob of stored) {
    await blobs.delete(blob.id).catch((error: unknown) => {
      request.log.warn({ err: error, blobId: blob.id }, 'could not delete the blob of a failed upload');
    });
  }
}

import multipart from '@fastify/multipart';
import { PracticeAttemptUpload } from '@cadenza/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../errors/api-error.js';

/** Room for multipart boundaries, part headers and the id field on top of the file itself, in bytes. */
const ENVELOPE_BYTES = 64 * 1024;

/** Enables multipart in the practice routes' scope: one file of at most `maxBytes`, a few small fields. */
export async function registerAttemptUploads(app: FastifyInstance, maxBytes: number): Promise<void> {
  await app.register(multipart, {
    limits: { fileSize: maxBytes, files: 1, fields: 4, fieldSize: 1024, parts: 6, headerPairs: 100 },
  });
}

const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

const tooLarge = (maxBytes: number) =>
  new ApiError(
    413,
    'payload_too_large',
    `the upload is larger than the limit of ${megabytes(maxBytes)} MB (CADENZA_MAX_UPLOAD_MB)`,
    { limitBytes: maxBytes },
  );

const invalid = (path: string, message: string) =>
  new ApiError(400, 'invalid_request', `invalid ${path}: ${message}`, { issues: [{ path, message }] });

/** A take sent as a file, with the exercise it is for. */
export interface AttemptUpload {
  readonly exerciseId: string;
  /** The client's file name, untrusted: only a hint for the decoder and messages. */
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** The learning plan's item the take answers (field plan_item_id), when given. */
  readonly planItemId?: string;
}

/**
 * Reads a multipart attempt: the field `exercise_id` and one file (in either order). 413 when the file
 * (or the declared body) is over `maxBytes`, 400 naming the field when the id or the file is missing.
 */
export async function readAttemptUpload(request: FastifyRequest, maxBytes: number): Promise<AttemptUpload> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes + ENVELOPE_BYTES) throw tooLarge(maxBytes);
  const fields: Record<string, string> = {};
  let file: { fileName: string; bytes: Uint8Array } | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        fields[part.fieldname] = typeof part.value === 'string' ? part.value : '';
        continue;
      }
      const buffer = await part.toBuffer();
      // busboy stops a file at the limit and marks it truncated instead of failing the stream.
      if (part.file.truncated) throw tooLarge(maxBytes);
      file = { fileName: part.filename, bytes: new Uint8Array(buffer) };
    }
  } catch (error) {
    if ((error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    throw error;
  }
  const id = PracticeAttemptUpload.shape.exercise_id.safeParse(fields.exercise_id?.trim());
  if (fields.exercise_id === undefined) {
    throw invalid('body.exercise_id', 'send the id of the exercise played as the field exercise_id');
  }
  if (!id.success) throw invalid('body.exercise_id', id.error.issues[0]?.message ?? 'not an id');
  if (!file) throw invalid('body.file', 'the upload has no file part: send the take as the field file');
  if (file.bytes.byteLength === 0) throw invalid('body.file', 'the file is empty');
  const planItemId = fields.plan_item_id?.trim();
  if (planItemId !== undefined && (planItemId === '' || planItemId.length > 40)) {
    throw invalid('body.plan_item_id', 'must be a plan item id of 1 to 40 characters');
  }
  return { exerciseId: id.data, ...file, ...(planItemId !== undefined ? { planItemId } : {}) };
}

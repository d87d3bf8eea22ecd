import {
  AudioDecodeError,
  AudioEncodeError,
  AuthError,
  BlobTooLargeError,
  EngravingError,
  ExportError,
  InvalidCursorError,
  LearningError,
  SynthesisError,
  TranscriptionError,
} from '@cadenza/platform';
import { ApiError } from './api-error.js';

const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/**
 * The platform's expected failures as API errors: account rules (AuthError carries its own status and
 * code), a forged page cursor, content over the upload limit. Undefined for anything else.
 */
export function fromDomainError(error: unknown): ApiError | undefined {
  if (error instanceof AuthError) return new ApiError(error.status, error.code, error.message);
  if (error instanceof LearningError) return new ApiError(error.status, error.code, error.message);
  if (error instanceof InvalidCursorError) return new ApiError(400, 'invalid_cursor', error.message);
  if (error instanceof BlobTooLargeError) {
    return new ApiError(
      413,
      'payload_too_large',
      `the upload is larger than the limit of ${megabytes(error.maxBytes)} MB (CADENZA_MAX_UPLOAD_MB)`,
      { limitBytes: error.maxBytes },
    );
  }
  return fromMediaError(error);
}

/**
 * Export, audio and engraving failures: an option that does not exist is a 400, a file that is not
 * something Cadenza can read a 415, content that is corrupt, too long or empty a 422.
 */
function fromMediaError(error: unknown): ApiError | undefined {
  if (error instanceof ExportError) {
    if (error.code === 'unsupported') return new ApiError(415, 'unsupported_media_type', error.message);
    if (error.code === 'bad-option') return new ApiError(400, 'invalid_request', error.message);
    return new ApiError(422, 'unprocessable', error.message);
  }
  if (error instanceof AudioDecodeError) {
    if (error.code === 'unsupported') return new ApiError(415, 'unsupported_media_type', error.message);
    return new ApiError(422, 'unreadable_file', error.message);
  }
  if (error instanceof AudioEncodeError && error.code === 'bad-quality') {
    return new ApiError(400, 'invalid_request', error.message);
  }
  if (error instanceof SynthesisError && error.code === 'option') {
    return new ApiError(400, 'invalid_request', error.message);
  }
  if (error instanceof TranscriptionError) {
    return new ApiError(422, 'unprocessable', error.message);
  }
  if (error instanceof EngravingError) {
    if (error.code === 'bad-option') return new ApiError(400, 'invalid_request', error.message);
    return new ApiError(422, 'unprocessable', error.message);
  }
  return undefined;
}

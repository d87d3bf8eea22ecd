import { AuthError, BlobTooLargeError, InvalidCursorError } from '@cadenza/platform';
import { ApiError } from './api-error.js';

const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/**
 * The platform's expected failures as API errors: account rules (AuthError carries its own status and
 * code), a forged page cursor, content over the upload limit. Undefined for anything else.
 */
export function fromDomainError(error: unknown): ApiError | undefined {
  if (error instanceof AuthError) return new ApiError(error.status, error.code, error.message);
  if (error instanceof InvalidCursorError) return new ApiError(400, 'invalid_cursor', error.message);
  if (error instanceof BlobTooLargeError) {
    return new ApiError(
      413,
      'payload_too_large',
      `the upload is larger than the limit of ${megabytes(error.maxBytes)} MB (CADENZA_MAX_UPLOAD_MB)`,
      { limitBytes: error.maxBytes },
    );
  }
  return undefined;
}

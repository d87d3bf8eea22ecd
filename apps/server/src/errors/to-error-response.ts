import { MusicError } from '@cadenza/core';
import { RequestFieldError } from '@cadenza/pedagogy';
import type { ErrorResponse, ValidationIssue } from '@cadenza/contracts';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ApiError } from './api-error.js';
import { fromDomainError } from './domain-errors.js';

/** An error turned into the API's one error shape, with the status to send it with. */
export interface ErrorReply {
  readonly statusCode: number;
  readonly body: ErrorResponse;
  /** True when the error is a bug (or an unknown failure) that must be logged loudly. */
  readonly unexpected: boolean;
}

/** Fastify and plugin error codes we know how to word for a person. */
const KNOWN: Record<string, { status: number; code: string; message?: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid_json', message: 'the body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'invalid_json',
    message: "the body is empty but the content type says 'application/json'",
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'bad_request',
    message: 'the body length does not match the Content-Length header',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'payload_too_large',
    message: 'the request body is too large',
  },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'payload_too_large' },
  FST_FILES_LIMIT: { status: 413, code: 'payload_too_large', message: 'too many files in one upload' },
  FST_PARTS_LIMIT: { status: 413, code: 'payload_too_large', message: 'too many parts in one upload' },
  FST_FIELDS_LIMIT: { status: 413, code: 'payload_too_large', message: 'too many form fields in one upload' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    message: 'expected a multipart/form-data upload',
  },
  FST_PROTO_VIOLATION: { status: 400, code: 'bad_request' },
  FST_MP_PREMATURE_CLOSE: {
    status: 400,
    code: 'bad_request',
    message: 'the upload ended before it was complete',
  },
  FST_ERR_BAD_URL: { status: 400, code: 'bad_request' },
};

/** Default code for a status that came without one (e.g. a plugin's 4xx). */
const CODE_FOR_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'rate_limited',
  503: 'not_ready',
};

const body = (code: string, message: string, details?: unknown): ErrorResponse => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

const PART_NAMES: Record<string, string> = {
  querystring: 'query',
  body: 'body',
  params: 'path',
  headers: 'header',
};

function validationReply(error: { validation: unknown[]; validationContext?: string }): ErrorReply {
  const where = PART_NAMES[error.validationContext ?? ''] ?? error.validationContext ?? 'request';
  const issues: ValidationIssue[] = error.validation.map((raw) => {
    const issue = raw as { instancePath?: string; message?: string };
    const path = (issue.instancePath ?? '').split('/').filter(Boolean).join('.');
    return { path: path ? `${where}.${path}` : where, message: issue.message ?? 'invalid value' };
  });
  const first = issues[0];
  const message = first ? `invalid ${first.path}: ${first.message}` : `invalid ${where}`;
  return { statusCode: 400, body: body('invalid_request', message, { issues }), unexpected: false };
}

/**
 * Maps anything a route, hook or plugin threw to a status and the error shape. Bad input always
 * maps to a 4xx; only errors we do not recognise become a 500 with a generic message.
 */
export function toErrorResponse(thrown: unknown, request?: { contentType?: string }): ErrorReply {
  const error = fromDomainError(thrown) ?? thrown;
  if (error instanceof ApiError) {
    return {
      statusCode: error.statusCode,
      body: body(error.code, error.message, error.details),
      unexpected: error.statusCode === 500,
    };
  }
  if (error instanceof RequestFieldError) {
    const issues: ValidationIssue[] = [{ path: `body.${error.field}`, message: error.message }];
    return { statusCode: 400, body: body('invalid_request', error.message, { issues }), unexpected: false };
  }
  if (error instanceof MusicError) {
    return { statusCode: 422, body: body('invalid_music', error.message), unexpected: false };
  }
  if (hasZodFastifySchemaValidationErrors(error)) return validationReply(error);
  const err = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    statusCode?: unknown;
    message?: unknown;
  };
  const message = typeof err.message === 'string' && err.message ? err.message : 'request failed';
  const known = typeof err.code === 'string' ? KNOWN[err.code] : undefined;
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    const type = request?.contentType ?? 'none';
    const text = `unsupported content type '${type.slice(0, 100)}': this endpoint takes application/json`;
    return { statusCode: 415, body: body('unsupported_media_type', text), unexpected: false };
  }
  if (known)
    return { statusCode: known.status, body: body(known.code, known.message ?? message), unexpected: false };
  const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
  if (status >= 400 && status < 500) {
    return {
      statusCode: status,
      body: body(CODE_FOR_STATUS[status] ?? 'bad_request', message),
      unexpected: false,
    };
  }
  return {
    statusCode: 500,
    body: body(
      'internal_error',
      'internal error: something went wrong on our side (the request id is logged)',
    ),
    unexpected: true,
  };
}

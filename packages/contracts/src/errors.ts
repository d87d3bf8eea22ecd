import { z } from 'zod';

/**
 * Machine-readable error codes the API uses. Clients branch on `code`; `message` is for people.
 * Feature routes may add their own codes (snake_case); these are the shared ones.
 */
export const ERROR_CODES = {
  invalid_request: 400,
  invalid_json: 400,
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  not_acceptable: 406,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_music: 422,
  unreadable_file: 422,
  unprocessable: 422,
  rate_limited: 429,
  internal_error: 500,
  not_ready: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The one error shape every endpoint returns for every 4xx and 5xx status. */
export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string().describe('snake_case machine-readable code, e.g. invalid_music, payload_too_large'),
      message: z.string().describe('what went wrong, worded for a person'),
      details: z.unknown().optional().describe('extra facts, e.g. the validation issues'),
    }),
  })
  .describe('Error');
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/** One validation problem: where in the request (`query.symbol`, `body.chords.0`) and what is wrong. */
export const ValidationIssue = z.object({
  path: z.string(),
  message: z.string(),
});
export type ValidationIssue = z.infer<typeof ValidationIssue>;

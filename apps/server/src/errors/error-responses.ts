import { ErrorResponse } from '@cadenza/contracts';

/** What each error status means, for the OpenAPI document. */
const MEANING = {
  400: 'Invalid request: a parameter or the body failed validation, or the JSON is malformed',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict with the current state',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'The content is not usable music (the message names the problem)',
  429: 'Rate limited: too many requests from this client; retry after the Retry-After seconds',
  500: 'Internal error (a bug; quote the x-request-id header when reporting it)',
  503: 'Not ready',
} as const;

export type ErrorStatus = keyof typeof MEANING;

/**
 * Response schemas for the error statuses a route can answer, all in the one error shape. Every
 * route lists 429 and 500 as well, since the rate limiter and bugs can reach any route.
 */
export function errorResponses<S extends ErrorStatus>(
  ...statuses: S[]
): Record<S | 429 | 500, typeof ErrorResponse> {
  const all = [...new Set<ErrorStatus>([...statuses, 429, 500])];
  return Object.fromEntries(all.map((s) => [s, ErrorResponse.describe(MEANING[s])])) as Record<
    S | 429 | 500,
    typeof ErrorResponse
  >;
}

/**
 * An error a route throws on purpose: it becomes `{ error: { code, message, details } }` with
 * `statusCode`. Anything else a route throws is either a MusicError (422) or a bug (500).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    /** HTTP status, 400–599. */
    readonly statusCode: number,
    /** snake_case machine-readable code, e.g. `payload_too_large`. */
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

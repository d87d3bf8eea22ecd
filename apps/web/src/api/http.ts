/**
 * The studio talks to the Cadenza server only through HTTP on the same origin. Every failure becomes an
 * ApiError whose message a person can read: the server's own `{ error: { code, message } }` when it sent
 * one, otherwise a sentence naming what went wrong.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    /** HTTP status, or 0 when the server could not be reached or did not answer with data. */
    readonly status: number,
    /** The server's error code, or a local one: `network`, `not-json`. */
    readonly code: string,
    message: string,
    /** What a 400 said about each field: `{ path: 'body.num_bars', message }`, for the form to show. */
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(message);
  }
}

/** One of a 400's `details.issues`: the field (`body.num_bars`) and what is wrong with it. */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

interface ErrorBody {
  readonly error?: { readonly code?: unknown; readonly message?: unknown; readonly details?: unknown };
}

/** The `details.issues` of an error body, keeping only well-formed ones. */
function issuesOf(details: unknown): FieldIssue[] {
  if (typeof details !== 'object' || details === null || !('issues' in details)) return [];
  const { issues } = details;
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((issue: unknown) => {
    if (typeof issue !== 'object' || issue === null) return [];
    const { path, message } = issue as { path?: unknown; message?: unknown };
    return typeof path === 'string' && typeof message === 'string' ? [{ path, message }] : [];
  });
}

function isJson(response: Response): boolean {
  return (response.headers.get('content-type') ?? '').includes('json');
}

async function errorFrom(response: Response, path: string): Promise<ApiError> {
  if (isJson(response)) {
    const body = (await response.json().catch(() => ({}))) as ErrorBody;
    const { code, message, details } = body.error ?? {};
    if (typeof message === 'string') {
      const errorCode = typeof code === 'string' ? code : 'error';
      return new ApiError(response.status, errorCode, message, issuesOf(details));
    }
  }
  if (response.status === 404) {
    return new ApiError(404, 'not-found', `This server does not offer ${path} yet.`);
  }
  return new ApiError(response.status, 'http', `The server answered ${path} with ${response.status}.`);
}

/** fetch() that turns "could not connect" into an ApiError too. */
export async function request(path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init });
  } catch {
    throw new ApiError(0, 'network', 'The Cadenza server could not be reached. Is it running?');
  }
  if (!response.ok) throw await errorFrom(response, path.split('?')[0] ?? path);
  return response;
}

/** GET or POST JSON; the body, when given, is sent as JSON. */
export async function requestJson<T>(
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const response = await request(path, {
    method: init.method ?? 'GET',
    headers: {
      accept: 'application/json',
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  if (response.status === 204) return undefined as T;
  // A server without this route may fall back to the studio's index.html: that is not data.
  if (!isJson(response)) {
    throw new ApiError(0, 'not-json', `This server does not offer ${path.split('?')[0] ?? path} yet.`);
  }
  return (await response.json()) as T;
}

/** Builds `path?a=1&b=2` from the defined parameters. */
export function withQuery(path: string, params: Readonly<Record<string, string | undefined>>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined) search.set(name, value);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** A readable message for anything a query or mutation may throw. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

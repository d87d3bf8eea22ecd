import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A request id we accept from a client or proxy: a short token, no spaces or control characters. */
const SANE_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/**
 * Honours an incoming `x-request-id` when it is a sane token (so logs join up across a proxy),
 * otherwise makes a fresh UUID. The id is echoed in the response's `x-request-id` header.
 */
export function requestIdFor(request: IncomingMessage): string {
  const header = request.headers['x-request-id'];
  return typeof header === 'string' && SANE_ID.test(header) ? header : randomUUID();
}

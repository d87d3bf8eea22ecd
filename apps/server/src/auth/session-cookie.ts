import type { FastifyReply } from 'fastify';

/** The web studio's login cookie: the session token itself (only its SHA-256 is stored server-side). */
export const SESSION_COOKIE = 'cadenza_session';

/**
 * httpOnly so page scripts never see the token; SameSite=Lax so other sites cannot send it with a
 * POST (no CSRF on the JSON and upload routes); Secure behind HTTPS (CADENZA_COOKIE_SECURE=true).
 */
function cookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/' } as const;
}

/** Sets the session cookie, expiring with the session (`expiresAt`, ms since the epoch). */
export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  expiresAt: number | undefined,
  secure: boolean,
): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    ...cookieOptions(secure),
    ...(expiresAt === undefined ? {} : { expires: new Date(expiresAt) }),
  });
}

/** Tells the browser to forget the session cookie. */
export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  void reply.clearCookie(SESSION_COOKIE, cookieOptions(secure));
}

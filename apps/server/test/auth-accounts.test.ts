import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf } from './helpers.js';
import { openStudioApp, sessionCookieOf, signUp, type StudioTestApp } from './studio-helpers.js';

let t: StudioTestApp;
beforeAll(async () => {
  t = await openStudioApp('sqlite');
});
afterAll(() => t.close());

const PASSWORD = 'correct horse battery';
const me = (headers: Record<string, string> = {}) => t.app.inject({ url: '/auth/me', headers });
const setCookies = (res: { headers: Record<string, unknown> }) => {
  const raw = res.headers['set-cookie'];
  return Array.isArray(raw) ? (raw as string[]) : typeof raw === 'string' ? [raw] : [];
};

describe('sign-up, login, logout with the session cookie', () => {
  it('signs up (201, the user, an httpOnly SameSite=Lax cookie on /) and /auth/me knows them', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/auth/signup',
      payload: { email: '  Clara@Example.com ', password: PASSWORD, displayName: 'Clara', role: 'teacher' },
    });
    expect(res.statusCode).toBe(201);
    const user = res.json<Record<string, unknown>>();
    expect(user).toMatchObject({ email: 'clara@example.com', displayName: 'Clara', role: 'teacher' });
    expect(user.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Object.keys(user).sort()).toEqual(['createdAt', 'displayName', 'email', 'id', 'role']);
    const [cookie] = setCookies(res);
    expect(cookie).toMatch(/^cadenza_session=[A-Za-z0-9_-]{43}; /);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure');
    expect(cookie).toMatch(/Expires=/);

    const who = await me({ cookie: sessionCookieOf(res) });
    expect(who.statusCode).toBe(200);
    expect(who.json()).toEqual(user);
  });

  it('role defaults to student', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/auth/signup',
      payload: { email: 'pupil@example.com', password: PASSWORD, displayName: 'Pupil' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json<{ role: string }>().role).toBe('student');
  });

  it('logs in (200 + a new cookie), logs out (204, cookie cleared) and the old cookie no longer works', async () => {
    const user = await signUp(t.app, 'student', 'login');
    const login = await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { email: user.email.toUpperCase(), password: PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json<{ id: string }>().id).toBe(user.id);
    const cookie = sessionCookieOf(login);
    expect(cookie).not.toBe(user.cookie);
    expect((await me({ cookie })).statusCode).toBe(200);

    const out = await t.app.inject({ method: 'POST', url: '/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect(out.body).toBe('');
    const cleared = setCookies(out).find((c) => c.startsWith('cadenza_session='));
    expect(cleared).toMatch(/^cadenza_session=;/);
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/);

    const after = await me({ cookie });
    expect(after.statusCode).toBe(401);
    expect(errorOf(after)).toMatchObject({
      code: 'unauthenticated',
      message: expect.stringContaining('log in again'),
    });
    // The stale cookie is cleared on that answer too; the sign-up session is untouched.
    expect(setCookies(after).some((c) => c.startsWith('cadenza_session=;'))).toBe(true);
    expect((await me({ cookie: user.cookie })).statusCode).toBe(200);
  });

  it('logout without a session is still 204', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/auth/logout' });
    expect(res.statusCode).toBe(204);
  });

  it('GET /auth/me logged out → 401 unauthenticated in the error shape', async () => {
    const res = await me();
    expect(res.statusCode).toBe(401);
    expect(errorOf(res)).toMatchObject({
      code: 'unauthenticated',
      message: expect.stringContaining('sign in'),
    });
  });
});

describe('refusals', () => {
  it('a wrong password and an unknown email both answer 401 invalid_credentials with one message', async () => {
    const user = await signUp(t.app);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { email: user.email, password: 'not the password' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { email: 'nobody@example.com', password: PASSWORD },
    });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(errorOf(res)).toEqual({ code: 'invalid_credentials', message: 'wrong email or password' });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('a taken email (in any case) → 409 email_taken', async () => {
    const user = await signUp(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/auth/signup',
      payload: { email: user.email.toUpperCase(), password: PASSWORD, displayName: 'Twin' },
    });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('email_taken');
  });

  it.each([
    [
      'a weak password',
      { email: 'weak@example.com', password: 'short', displayName: 'W' },
      'invalid_request',
      'body.password',
    ],
    [
      'no display name',
      { email: 'x@example.com', password: PASSWORD, displayName: ' ' },
      'invalid_request',
      'body.displayName',
    ],
    [
      'an unknown role',
      { email: 'y@example.com', password: PASSWORD, displayName: 'Y', role: 'admin' },
      'invalid_request',
      'body.role',
    ],
  ])('%s → 400 %s naming %s', async (_what, payload, code, path) => {
    const res = await t.app.inject({ method: 'POST', url: '/auth/signup', payload });
    expect(res.statusCode).toBe(400);
    const error = errorOf(res);
    expect(error.code).toBe(code);
    expect(error.message).toContain(path);
  });

  it('an address that is not an email → 400 invalid_email', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/auth/signup',
      payload: { email: 'not an email', password: PASSWORD, displayName: 'N' },
    });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toMatchObject({
      code: 'invalid_email',
      message: expect.stringContaining('not an email'),
    });
  });

  it('malformed JSON → 400 invalid_json; a form body → 415', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.co", "password": ',
    });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).code).toBe('invalid_json');
    const form = await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=a%40b.co&password=x',
    });
    expect(form.statusCode).toBe(415);
    expect(errorOf(form).code).toBe('unsupported_media_type');
  });
});

describe('API tokens (Authorization: Bearer)', () => {
  it('creates a token shown once, authenticates with it, lists it without the secret, revokes it', async () => {
    const user = await signUp(t.app);
    const created = await t.app.inject({
      method: 'POST',
      url: '/auth/tokens',
      headers: { cookie: user.cookie },
      payload: { name: 'laptop CLI' },
    });
    expect(created.statusCode).toBe(201);
    const { id, token, name } = created.json<{ id: string; token: string; name: string }>();
    expect(name).toBe('laptop CLI');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const bearer = { authorization: `Bearer ${token}` };
    const who = await me(bearer);
    expect(who.statusCode).toBe(200);
    expect(who.json<{ id: string }>().id).toBe(user.id);
    expect((await t.app.inject({ url: '/library/items', headers: bearer })).statusCode).toBe(200);

    const list = await t.app.inject({ url: '/auth/tokens', headers: bearer });
    expect(list.statusCode).toBe(200);
    const tokens = list.json<{ tokens: Record<string, unknown>[] }>().tokens;
    expect(tokens.map((x) => [x.id, x.name])).toEqual([[id, 'laptop CLI']]);
    expect(JSON.stringify(list.json())).not.toContain(token);

    // Another user cannot revoke it: 404, and it keeps working.
    const other = await signUp(t.app);
    const foreign = await t.app.inject({
      method: 'DELETE',
      url: `/auth/tokens/${id}`,
      headers: { cookie: other.cookie },
    });
    expect(foreign.statusCode).toBe(404);
    expect((await me(bearer)).statusCode).toBe(200);

    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/auth/tokens/${id}`,
      headers: { cookie: user.cookie },
    });
    expect(revoked.statusCode).toBe(204);
    const after = await me(bearer);
    expect(after.statusCode).toBe(401);
    expect(errorOf(after).message).toContain('bearer token is invalid');
  });

  it('an expiring token reports expiresAt; a token request without a session → 401', async () => {
    const user = await signUp(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/auth/tokens',
      headers: { cookie: user.cookie },
      payload: { name: 'ci', expiresInDays: 7 },
    });
    expect(res.statusCode).toBe(201);
    const expiresAt = Date.parse(res.json<{ expiresAt: string }>().expiresAt);
    expect(Math.round((expiresAt - Date.now()) / 86_400_000)).toBe(7);
    const anonymous = await t.app.inject({ method: 'POST', url: '/auth/tokens', payload: { name: 'x' } });
    expect(anonymous.statusCode).toBe(401);
    expect(errorOf(anonymous).code).toBe('unauthenticated');
  });

  it('a malformed Authorization header → 401 naming the expected form; public routes ignore bad credentials', async () => {
    const basic = await me({ authorization: 'Basic dXNlcjpwYXNz' });
    expect(basic.statusCode).toBe(401);
    expect(errorOf(basic).message).toContain('Bearer <API token>');
    const theory = await t.app.inject({
      url: '/theory/chord?symbol=C7',
      headers: { authorization: 'Bearer ../../etc/passwd', cookie: 'cadenza_session=forged' },
    });
    expect(theory.statusCode).toBe(200);
  });
});

describe('process-level wiring', () => {
  it('GET /ready checks the database', async () => {
    const res = await t.app.inject({ url: '/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ready', checks: [{ name: 'database', ok: true }] });
  });

  it('Secure cookies when config.cookieSecure', async () => {
    const secure = await openStudioApp('sqlite', { cookieSecure: true });
    try {
      const user = await secure.app.inject({
        method: 'POST',
        url: '/auth/signup',
        payload: { email: 'secure@example.com', password: PASSWORD, displayName: 'S' },
      });
      expect(setCookies(user)[0]).toContain('Secure');
    } finally {
      await secure.close();
    }
  });
});

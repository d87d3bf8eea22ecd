import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthError,
  createAccounts,
  createRepositories,
  createTeaching,
  hashPassword,
  needsRehash,
  normalizeEmail,
  tokenHash,
  verifyPassword,
  type Accounts,
  type Repositories,
  type Teaching,
} from '@cadenza/platform';
import { openTestDatabase, probePostgres, type TestDatabase } from './fixtures/test-databases.js';

/** Cheap scrypt for the many sign-ups here; the default cost is tested once below. */
const FAST = { logN: 10, r: 8, p: 1 };

async function authError(promise: Promise<unknown>): Promise<AuthError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthError);
  return error as AuthError;
}

describe('passwords', () => {
  it('hashes with scrypt at N=2^15, r=8, p=1 in a self-describing string with a fresh salt', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await hashPassword('correct horse battery')).not.toBe(hash);
    expect(needsRehash(hash)).toBe(false);
  });

  it('verifies hashes made with other parameters and flags the weaker ones for rehashing', async () => {
    const weak = await hashPassword('pässwörd-ünïcode', FAST);
    expect(weak.startsWith('$scrypt$ln=10,r=8,p=1$')).toBe(true);
    expect(await verifyPassword('pässwörd-ünïcode', weak)).toBe(true);
    expect(await verifyPassword('pässwörd-ünïcode'.normalize('NFD'), weak)).toBe(true);
    expect(needsRehash(weak)).toBe(true);
  });

  it('rejects unreadable or tampered hashes instead of throwing or burning memory', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(
      await verifyPassword(
        'x',
        '$scrypt$ln=40,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      ),
    ).toBe(false);
  });

  it('normalises emails and rejects non-addresses', () => {
    expect(normalizeEmail('  Nadia.Boulanger@Conservatoire.FR ')).toBe('nadia.boulanger@conservatoire.fr');
    for (const bad of ['nadia', 'a@b', 'a b@c.de', '@c.de', 'a@@c.de']) {
      expect(() => normalizeEmail(bad), bad).toThrow(AuthError);
    }
  });
});

const postgres = await probePostgres();

describe.each(['sqlite', 'postgres'] as const)('accounts on %s', (dialect) => {
  const skip = dialect === 'postgres' && !postgres.available;
  let t: TestDatabase;
  let repos: Repositories;
  let accounts: Accounts;
  let teaching: Teaching;
  let clock = Date.UTC(2025, 5, 1);

  beforeAll(async () => {
    if (skip) return;
    t = await openTestDatabase(dialect, 'auth');
    repos = createRepositories(t.database.db, () => clock);
    accounts = createAccounts({ repositories: repos, now: () => clock, sessionTtlMs: 60_000, scrypt: FAST });
    teaching = createTeaching(repos);
  });
  afterAll(async () => {
    if (!skip) await t.cleanup();
  });

  describe.skipIf(skip)('', () => {
    it('signs up, refuses weak passwords and taken emails (any case) with codes and statuses', async () => {
      const user = await accounts.createAccount({
        email: 'Ravel@Example.com',
        password: 'bolero-1928',
        displayName: ' Maurice ',
      });
      expect(user).toMatchObject({ email: 'ravel@example.com', displayName: 'Maurice', role: 'student' });
      const weak = await authError(
        accounts.createAccount({ email: 'x@example.com', password: 'short', displayName: 'X' }),
      );
      expect([weak.code, weak.status]).toEqual(['weak_password', 400]);
      const taken = await authError(
        accounts.createAccount({ email: 'RAVEL@example.COM', password: 'another-one', displayName: 'R' }),
      );
      expect([taken.code, taken.status]).toEqual(['email_taken', 409]);
      const invalid = await authError(
        accounts.createAccount({ email: 'ravel', password: 'long enough', displayName: 'R' }),
      );
      expect([invalid.code, invalid.status]).toEqual(['invalid_email', 400]);
      const stored = await repos.users.findCredentials('ravel@example.com');
      expect(stored?.passwordHash.startsWith('$scrypt$')).toBe(true);
      expect(stored?.passwordHash).not.toContain('bolero');
    });

    it('logs in with a 256-bit token stored only as its SHA-256, and refuses wrong credentials alike', async () => {
      await accounts.createAccount({
        email: 'satie@example.com',
        password: 'gymnopedie',
        displayName: 'Erik',
      });
      const { token, user, session } = await accounts.login(' SATIE@example.com', 'gymnopedie');
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(session.expiresAt).toBe(clock + 60_000);
      const rows = await t.database.db
        .selectFrom('sessions')
        .selectAll()
        .where('userId', '=', user.id)
        .execute();
      expect(rows.map((r) => r.tokenHash)).toEqual([tokenHash(token)]);
      expect(JSON.stringify(rows)).not.toContain(token);
      expect(await accounts.authenticate(token)).toEqual(user);
      // The hash itself is not a token: presenting the stored value gets nowhere.
      expect(await accounts.authenticate(tokenHash(token))).toBeUndefined();
      expect(
        await accounts.authenticate(token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')),
      ).toBeUndefined();
      const wrong = await authError(accounts.login('satie@example.com', 'gymnopedia'));
      const unknown = await authError(accounts.login('nobody@example.com', 'gymnopedie'));
      expect([wrong.code, wrong.status, wrong.message]).toEqual([
        'invalid_credentials',
        401,
        unknown.message,
      ]);
    });

    it('expires sessions, logs out and revokes API tokens', async () => {
      const user = await accounts.createAccount({
        email: 'faure@example.com',
        password: 'requiem-op48',
        displayName: 'Gabriel',
      });
      const login = await accounts.login('faure@example.com', 'requiem-op48');
      const api = await accounts.createApiToken(user.id, 'laptop CLI');
      const shortLived = await accounts.createApiToken(user.id, 'ci', { expiresInMs: 1000 });
      clock += 59_999;
      expect(await accounts.authenticate(login.token)).toEqual(user);
      clock += 1;
      expect(await accounts.authenticate(login.token)).toBeUndefined();
      expect(await accounts.authenticate(shortLived.token)).toBeUndefined();
      expect(await accounts.authenticate(api.token)).toEqual(user);
      expect((await accounts.resolveToken(api.token))?.session.lastUsedAt).toBe(clock);
      expect((await accounts.listApiTokens(user.id)).map((s) => s.name).sort()).toEqual(['ci', 'laptop CLI']);

      const again = await accounts.login('faure@example.com', 'requiem-op48');
      expect(await accounts.logout(again.token)).toBe(true);
      expect(await accounts.logout(again.token)).toBe(false);
      expect(await accounts.authenticate(again.token)).toBeUndefined();

      const stranger = await accounts.createAccount({
        email: 'lili@example.com',
        password: 'psaume-129',
        displayName: 'Lili',
      });
      expect(await accounts.revokeSession(stranger.id, api.session.id)).toBe(false);
      expect(await accounts.authenticate(api.token)).toEqual(user);
      expect(await accounts.revokeSession(user.id, api.session.id)).toBe(true);
      expect(await accounts.authenticate(api.token)).toBeUndefined();
    });

    it('rehashes a password made with weaker parameters at the next login', async () => {
      const user = await accounts.createAccount({
        email: 'weak@example.com',
        password: 'upgrade me',
        displayName: 'W',
      });
      await repos.users.setPasswordHash(user.id, await hashPassword('upgrade me', { logN: 10, r: 1, p: 1 }));
      await accounts.login('weak@example.com', 'upgrade me');
      const stored = await repos.users.findCredentials('weak@example.com');
      expect(stored?.passwordHash.startsWith('$scrypt$ln=10,r=8,p=1$')).toBe(true);
      expect((await accounts.login('weak@example.com', 'upgrade me')).user.id).toBe(user.id);
    });

    it('lets only a teacher invite students, and shows a teacher only students who accepted', async () => {
      const teacher = await accounts.createAccount({
        email: 'nadia@example.com',
        password: 'fontainebleau',
        displayName: 'Nadia',
        role: 'teacher',
      });
      const other = await accounts.createAccount({
        email: 'other-t@example.com',
        password: 'fontainebleau',
        displayName: 'T2',
        role: 'teacher',
      });
      const astor = await accounts.createAccount({
        email: 'astor@example.com',
        password: 'libertango',
        displayName: 'Astor',
      });
      const quincy = await accounts.createAccount({
        email: 'quincy@example.com',
        password: 'soul bossa',
        displayName: 'Quincy',
      });

      const invited = await teaching.linkStudent(teacher.id, 'ASTOR@example.com');
      expect([invited.user.id, invited.status]).toEqual([astor.id, 'pending']);
      const byStudent = await authError(teaching.linkStudent(quincy.id, 'astor@example.com'));
      expect([byStudent.code, byStudent.status]).toEqual(['forbidden', 403]);
      const notStudent = await authError(teaching.linkStudent(teacher.id, 'other-t@example.com'));
      expect([notStudent.code, notStudent.status]).toEqual(['student_not_found', 404]);
      await authError(teaching.linkStudent(teacher.id, 'ghost@example.com'));

      // Pending: the teacher sees the invitation's status but not the student.
      expect(await teaching.listStudents(teacher.id)).toEqual([]);
      expect((await teaching.listStudentLinks(teacher.id)).map((l) => [l.user.id, l.status])).toEqual([
        [astor.id, 'pending'],
      ]);
      expect(await teaching.getStudent(teacher.id, astor.id)).toBeUndefined();
      expect(await teaching.isLinked(teacher.id, astor.id)).toBe(false);
      const invitations = await teaching.listInvitations(astor.id);
      expect(invitations.map((l) => [l.user.id, l.user.displayName, l.user.email])).toEqual([
        [teacher.id, 'Nadia', 'nadia@example.com'],
      ]);
      expect(await teaching.listTeachers(astor.id)).toEqual([]);

      // Only the invited student can accept; a missing invitation is false.
      expect(await teaching.acceptInvitation(quincy.id, teacher.id)).toBe(false);
      expect(await teaching.acceptInvitation(astor.id, other.id)).toBe(false);
      expect(await teaching.getStudent(teacher.id, astor.id)).toBeUndefined();
      expect(await teaching.acceptInvitation(astor.id, teacher.id)).toBe(true);
      expect(await teaching.listInvitations(astor.id)).toEqual([]);
      expect((await teaching.listTeachers(astor.id)).map((l) => [l.user.id, l.status])).toEqual([
        [teacher.id, 'accepted'],
      ]);
      // Inviting again keeps the link accepted.
      expect((await teaching.linkStudent(teacher.id, 'astor@example.com')).status).toBe('accepted');

      expect((await teaching.listStudents(teacher.id)).map((s) => s.id)).toEqual([astor.id]);
      expect(await teaching.listStudents(other.id)).toEqual([]);
      expect(await teaching.getStudent(teacher.id, astor.id)).toEqual(astor);
      expect(await teaching.isLinked(teacher.id, astor.id)).toBe(true);
      expect(await teaching.getStudent(teacher.id, quincy.id)).toBeUndefined();
      expect(await teaching.getStudent(other.id, astor.id)).toBeUndefined();
      expect((await authError(teaching.listStudents(astor.id))).code).toBe('forbidden');
      expect(await teaching.unlinkStudent(teacher.id, astor.id)).toBe(true);
      expect(await teaching.getStudent(teacher.id, astor.id)).toBeUndefined();

      // The student declines an invitation, or ends an accepted link.
      await teaching.linkStudent(teacher.id, 'quincy@example.com');
      expect(await teaching.declineInvitation(quincy.id, teacher.id)).toBe(true);
      expect(await teaching.listInvitations(quincy.id)).toEqual([]);
      expect(await teaching.acceptInvitation(quincy.id, teacher.id)).toBe(false);
      await teaching.linkStudent(other.id, 'quincy@example.com');
      expect(await teaching.acceptInvitation(quincy.id, other.id)).toBe(true);
      expect(await teaching.declineInvitation(quincy.id, other.id)).toBe(true);
      expect(await teaching.getStudent(other.id, quincy.id)).toBeUndefined();
      expect(await teaching.declineInvitation(quincy.id, other.id)).toBe(false);
      expect(await teaching.getStudent(teacher.id, astor.id)).toBeUndefined();
    });
  });
});

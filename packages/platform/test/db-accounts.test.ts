import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories, isUniqueViolation, openDatabase, type Repositories } from '@cadenza/platform';
import {
  openTestDatabase,
  probePostgres,
  steppingClock,
  type TestDatabase,
} from './fixtures/test-databases.js';

// Users, sessions, teacher links and cascades, on both dialects with the same repository code.
const postgres = await probePostgres();

describe.each(['sqlite', 'postgres'] as const)('account tables on %s', (dialect) => {
  const skip = dialect === 'postgres' && !postgres.available;
  let t: TestDatabase;
  let repos: Repositories;
  let counter = 0;
  const email = (name: string) => `${name}.${++counter}@example.com`;
  const newUser = (name: string, role: 'student' | 'teacher' = 'student') =>
    repos.users.create({ email: email(name), displayName: name, passwordHash: 'hash-' + name, role });

  beforeAll(async () => {
    if (skip) return;
    t = await openTestDatabase(dialect, 'accounts');
    repos = createRepositories(t.database.db, steppingClock());
  });
  afterAll(async () => {
    if (!skip) await t.cleanup();
  });

  describe.skipIf(skip)('', () => {
    it('migrates once: opening the same database again applies nothing and keeps the data', async () => {
      const user = await newUser('ada');
      const again = await openDatabase({ databaseUrl: t.url }, t.schema ? { searchPath: t.schema } : {});
      try {
        const found = await createRepositories(again.db).users.findById(user.id);
        expect(found).toEqual(user);
        expect(again.dialect).toBe(dialect);
      } finally {
        await again.close();
      }
    });

    it('creates users with unguessable ids and finds them by id and by email in any case', async () => {
      const user = await repos.users.create({
        email: '  Clara.Schumann@Example.COM ',
        displayName: 'Clara',
        passwordHash: 'h',
        role: 'teacher',
      });
      expect(user.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(user.email).toBe('clara.schumann@example.com');
      expect(await repos.users.findByEmail('CLARA.schumann@example.com')).toEqual(user);
      expect(await repos.users.findById(user.id)).toEqual(user);
      expect(await repos.users.findById('nobody-has-this-id-xx')).toBeUndefined();
      const credentials = await repos.users.findCredentials('clara.SCHUMANN@example.com');
      expect(credentials?.passwordHash).toBe('h');
      expect(credentials?.user).toEqual(user);
      expect(Object.keys(user)).not.toContain('passwordHash');
    });

    it('refuses a second account whose email differs only in case (unique index)', async () => {
      await repos.users.create({
        email: 'fanny@example.com',
        displayName: 'F',
        passwordHash: 'h',
        role: 'student',
      });
      const duplicate = repos.users.create({
        email: 'FANNY@Example.com',
        displayName: 'F2',
        passwordHash: 'h',
        role: 'student',
      });
      await expect(duplicate).rejects.toSatisfy(isUniqueViolation);
    });

    it('refuses a role outside student/teacher (CHECK constraint)', async () => {
      const bad = repos.users.create({
        email: email('eve'),
        displayName: 'Eve',
        passwordHash: 'h',
        role: 'admin' as 'student',
      });
      await expect(bad).rejects.toThrow();
    });

    it('finds a session by token hash only while unexpired; touch, revoke and revokeAllForUser', async () => {
      const user = await newUser('bach');
      const live = await repos.sessions.create({
        userId: user.id,
        tokenHash: 'a'.repeat(64),
        kind: 'session',
        expiresAt: 5_000,
      });
      const api = await repos.sessions.create({
        userId: user.id,
        tokenHash: 'b'.repeat(64),
        kind: 'api',
        name: 'cli',
      });
      expect(await repos.sessions.findValid('a'.repeat(64), 4_999)).toEqual(live);
      expect(await repos.sessions.findValid('a'.repeat(64), 5_000)).toBeUndefined();
      expect((await repos.sessions.findValid('b'.repeat(64), 9e12))?.name).toBe('cli');
      expect(await repos.sessions.findValid('c'.repeat(64), 0)).toBeUndefined();

      await repos.sessions.touch(api.id, 1234);
      expect((await repos.sessions.findValid('b'.repeat(64)))?.lastUsedAt).toBe(1234);

      const other = await newUser('handel');
      expect(await repos.sessions.revoke(api.id, other.id)).toBe(false);
      expect(await repos.sessions.revoke(api.id, user.id)).toBe(true);
      expect(await repos.sessions.findValid('b'.repeat(64))).toBeUndefined();

      await repos.sessions.create({ userId: user.id, tokenHash: 'd'.repeat(64), kind: 'session' });
      await repos.sessions.create({ userId: other.id, tokenHash: 'e'.repeat(64), kind: 'session' });
      expect(await repos.sessions.revokeAllForUser(user.id)).toBe(2);
      expect(await repos.sessions.listForUser(user.id)).toEqual([]);
      expect(await repos.sessions.findValid('e'.repeat(64))).toBeDefined();
      expect(await repos.sessions.deleteExpired(1e15)).toBe(0);
    });

    it('links teachers and students once as pending, accepts, lists by name, unlinks', async () => {
      const teacher = await newUser('Teacher', 'teacher');
      const zoe = await newUser('Zoe');
      const anna = await newUser('Anna');
      const stranger = await newUser('Stranger');
      expect(await repos.teacherLinks.link(teacher.id, zoe.id)).toBe(true);
      expect(await repos.teacherLinks.link(teacher.id, zoe.id)).toBe(false);
      expect(await repos.teacherLinks.link(teacher.id, anna.id)).toBe(true);
      // A pending link is stored but grants nothing.
      expect(await repos.teacherLinks.isLinked(teacher.id, zoe.id)).toBe(false);
      expect((await repos.teacherLinks.studentsOf(teacher.id)).map((s) => s.acceptedAt)).toEqual([
        null,
        null,
      ]);
      expect(await repos.teacherLinks.accept(teacher.id, zoe.id)).toBe(true);
      expect(await repos.teacherLinks.accept(teacher.id, anna.id)).toBe(true);
      expect(await repos.teacherLinks.accept(teacher.id, stranger.id)).toBe(false);
      const students = await repos.teacherLinks.studentsOf(teacher.id);
      expect(students.map((s) => s.displayName)).toEqual(['Anna', 'Zoe']);
      const zoeAcceptedAt = students[1]!.acceptedAt;
      expect(zoeAcceptedAt).toBeGreaterThan(students[1]!.linkedAt);
      // Accepting again keeps the first acceptance time; linking again does not reset it to pending.
      expect(await repos.teacherLinks.accept(teacher.id, zoe.id)).toBe(true);
      expect(await repos.teacherLinks.link(teacher.id, zoe.id)).toBe(false);
      expect((await repos.teacherLinks.studentsOf(teacher.id))[1]!.acceptedAt).toBe(zoeAcceptedAt);
      expect(await repos.teacherLinks.isLinked(teacher.id, zoe.id)).toBe(true);
      expect(await repos.teacherLinks.isLinked(teacher.id, stranger.id)).toBe(false);
      expect((await repos.teacherLinks.teachersOf(anna.id)).map((u) => u.id)).toEqual([teacher.id]);
      expect(await repos.teacherLinks.unlink(teacher.id, zoe.id)).toBe(true);
      expect(await repos.teacherLinks.unlink(teacher.id, zoe.id)).toBe(false);
      expect((await repos.teacherLinks.studentsOf(teacher.id)).map((s) => s.id)).toEqual([anna.id]);
    });

    it('deleting a user cascades to sessions, links, items, files, jobs, practice and profile', async () => {
      const db = t.database.db;
      const user = await newUser('leaving');
      const teacher = await newUser('stays', 'teacher');
      const blob = {
        id: 'blobblobblobblobblob01',
        sha256: 'f'.repeat(64),
        sizeBytes: 3,
        mediaType: 'audio/wav',
        createdAt: 1,
      };
      await db.insertInto('blobs').values(blob).execute();
      await repos.sessions.create({ userId: user.id, tokenHash: '9'.repeat(64), kind: 'session' });
      await repos.teacherLinks.link(teacher.id, user.id);
      const item = await repos.items.create({
        ownerId: user.id,
        kind: 'transcription',
        title: 'Take 1',
        files: [
          { blobId: blob.id, role: 'audio', fileName: 'take1.wav', mediaType: 'audio/wav', sizeBytes: 3 },
        ],
      });
      await repos.jobs.create({ kind: 'transcribe', ownerId: user.id, input: { itemId: item.id } });
      await repos.practiceSessions.record({
        userId: user.id,
        itemId: item.id,
        startedAt: 10,
        durationSeconds: 60,
      });
      await repos.studentProfiles.put(user.id, { level: 2 });

      expect(await repos.users.delete(user.id)).toBe(true);
      const count = async (table: 'sessions' | 'items' | 'itemFiles' | 'jobs' | 'practiceSessions') =>
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n;
      const remaining = await db
        .selectFrom('teacherStudents')
        .selectAll()
        .where('studentId', '=', user.id)
        .execute();
      expect(remaining).toEqual([]);
      expect(await repos.items.get(user.id, item.id)).toBeUndefined();
      expect(Number(await count('itemFiles'))).toBe(0);
      expect(await repos.jobs.listByOwner(user.id)).toEqual([]);
      expect(await repos.practiceSessions.listByUser(user.id)).toEqual([]);
      expect(await repos.studentProfiles.get(user.id)).toBeUndefined();
      expect(await repos.sessions.findValid('9'.repeat(64))).toBeUndefined();
      // The blob row is the blob store's: it survives, for the store to collect.
      expect(await db.selectFrom('blobs').select('id').where('id', '=', blob.id).executeTakeFirst()).toEqual({
        id: blob.id,
      });
      expect(await repos.users.findById(teacher.id)).toBeDefined();
    });
  });
});

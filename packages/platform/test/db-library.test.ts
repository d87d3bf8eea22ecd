import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRepositories,
  InvalidCursorError,
  type Item,
  type Repositories,
  type User,
} from '@cadenza/platform';
import {
  openTestDatabase,
  probePostgres,
  steppingClock,
  type TestDatabase,
} from './fixtures/test-databases.js';

// Library items (with the ownership property), jobs, practice sessions and profiles on both dialects.
const postgres = await probePostgres();

describe.each(['sqlite', 'postgres'] as const)('library tables on %s', (dialect) => {
  const skip = dialect === 'postgres' && !postgres.available;
  let t: TestDatabase;
  let repos: Repositories;
  let counter = 0;
  const newUser = (name: string): Promise<User> =>
    repos.users.create({
      email: `${name}.${++counter}@example.com`,
      displayName: name,
      passwordHash: 'h',
      role: 'student',
    });
  const blobIds: string[] = [];
  const newBlob = async (): Promise<string> => {
    const id = `blob${String(blobIds.length).padStart(18, '0')}`;
    await t.database.db
      .insertInto('blobs')
      .values({ id, sha256: 'a'.repeat(64), sizeBytes: 1, mediaType: 'audio/midi', createdAt: 0 })
      .execute();
    blobIds.push(id);
    return id;
  };
  const file = (blobId: string, role = 'midi') => ({
    blobId,
    role,
    fileName: `f.${role}`,
    mediaType: 'audio/midi',
    sizeBytes: 1,
  });

  beforeAll(async () => {
    if (skip) return;
    t = await openTestDatabase(dialect, 'library');
    repos = createRepositories(t.database.db, steppingClock());
  });
  afterAll(async () => {
    if (!skip) await t.cleanup();
  });

  describe.skipIf(skip)('', () => {
    it('creates an item with its files and metadata and reads it back unchanged', async () => {
      const owner = await newUser('owner');
      const [midi, xml] = [await newBlob(), await newBlob()];
      const item = await repos.items.create({
        ownerId: owner.id,
        kind: 'arrangement',
        title: 'Autumn Leaves (bossa)',
        metadata: { genre: 'bossa', bars: 32, tags: ['jazz'], nested: { swing: null } },
        files: [file(midi, 'midi'), file(xml, 'musicxml')],
      });
      expect(item.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(item.files.map((f) => [f.role, f.blobId]).sort()).toEqual([
        ['midi', midi],
        ['musicxml', xml],
      ]);
      expect(await repos.items.get(owner.id, item.id)).toEqual(item);
      const fileId = item.files[0]!.id;
      expect(await repos.items.getFile(owner.id, item.id, fileId)).toEqual(item.files[0]);
    });

    it('property: another user never sees, lists, changes, extends or deletes an item', async () => {
      const [alice, bob] = [await newUser('alice'), await newUser('bob')];
      const blob = await newBlob();
      await fc.assert(
        fc.asyncProperty(
          fc.string({ maxLength: 40 }),
          fc.constantFrom('exercise', 'export', 'composition'),
          async (title, kind) => {
            const item = await repos.items.create({ ownerId: alice.id, kind, title, files: [file(blob)] });
            expect(await repos.items.get(bob.id, item.id)).toBeUndefined();
            expect((await repos.items.listByOwner(bob.id)).items).toEqual([]);
            expect(await repos.items.update(bob.id, item.id, { title: 'stolen' })).toBeUndefined();
            expect(await repos.items.addFiles(bob.id, item.id, [file(blob)])).toBeUndefined();
            expect(await repos.items.getFile(bob.id, item.id, item.files[0]!.id)).toBeUndefined();
            expect(await repos.items.delete(bob.id, item.id)).toBeUndefined();
            // Alice's item is untouched by all of that.
            expect(await repos.items.get(alice.id, item.id)).toEqual(item);
          },
        ),
        { numRuns: 15 },
      );
    });

    it('answers ids that are not ids (paths, SQL) with undefined', async () => {
      const owner = await newUser('probe');
      for (const id of ["' OR 1=1 --", '../../etc/passwd', '', 'x'.repeat(500)]) {
        expect(await repos.items.get(owner.id, id)).toBeUndefined();
        expect(await repos.items.update(owner.id, id, { title: 'x' })).toBeUndefined();
        expect(await repos.items.delete(owner.id, id)).toBeUndefined();
      }
    });

    it('lists newest first in pages that cover every item exactly once, filtered by kind', async () => {
      const owner = await newUser('prolific');
      const created: Item[] = [];
      for (let i = 0; i < 23; i++) {
        created.push(
          await repos.items.create({
            ownerId: owner.id,
            kind: i % 3 === 0 ? 'exercise' : 'export',
            title: `n${i}`,
          }),
        );
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await repos.items.listByOwner(owner.id, { limit: 5, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((i) => i.title));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(5);
      expect(seen).toEqual(created.map((i) => i.title).reverse());
      const exercises = await repos.items.listByOwner(owner.id, { kind: 'exercise', limit: 100 });
      expect(exercises.items.map((i) => i.title)).toEqual([
        'n21',
        'n18',
        'n15',
        'n12',
        'n9',
        'n6',
        'n3',
        'n0',
      ]);
      expect(exercises.nextCursor).toBeUndefined();
      await expect(repos.items.listByOwner(owner.id, { cursor: 'bm90IGEgY3Vyc29y' })).rejects.toThrow(
        InvalidCursorError,
      );
    });

    it('updates title and metadata (bumping updatedAt) and adds files', async () => {
      const owner = await newUser('editor');
      const item = await repos.items.create({
        ownerId: owner.id,
        kind: 'composition',
        title: 'Draft',
        metadata: { v: 1 },
      });
      const renamed = await repos.items.update(owner.id, item.id, { title: 'Final' });
      expect(renamed?.title).toBe('Final');
      expect(renamed?.metadata).toEqual({ v: 1 });
      expect(renamed!.updatedAt).toBeGreaterThan(item.updatedAt);
      const remeta = await repos.items.update(owner.id, item.id, { metadata: { v: 2, key: 'Eb' } });
      expect(remeta?.metadata).toEqual({ v: 2, key: 'Eb' });
      expect(remeta?.title).toBe('Final');
      const added = await repos.items.addFiles(owner.id, item.id, [file(await newBlob(), 'pdf')]);
      expect(added?.map((f) => f.role)).toEqual(['pdf']);
      expect((await repos.items.get(owner.id, item.id))?.files.map((f) => f.role)).toEqual(['pdf']);
    });

    it('deletes an item with its file rows and reports only the blobs no other item uses', async () => {
      const owner = await newUser('tidy');
      const [shared, own] = [await newBlob(), await newBlob()];
      const keep = await repos.items.create({
        ownerId: owner.id,
        kind: 'export',
        title: 'keep',
        files: [file(shared)],
      });
      const gone = await repos.items.create({
        ownerId: owner.id,
        kind: 'export',
        title: 'gone',
        files: [file(shared), file(own, 'pdf')],
      });
      expect(await repos.items.delete(owner.id, gone.id)).toEqual({ orphanedBlobIds: [own] });
      expect(await repos.items.get(owner.id, gone.id)).toBeUndefined();
      expect(await repos.items.delete(owner.id, gone.id)).toBeUndefined();
      const rows = await t.database.db
        .selectFrom('itemFiles')
        .select('itemId')
        .where('itemId', '=', gone.id)
        .execute();
      expect(rows).toEqual([]);
      expect((await repos.items.get(owner.id, keep.id))?.files).toHaveLength(1);
    });

    it('stores jobs and updates status, progress (clamped), stage, error and result', async () => {
      const owner = await newUser('jobber');
      const job = await repos.jobs.create({
        kind: 'render',
        ownerId: owner.id,
        input: { bars: [1, 2] },
        maxAttempts: 5,
      });
      expect(job).toMatchObject({
        status: 'queued',
        progress: 0,
        attempts: 0,
        maxAttempts: 5,
        input: { bars: [1, 2] },
      });
      expect(job.result).toBeUndefined();
      const running = await repos.jobs.update(job.id, {
        status: 'running',
        progress: 42.4,
        stage: 'engraving',
        attempts: 1,
      });
      expect(running).toMatchObject({ status: 'running', progress: 42, stage: 'engraving', attempts: 1 });
      expect((await repos.jobs.update(job.id, { progress: 180 }))?.progress).toBe(100);
      const failed = await repos.jobs.update(job.id, { status: 'failed', error: 'verovio crashed' });
      expect(failed?.error).toBe('verovio crashed');
      const done = await repos.jobs.update(job.id, {
        status: 'succeeded',
        error: null,
        result: { pages: 3 },
      });
      expect(done).toMatchObject({ status: 'succeeded', error: undefined, result: { pages: 3 } });
      expect(await repos.jobs.update('no-such-job', { progress: 1 })).toBeUndefined();
      const anonymous = await repos.jobs.create({ kind: 'theory', input: null });
      expect(anonymous.ownerId).toBeUndefined();
      expect((await repos.jobs.listByOwner(owner.id)).map((j) => j.id)).toEqual([job.id]);
      expect(await repos.jobs.getForOwner(owner.id, job.id)).toEqual(done);
      expect(await repos.jobs.getForOwner((await newUser('other')).id, job.id)).toBeUndefined();
      const queued = await repos.jobs.listByStatus(['queued']);
      expect(queued.map((j) => j.id)).toContain(anonymous.id);
      expect(queued.map((j) => j.id)).not.toContain(job.id);
    });

    it('records practice sessions, most recent first, and keeps them when the item goes', async () => {
      const user = await newUser('pianist');
      const item = await repos.items.create({ ownerId: user.id, kind: 'exercise', title: 'Scales' });
      await repos.practiceSessions.record({
        userId: user.id,
        itemId: item.id,
        startedAt: 1000,
        durationSeconds: 90.5,
        score: { accuracy: 0.9 },
      });
      await repos.practiceSessions.record({
        userId: user.id,
        exerciseId: 'gen-42',
        startedAt: 3000,
        durationSeconds: 30,
      });
      await expect(
        repos.practiceSessions.record({ userId: user.id, startedAt: 0, durationSeconds: -1 }),
      ).rejects.toThrow(RangeError);
      const list = await repos.practiceSessions.listByUser(user.id);
      expect(list.map((p) => [p.startedAt, p.durationSeconds, p.exerciseId])).toEqual([
        [3000, 30, 'gen-42'],
        [1000, 90.5, undefined],
      ]);
      expect(list[1]?.score).toEqual({ accuracy: 0.9 });
      expect(
        (await repos.practiceSessions.listByUser(user.id, { before: 3000 })).map((p) => p.startedAt),
      ).toEqual([1000]);
      await repos.items.delete(user.id, item.id);
      const after = await repos.practiceSessions.listByUser(user.id);
      expect(after.map((p) => p.itemId)).toEqual([undefined, undefined]);
    });

    it('creates and replaces a student profile', async () => {
      const user = await newUser('learner');
      expect(await repos.studentProfiles.get(user.id)).toBeUndefined();
      await repos.studentProfiles.put(user.id, { skills: { scales: 0.3 } });
      const replaced = await repos.studentProfiles.put(user.id, { skills: { scales: 0.6 }, goal: 'grade 3' });
      expect(await repos.studentProfiles.get(user.id)).toEqual(replaced);
      expect(replaced.profile).toEqual({ skills: { scales: 0.6 }, goal: 'grade 3' });
    });
  });
});

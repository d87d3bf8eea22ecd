import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRepositories,
  migrateToLatest,
  type NewPracticeAttempt,
  type Repositories,
  type User,
} from '@cadenza/platform';
import {
  openTestDatabase,
  probePostgres,
  steppingClock,
  type TestDatabase,
} from './fixtures/test-databases.js';

// Graded practice attempts (the API's practice sessions) on both dialects: round trip, owner-only reads,
// newest first, paging and the skill filter, range checks, and the cascade when the user goes.
const postgres = await probePostgres();

const attempt = (userId: string, changes: Partial<NewPracticeAttempt> = {}): NewPracticeAttempt => ({
  userId,
  exerciseId: 'ex'.padEnd(22, 'x'),
  skillType: 'scales',
  subtype: 'major',
  difficulty: 3,
  source: 'midi-keyboard',
  score: 86.7,
  pitchAccuracy: 0.9333,
  rhythmAccuracy: 0.8571,
  tempoPlayed: 96.4,
  tempoExpected: 100,
  grade: { score: 86.7, notes: [{ index: 0, verdict: 'correct', timing_error_ms: -12 }], extra_notes: [] },
  ...changes,
});

describe.each(['sqlite', 'postgres'] as const)('practice attempts on %s', (dialect) => {
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

  beforeAll(async () => {
    if (skip) return;
    t = await openTestDatabase(dialect, 'practice_attempts');
    repos = createRepositories(t.database.db, steppingClock());
  });
  afterAll(async () => {
    if (!skip) await t.cleanup();
  });

  describe.skipIf(skip)('', () => {
    it('the migration is registered: migrating again runs nothing', async () => {
      expect(await migrateToLatest(t.database.db, dialect, t.schema)).toEqual([]);
    });

    it('records an attempt and reads it back unchanged, only for its owner', async () => {
      const [ann, bob] = [await newUser('ann'), await newUser('bob')];
      const saved = await repos.practiceAttempts.record(attempt(ann.id));
      expect(saved.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(saved).toMatchObject({ difficulty: 3, score: 86.7, pitchAccuracy: 0.9333, tempoPlayed: 96.4 });
      const read = await repos.practiceAttempts.get(ann.id, saved.id);
      expect(read).toEqual(saved);
      expect(read?.grade).toEqual(attempt(ann.id).grade);
      expect(typeof read?.createdAt).toBe('number');
      expect(await repos.practiceAttempts.get(bob.id, saved.id)).toBeUndefined();
      expect(await repos.practiceAttempts.listByUser(bob.id)).toEqual([]);
    });

    it('keeps the id it is given and a tempo that could not be measured as undefined', async () => {
      const ann = await newUser('ann');
      const id = 'A'.repeat(21) + 'b';
      const saved = await repos.practiceAttempts.record({ ...attempt(ann.id), id, tempoPlayed: undefined });
      expect(saved.id).toBe(id);
      expect((await repos.practiceAttempts.get(ann.id, id))?.tempoPlayed).toBeUndefined();
    });

    it('lists newest first, pages back with before, filters by skill type and clamps the limit', async () => {
      const ann = await newUser('ann');
      const made = [];
      for (const skillType of ['scales', 'rhythm', 'scales', 'arpeggios']) {
        made.push(await repos.practiceAttempts.record(attempt(ann.id, { skillType })));
      }
      const ids = made.map((m) => m.id).reverse();
      expect((await repos.practiceAttempts.listByUser(ann.id)).map((a) => a.id)).toEqual(ids);
      expect((await repos.practiceAttempts.listByUser(ann.id, { limit: 2 })).map((a) => a.id)).toEqual(
        ids.slice(0, 2),
      );
      const before = made[2]?.createdAt ?? 0;
      expect((await repos.practiceAttempts.listByUser(ann.id, { before })).map((a) => a.id)).toEqual(
        ids.slice(2),
      );
      const scales = await repos.practiceAttempts.listByUser(ann.id, { skillType: 'scales' });
      expect(scales.map((a) => a.id)).toEqual([made[2]?.id, made[0]?.id]);
      expect(await repos.practiceAttempts.listByUser(ann.id, { limit: 0 })).toHaveLength(1);
    });

    it('refuses values out of range', async () => {
      const ann = await newUser('ann');
      await expect(repos.practiceAttempts.record(attempt(ann.id, { score: 101 }))).rejects.toThrow(/score/);
      await expect(repos.practiceAttempts.record(attempt(ann.id, { pitchAccuracy: 1.2 }))).rejects.toThrow(
        /accuracy/,
      );
      await expect(repos.practiceAttempts.record(attempt(ann.id, { difficulty: 11 }))).rejects.toThrow(
        /difficulty/,
      );
      expect(await repos.practiceAttempts.listByUser(ann.id)).toEqual([]);
    });

    it("goes with its user's account", async () => {
      const gone = await newUser('gone');
      await repos.practiceAttempts.record(attempt(gone.id));
      await t.database.db.deleteFrom('users').where('id', '=', gone.id).execute();
      const left = await t.database.db
        .selectFrom('practiceAttempts')
        .select('id')
        .where('userId', '=', gone.id)
        .execute();
      expect(left).toEqual([]);
    });
  });
});

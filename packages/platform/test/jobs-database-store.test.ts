import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRecord } from '@cadenza/contracts';
import {
  createDatabaseJobStore,
  createInProcessJobQueue,
  createRepositories,
  openDatabase,
  type Database,
  type JobStore,
} from '@cadenza/platform';
import { startJob, TEST_HANDLERS } from './jobs-helpers.js';

const CRASHING_SERVER = fileURLToPath(new URL('./jobs-fixtures/crashing-server.mjs', import.meta.url));
let dir: string;
let databaseUrl: string;
let database: Database;
let store: JobStore;
/** Jobs belong to users (a foreign key): ids of three real users. */
let o1: string;
let o2: string;
let u1: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cadenza-jobs-db-'));
  databaseUrl = `sqlite:${join(dir, 'cadenza.db')}`;
  database = await openDatabase({ databaseUrl });
  const repositories = createRepositories(database.db);
  store = createDatabaseJobStore(repositories.jobs);
  const user = async (name: string): Promise<string> =>
    (
      await repositories.users.create({
        email: `${name}@example.org`,
        displayName: name,
        passwordHash: 'x',
        role: 'student',
      })
    ).id;
  [o1, o2, u1] = [await user('o1'), await user('o2'), await user('u1')];
});
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('database job store (SQLite jobs table)', () => {
  it('stores, patches and lists jobs as API records', async () => {
    const at = (h: number): string => `2025-01-01T${String(h).padStart(2, '0')}:00:00.000Z`;
    const base = { kind: 'score.convert', progress: 0, stage: 'queued', attempts: 0, maxAttempts: 3 };
    await store.create({
      ...base,
      id: 'db-a',
      ownerId: o1,
      status: 'queued',
      input: { n: 1 },
      createdAt: at(1),
      updatedAt: at(1),
    });
    await store.create({
      ...base,
      id: 'db-b',
      ownerId: o1,
      status: 'running',
      attempts: 1,
      input: [2],
      createdAt: at(2),
      updatedAt: at(2),
    });
    await store.create({
      ...base,
      id: 'db-c',
      ownerId: null,
      status: 'queued',
      input: null,
      createdAt: at(3),
      updatedAt: at(3),
    });

    const b = await store.get('db-b');
    expect(b).toMatchObject({ id: 'db-b', ownerId: o1, status: 'running', attempts: 1, stage: 'queued' });
    expect(JobRecord.safeParse(b).success).toBe(true);
    expect((await store.listByOwner(o1)).map((j) => j.id)).toEqual(['db-b', 'db-a']);
    const open = await store.listByStatus(['queued', 'running']);
    expect(open.filter((j) => j.id.startsWith('db-')).map((j) => [j.id, j.input])).toEqual([
      ['db-a', { n: 1 }],
      ['db-b', [2]],
      ['db-c', null],
    ]);

    expect(await store.update('db-a', { status: 'queued', stage: 'waiting to retry', error: 'boom' })).toBe(
      true,
    );
    expect(await store.get('db-a')).toMatchObject({ stage: 'waiting to retry', error: 'boom' });
    await store.update('db-a', { status: 'succeeded', progress: 100, error: undefined, result: { bars: 4 } });
    const a = await store.get('db-a');
    expect(a).toMatchObject({ status: 'succeeded', progress: 100, result: { bars: 4 } });
    expect(a).not.toHaveProperty('error');
    expect(await store.update('no-such-job', { status: 'failed' })).toBe(false);
    expect(await store.get('no-such-job')).toBeUndefined();
  });

  it('runs an in-process job with its state in the database', async () => {
    const queue = await createInProcessJobQueue({
      handlersModule: TEST_HANDLERS,
      concurrency: 1,
      store,
      recover: false,
    });
    try {
      const job = await startJob(queue, 'test.progress', { stages: ['a', 'b'], value: 7 }, { ownerId: o2 });
      expect(await job.end).toEqual({ type: 'completed', result: { value: 7, attempt: 1 } });
      expect(await store.get(job.id)).toMatchObject({
        status: 'succeeded',
        attempts: 1,
        progress: 100,
        result: { value: 7 },
      });
    } finally {
      await queue.close();
    }
  });

  it('a job running when its process was SIGKILLed is re-queued by the next start and succeeds', async () => {
    const child = spawn(process.execPath, [CRASHING_SERVER, databaseUrl, u1], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const id = await new Promise<string>((resolve, reject) => {
      child.stdout.once('data', (d: Buffer) => resolve(d.toString().trim()));
      child.once('exit', (code) => reject(new Error(`crashing-server exited early (${code})`)));
    });
    await waitFor(async () => (await store.get(id))?.stage === 'attempt 1');
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(await store.get(id)).toMatchObject({ status: 'running', attempts: 1 });

    const queue = await createInProcessJobQueue({ handlersModule: TEST_HANDLERS, concurrency: 1, store });
    try {
      await waitFor(async () => (await store.get(id))?.status === 'succeeded');
      expect(await store.get(id)).toMatchObject({
        status: 'succeeded',
        attempts: 2,
        ownerId: u1,
        result: { finishedOnAttempt: 2 },
      });
    } finally {
      await queue.close();
    }
  });
});

/** Polls `check` every 20 ms until it holds (or 20 s pass). */
async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let waited = 0; waited < 20_000; waited += 20) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('condition not reached within 20 s');
}

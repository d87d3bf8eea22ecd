import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  builtinJobHandlersModule,
  createBullMqJobQueue,
  createJobQueue,
  createMemoryJobStore,
  startJobWorker,
  UnknownJobKindError,
  type JobQueue,
  type JobStore,
  type JobWorker,
} from '@cadenza/platform';
import {
  pitchNames,
  readMusicXmlBase64,
  redisCommand,
  redisReachable,
  SMALL_SCORE_PITCHES,
  smallMidi,
  stageReached,
  startJob,
  TEST_HANDLERS,
} from './jobs-helpers.js';

const REDIS_URL = process.env.CADENZA_TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const reachable = await redisReachable(REDIS_URL);
const CI = process.env.CI === 'true';
if (!reachable && !CI) console.warn(`skipping the BullMQ job tests: no Redis answers at ${REDIS_URL}`);
const CLI_MAIN = fileURLToPath(new URL('../../../apps/cli/dist/main.js', import.meta.url));

/** Every test gets its own key prefix; all of them are deleted afterwards. */
const prefixes: string[] = [];
const open: { close(): Promise<void> }[] = [];
let dir: string;

/** Deletes every key matching `pattern` and returns the keys left afterwards (none, unless it failed). */
async function deleteKeys(pattern: string): Promise<unknown> {
  const keys = (await redisCommand(REDIS_URL, 'KEYS', pattern)) as string[];
  if (keys.length) await redisCommand(REDIS_URL, 'DEL', ...keys);
  return redisCommand(REDIS_URL, 'KEYS', pattern);
}

async function setUp(store?: JobStore): Promise<{ queue: JobQueue; worker: JobWorker; prefix: string }> {
  const prefix = `cadenza-test-${randomUUID().slice(0, 8)}`;
  prefixes.push(prefix);
  const location = { redisUrl: REDIS_URL, prefix, queueName: 'jobs' };
  const queue = await createBullMqJobQueue({ ...location, handlersModule: TEST_HANDLERS, store });
  open.push(queue);
  const worker = await startJobWorker({ ...location, handlersModule: TEST_HANDLERS, concurrency: 2 });
  open.push(worker);
  return { queue, worker, prefix };
}

describe.skipIf(!reachable && !CI)('BullMQ job queue on Redis', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cadenza-bullmq-'));
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((o) => o.close()));
    for (const prefix of prefixes.splice(0)) expect(await deleteKeys(`${prefix}:*`)).toEqual([]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports progress with the stages in order, succeeds, and mirrors the record into the store', async () => {
    const store = createMemoryJobStore();
    const { queue } = await setUp(store);
    expect(queue.engine).toBe('bullmq');
    const stages = ['loading', 'analysing', 'saving'];
    const job = await startJob(queue, 'test.progress', { stages, value: 'ok' }, { ownerId: 'u1' });
    expect(await job.end).toEqual({ type: 'completed', result: { value: 'ok', attempt: 1 } });
    expect(job.events.slice(0, -1)).toEqual([
      { type: 'progress', progress: 0, stage: 'loading' },
      { type: 'progress', progress: 50, stage: 'analysing' },
      { type: 'progress', progress: 100, stage: 'saving' },
    ]);
    const expected = {
      kind: 'test.progress',
      ownerId: 'u1',
      status: 'succeeded',
      progress: 100,
      stage: 'done',
    };
    expect(await queue.get(job.id)).toMatchObject({
      ...expected,
      attempts: 1,
      maxAttempts: 3,
      result: { value: 'ok' },
    });
    expect(await store.get(job.id)).toMatchObject({
      ...expected,
      attempts: 1,
      result: { value: 'ok', attempt: 1 },
    });
  });

  it('retries with exponential back-off: fails twice, succeeds on attempt 3', async () => {
    const { queue } = await setUp();
    const log = join(dir, `${randomUUID()}.log`);
    const job = await startJob(
      queue,
      'test.fail-n-times',
      { failures: 2, log },
      { maxAttempts: 3, backoffMs: 100 },
    );
    expect(await job.end).toEqual({ type: 'completed', result: { succeededOnAttempt: 3 } });
    const record = await queue.get(job.id);
    expect(record).toMatchObject({ status: 'succeeded', attempts: 3, maxAttempts: 3 });
    expect(record?.error).toBeUndefined();
    const starts = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(' ').map(Number));
    expect(starts.map(([attempt]) => attempt)).toEqual([1, 2, 3]);
    const [t1, t2, t3] = starts.map(([, t]) => t!);
    expect(t2! - t1!).toBeGreaterThanOrEqual(100);
    expect(t3! - t2!).toBeGreaterThanOrEqual(200);
  });

  it('a handler that always fails ends failed with its message after maxAttempts attempts', async () => {
    const store = createMemoryJobStore();
    const { queue } = await setUp(store);
    const message = 'the recording is silent';
    const job = await startJob(queue, 'test.always-fail', { message }, { maxAttempts: 2, backoffMs: 10 });
    expect(await job.end).toEqual({ type: 'failed', error: message });
    const failed = { status: 'failed', attempts: 2, maxAttempts: 2, error: message };
    expect(await queue.get(job.id)).toMatchObject(failed);
    expect(await store.get(job.id)).toMatchObject(failed);
  });

  it('rejects an unknown kind before it reaches Redis', async () => {
    const { queue } = await setUp();
    await expect(queue.enqueue('transcribe.audio', {})).rejects.toBeInstanceOf(UnknownJobKindError);
    expect(await queue.get('no-such-id')).toBeUndefined();
  });

  it("a worker's close() lets its running job finish", async () => {
    const { queue, worker } = await setUp();
    const job = await startJob(queue, 'test.sleep', { ms: 300 });
    await stageReached(queue, job.id, 'sleeping');
    await worker.close();
    expect(await job.end).toEqual({ type: 'completed', result: { sleptMs: 300 } });
    expect(await queue.get(job.id)).toMatchObject({ status: 'succeeded', attempts: 1 });
  });

  it('`cadenza worker` in its own process converts a score, then exits 0 on SIGTERM', async () => {
    if (!existsSync(CLI_MAIN)) throw new Error(`${CLI_MAIN} is missing: build first (npx tsc -b)`);
    const prefix = `cadenza-test-${randomUUID().slice(0, 8)}`;
    prefixes.push(prefix);
    const child = spawn(
      process.execPath,
      [CLI_MAIN, 'worker', '--prefix', prefix, '--concurrency', '1', '--json'],
      {
        env: { ...process.env, CADENZA_REDIS_URL: REDIS_URL, CADENZA_LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const queue = await createJobQueue(
        { redisUrl: REDIS_URL, jobConcurrency: 1 },
        { handlersModule: builtinJobHandlersModule(), prefix },
      );
      open.push(queue);
      const bytes = Buffer.from(smallMidi()).toString('base64');
      const job = await startJob(queue, 'score.convert', { bytes, to: 'musicxml' });
      const end = await job.end;
      if (end.type !== 'completed')
        throw new Error(`score.convert failed: ${JSON.stringify(end)}\n${stderr}`);
      const result = end.result as { format: string; bytes: string; notes: number };
      expect(result).toMatchObject({ format: 'musicxml', notes: 4 });
      expect(pitchNames(readMusicXmlBase64(result.bytes))).toEqual(SMALL_SCORE_PITCHES);
      expect(
        job.events.filter((e) => e.type === 'progress').map((e) => e.type === 'progress' && e.stage),
      ).toEqual(['reading', 'writing', 'writing']);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      const lines = stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { event: string });
      expect(lines.map((l) => l.event)).toEqual(['ready', 'attempt', 'stopped']);
      expect(lines[1]).toMatchObject({ id: job.id, kind: 'score.convert', attempt: 1, ok: true });
      expect(stderr).toMatch(/SIGTERM received, finishing running jobs/);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  builtinJobHandlersModule,
  createInProcessJobQueue,
  createJobQueue,
  createMemoryJobStore,
  JobHandlersModuleError,
  JobQueueClosedError,
  UnknownJobKindError,
  type JobQueue,
  type JobStore,
} from '@cadenza/platform';
import {
  pitchNames,
  readMusicXmlBase64,
  SMALL_SCORE_PITCHES,
  smallMidi,
  stageReached,
  startJob,
  TEST_HANDLERS,
} from './jobs-helpers.js';

let dir: string;
const queues: JobQueue[] = [];

/** A queue on the test handlers; closed after each test. */
async function testQueue(options: { concurrency?: number; store?: JobStore } = {}): Promise<JobQueue> {
  const queue = await createInProcessJobQueue({
    handlersModule: TEST_HANDLERS,
    concurrency: options.concurrency ?? 2,
    store: options.store,
    retry: { backoffMs: 50 },
  });
  queues.push(queue);
  return queue;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cadenza-jobs-'));
});
afterEach(async () => {
  await Promise.all(queues.splice(0).map((q) => q.close({ timeoutMs: 100 })));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('in-process job queue', () => {
  it('reports progress 0→100 with the stages in order and succeeds with the handler result', async () => {
    const queue = await testQueue();
    const stages = ['loading', 'analysing', 'engraving', 'saving', 'finishing'];
    const job = await startJob(queue, 'test.progress', { stages, value: { bars: 12 } }, { ownerId: 'u1' });
    expect(await job.end).toEqual({ type: 'completed', result: { value: { bars: 12 }, attempt: 1 } });
    expect(job.events.slice(0, -1)).toEqual([
      { type: 'progress', progress: 0, stage: 'loading' },
      { type: 'progress', progress: 25, stage: 'analysing' },
      { type: 'progress', progress: 50, stage: 'engraving' },
      { type: 'progress', progress: 75, stage: 'saving' },
      { type: 'progress', progress: 100, stage: 'finishing' },
    ]);
    const record = await queue.get(job.id);
    expect(record).toMatchObject({
      kind: 'test.progress',
      ownerId: 'u1',
      status: 'succeeded',
      progress: 100,
    });
    expect(record).toMatchObject({
      stage: 'done',
      attempts: 1,
      maxAttempts: 3,
      result: { value: { bars: 12 } },
    });
    expect(record?.error).toBeUndefined();
    expect(Date.parse(record!.updatedAt)).toBeGreaterThanOrEqual(Date.parse(record!.createdAt));
  });

  it('runs the built-in score.convert handler: MIDI → MusicXML with stages reading, writing', async () => {
    const queue = await createJobQueue(
      { redisUrl: undefined, jobConcurrency: 1 },
      { handlersModule: builtinJobHandlersModule() },
    );
    queues.push(queue);
    expect(queue.engine).toBe('in-process');
    expect([...queue.kinds].sort()).toEqual(['export.video', 'score.convert', 'transcribe']);
    const bytes = Buffer.from(smallMidi()).toString('base64');
    const job = await startJob(queue, 'score.convert', { bytes, to: 'musicxml' });
    const end = await job.end;
    expect(job.events.filter((e) => e.type === 'progress')).toEqual([
      { type: 'progress', progress: 0, stage: 'reading' },
      { type: 'progress', progress: 50, stage: 'writing' },
      { type: 'progress', progress: 100, stage: 'writing' },
    ]);
    if (end.type !== 'completed') throw new Error(`score.convert failed: ${JSON.stringify(end)}`);
    const result = end.result as { format: string; bytes: string; notes: number; parts: number };
    expect(result).toMatchObject({ format: 'musicxml', notes: 4, parts: 1 });
    expect(pitchNames(readMusicXmlBase64(result.bytes))).toEqual(SMALL_SCORE_PITCHES);
  });

  it('score.convert fails with a message naming the problem for bytes that are no score', async () => {
    const queue = await createInProcessJobQueue({
      handlersModule: builtinJobHandlersModule(),
      concurrency: 1,
    });
    queues.push(queue);
    const bytes = Buffer.from('hello, not a score').toString('base64');
    const job = await startJob(queue, 'score.convert', { bytes, to: 'midi' }, { maxAttempts: 1 });
    const end = await job.end;
    expect(end.type).toBe('failed');
    expect(end.type === 'failed' && end.error).toMatch(/not a score file/);
  });

  it('keeps the event loop responsive while a handler blocks its thread for 500 ms', async () => {
    const queue = await testQueue({ concurrency: 1 });
    const job = await startJob(queue, 'test.busy', { ms: 500 });
    await stageReached(queue, job.id, 'spinning');
    let ticks = 0;
    const interval = setInterval(() => ticks++, 10);
    const end = await job.end;
    clearInterval(interval);
    expect(end.type).toBe('completed');
    expect((end as { result: { spunMs: number } }).result.spunMs).toBeGreaterThanOrEqual(500);
    // ~50 ticks fit in 500 ms; a blocked loop would fire at most once.
    expect(ticks).toBeGreaterThanOrEqual(10);
  });

  it('control: the same busy loop on the main thread lets no interval fire', async () => {
    let ticks = 0;
    const interval = setInterval(() => ticks++, 10);
    const start = performance.now();
    while (performance.now() - start < 200);
    const during = ticks;
    clearInterval(interval);
    expect(during).toBe(0);
    await Promise.resolve();
  });

  it('retries with exponential back-off: fails twice, succeeds on attempt 3', async () => {
    const queue = await testQueue();
    const log = join(dir, 'retry.log');
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
    expect(t2! - t1!).toBeGreaterThanOrEqual(100); // backoffMs · 2⁰
    expect(t3! - t2!).toBeGreaterThanOrEqual(200); // backoffMs · 2¹
    expect(
      job.events.filter((e) => e.type === 'progress').map((e) => e.type === 'progress' && e.stage),
    ).toEqual(['attempt 1', 'attempt 2', 'attempt 3']);
  });

  it('a handler that always fails ends failed with its message after maxAttempts attempts', async () => {
    const queue = await testQueue();
    const message = 'the recording is silent';
    const job = await startJob(queue, 'test.always-fail', { message }, { maxAttempts: 2, backoffMs: 10 });
    expect(await job.end).toEqual({ type: 'failed', error: message });
    expect(job.events).toHaveLength(1); // one failed event, none for the retried attempt
    expect(await queue.get(job.id)).toMatchObject({
      status: 'failed',
      attempts: 2,
      maxAttempts: 2,
      error: message,
    });
  });

  it('a worker thread that dies fails only that attempt; a fresh thread runs the retry', async () => {
    const queue = await testQueue({ concurrency: 1 });
    const job = await startJob(queue, 'test.crash-once', {}, { backoffMs: 10 });
    expect(await job.end).toEqual({ type: 'completed', result: { survivedOnAttempt: 2 } });
    expect(await queue.get(job.id)).toMatchObject({ status: 'succeeded', attempts: 2 });
  });

  it('rejects an unknown kind and bad options with errors naming them', async () => {
    const queue = await testQueue();
    const unknown = queue.enqueue('transcribe.audio', {});
    await expect(unknown).rejects.toBeInstanceOf(UnknownJobKindError);
    await expect(unknown).rejects.toThrow(/unknown job kind 'transcribe\.audio'.*'test\.progress'/);
    await expect(queue.enqueue('test.sleep', { ms: 1 }, { maxAttempts: 0 })).rejects.toThrow(/maxAttempts/);
    await expect(queue.enqueue('test.sleep', { ms: 1 }, { backoffMs: -1 })).rejects.toThrow(/backoffMs/);
    expect(await queue.get('no-such-id')).toBeUndefined();
  });

  it('refuses a handlers module without handlers', async () => {
    const empty = 'data:text/javascript,export const handlers = {};';
    const start = createInProcessJobQueue({ handlersModule: empty, concurrency: 1 });
    await expect(start).rejects.toBeInstanceOf(JobHandlersModuleError);
    await expect(start).rejects.toThrow(/exports no handlers/);
  });

  it('close() waits for the running job, leaves unstarted ones queued and refuses new ones', async () => {
    const queue = await createInProcessJobQueue({ handlersModule: TEST_HANDLERS, concurrency: 1 });
    const running = await startJob(queue, 'test.sleep', { ms: 300 });
    const waiting = await queue.enqueue('test.sleep', { ms: 1 });
    await stageReached(queue, running.id, 'sleeping');
    await queue.close();
    expect(await queue.get(running.id)).toMatchObject({ status: 'succeeded', result: { sleptMs: 300 } });
    expect(await queue.get(waiting.id)).toMatchObject({ status: 'queued', attempts: 0 });
    await expect(queue.enqueue('test.sleep', { ms: 1 })).rejects.toBeInstanceOf(JobQueueClosedError);
  });

  it('close() past its timeout aborts the handler and leaves the job queued for a retry', async () => {
    const queue = await createInProcessJobQueue({ handlersModule: TEST_HANDLERS, concurrency: 1 });
    const job = await startJob(queue, 'test.sleep', { ms: 30_000 });
    await stageReached(queue, job.id, 'sleeping');
    await queue.close({ timeoutMs: 50 });
    const record = await queue.get(job.id);
    expect(record).toMatchObject({ status: 'queued', attempts: 1, error: 'the job queue is shutting down' });
  });

  it('on start, re-queues jobs a crashed process left in a persistent store', async () => {
    const memory = createMemoryJobStore();
    const store: JobStore = { ...memory, persistent: true };
    const at = new Date().toISOString();
    const base = { kind: 'test.sleep', ownerId: 'u2', progress: 40, stage: 'sleeping', maxAttempts: 2 };
    const common = { ...base, input: { ms: 1 }, createdAt: at, updatedAt: at };
    await store.create({ ...common, id: 'was-running', status: 'running', attempts: 1 });
    await store.create({ ...common, id: 'was-queued', status: 'queued', attempts: 0 });
    await store.create({ ...common, id: 'out-of-attempts', status: 'running', attempts: 2 });
    await store.create({ ...common, id: 'done-before', status: 'succeeded', attempts: 1, result: 1 });
    const queue = await testQueue({ store });
    const ended = (id: string): Promise<void> =>
      new Promise((resolve) => {
        const poll = setInterval(() => {
          void queue.get(id).then((r) => {
            if (r?.status === 'succeeded') resolve(clearInterval(poll));
          });
        }, 10);
      });
    await Promise.all([ended('was-running'), ended('was-queued')]);
    expect(await store.get('was-running')).toMatchObject({
      status: 'succeeded',
      attempts: 2,
      result: { sleptMs: 1 },
    });
    expect(await store.get('was-queued')).toMatchObject({ status: 'succeeded', attempts: 1 });
    expect(await store.get('out-of-attempts')).toMatchObject({ status: 'failed', error: /interrupted/ });
    expect(await store.get('done-before')).toMatchObject({ status: 'succeeded', result: 1 });
    expect((await store.listByOwner('u2')).map((j) => j.status).sort()).toEqual([
      'failed',
      'succeeded',
      'succeeded',
      'succeeded',
    ]);
  });
});

// Job handlers for the job-queue tests only (never in the production handlers module). Plain
// JavaScript because worker threads import it directly, without Vitest's TypeScript transform.
import { appendFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';

/** @typedef {{ reportProgress(progress: number, stage: string): void, signal: AbortSignal, attempt: number }} JobContext */

export const handlers = {
  /** Reports one progress step per stage name, evenly from 0 to 100, then echoes `value`. */
  async 'test.progress'(
    /** @type {{ stages: string[], value: unknown }} */ input,
    /** @type {JobContext} */ ctx,
  ) {
    const last = Math.max(1, input.stages.length - 1);
    for (const [i, stage] of input.stages.entries()) {
      ctx.reportProgress((i / last) * 100, stage);
      await sleep(5);
    }
    return { value: input.value, attempt: ctx.attempt };
  },

  /** Blocks its thread for `ms` milliseconds of CPU work (a stand-in for transcription). */
  async 'test.busy'(/** @type {{ ms: number }} */ input, /** @type {JobContext} */ ctx) {
    ctx.reportProgress(0, 'spinning');
    const start = performance.now();
    let spins = 0;
    while (performance.now() - start < input.ms) spins++;
    const spunMs = performance.now() - start;
    ctx.reportProgress(100, 'spun');
    return { spunMs, spins };
  },

  /** Sleeps `ms` milliseconds; stops early with the abort reason when the queue shuts down. */
  async 'test.sleep'(/** @type {{ ms: number }} */ input, /** @type {JobContext} */ ctx) {
    ctx.reportProgress(0, 'sleeping');
    try {
      await sleep(input.ms, undefined, { signal: ctx.signal });
    } catch (error) {
      if (ctx.signal.aborted) throw ctx.signal.reason;
      throw error;
    }
    ctx.reportProgress(100, 'awake');
    return { sleptMs: input.ms };
  },

  /** Fails its first `failures` attempts, logging "attempt epoch-ms" lines to `log`, then succeeds. */
  async 'test.fail-n-times'(
    /** @type {{ failures: number, log: string }} */ input,
    /** @type {JobContext} */ ctx,
  ) {
    appendFileSync(input.log, `${ctx.attempt} ${Date.now()}\n`);
    ctx.reportProgress(0, `attempt ${ctx.attempt}`);
    if (ctx.attempt <= input.failures) throw new Error(`planned failure ${ctx.attempt} of ${input.failures}`);
    return { succeededOnAttempt: ctx.attempt };
  },

  /** Sleeps `ms` on attempt 1 (long enough to be killed mid-job), returns at once on later attempts. */
  async 'test.slow-first-attempt'(/** @type {{ ms: number }} */ input, /** @type {JobContext} */ ctx) {
    ctx.reportProgress(10, `attempt ${ctx.attempt}`);
    if (ctx.attempt === 1) await sleep(input.ms, undefined, { signal: ctx.signal });
    return { finishedOnAttempt: ctx.attempt };
  },

  /** Always fails with `message`. */
  async 'test.always-fail'(/** @type {{ message: string }} */ input) {
    throw new Error(input.message);
  },

  /** Kills its own worker thread on the first attempt (a crash), succeeds on later ones. */
  async 'test.crash-once'(/** @type {unknown} */ _input, /** @type {JobContext} */ ctx) {
    if (ctx.attempt === 1) process.exit(7);
    return { survivedOnAttempt: ctx.attempt };
  },
};

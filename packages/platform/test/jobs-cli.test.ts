import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createBullMqJobQueue, startJobWorker } from '@cadenza/platform';
import { TEST_HANDLERS } from './jobs-helpers.js';

const CLI_MAIN = fileURLToPath(new URL('../../../apps/cli/dist/main.js', import.meta.url));

/** Runs the built CLI with `env` added to a copy of this process's environment minus Redis. */
function cadenza(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stderr: string }> {
  if (!existsSync(CLI_MAIN)) throw new Error(`${CLI_MAIN} is missing: build first (npx tsc -b)`);
  const base = { ...process.env };
  delete base.CADENZA_REDIS_URL;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI_MAIN, ...args],
      { env: { ...base, ...env } },
      (error, _stdout, stderr) => {
        resolve({ code: error ? Number(error.code) : 0, stderr });
      },
    );
  });
}

describe('cadenza worker: command-line errors (no Redis needed)', () => {
  it('exits 2 without CADENZA_REDIS_URL, saying the in-process engine needs no worker', async () => {
    const { code, stderr } = await cadenza(['worker']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/CADENZA_REDIS_URL is not set/);
    expect(stderr).toMatch(/in-process engine needs no worker/);
  });

  it('exits 2 for a concurrency that is not a whole number ≥ 1', async () => {
    const { code, stderr } = await cadenza(['worker', '--concurrency', '0'], {
      CADENZA_REDIS_URL: 'redis://127.0.0.1:6379',
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/--concurrency must be a whole number ≥ 1, got '0'/);
  });
});

describe('BullMQ engine without a reachable Redis', () => {
  // Port 1 on localhost: nothing listens there, so every connection attempt is refused.
  const location = { redisUrl: 'redis://127.0.0.1:1', handlersModule: TEST_HANDLERS, connectTimeoutMs: 300 };
  const quiet = { onError: () => {} };

  it('createBullMqJobQueue rejects naming the Redis URL instead of waiting forever', async () => {
    await expect(createBullMqJobQueue({ ...location, ...quiet })).rejects.toThrow(
      'cannot reach Redis at redis://127.0.0.1:1 within 300 ms (CADENZA_REDIS_URL)',
    );
  });

  it('startJobWorker rejects the same way', async () => {
    await expect(startJobWorker({ ...location, ...quiet, concurrency: 1 })).rejects.toThrow(
      /cannot reach Redis at redis:\/\/127\.0\.0\.1:1/,
    );
  });
});

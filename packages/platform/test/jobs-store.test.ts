import { describe, expect, it } from 'vitest';
import { JobRecord } from '@cadenza/contracts';
import { createMemoryJobStore, retryDelayMs, type PersistedJob } from '@cadenza/platform';

const job = (
  id: string,
  ownerId: string | null,
  createdAt: string,
  extra: Partial<PersistedJob> = {},
): PersistedJob => ({
  id,
  kind: 'score.convert',
  ownerId,
  status: 'queued',
  progress: 0,
  stage: 'queued',
  attempts: 0,
  maxAttempts: 3,
  input: { bytes: 'AA==', to: 'midi' },
  createdAt,
  updatedAt: createdAt,
  ...extra,
});

describe('retryDelayMs: backoffMs · 2^(attempt−1), capped', () => {
  it.each([
    [1, 1000, 60_000, 1000],
    [2, 1000, 60_000, 2000],
    [3, 1000, 60_000, 4000],
    [7, 1000, 60_000, 60_000],
    [30, 1000, 60_000, 60_000],
    [3, 0, 60_000, 0],
  ])('after attempt %i with backoff %i ms (cap %i) waits %i ms', (attempt, backoff, cap, expected) => {
    expect(retryDelayMs(attempt, backoff, cap)).toBe(expected);
  });
});

describe('memory job store', () => {
  it('stores, patches and lists jobs; records match the API contract', async () => {
    const store = createMemoryJobStore();
    expect(store.persistent).toBe(false);
    await store.create(job('a', 'u1', '2025-01-01T10:00:00.000Z'));
    await store.create(job('b', 'u1', '2025-01-01T11:00:00.000Z'));
    await store.create(job('c', 'u2', '2025-01-01T09:00:00.000Z', { status: 'running' }));
    await store.create(job('d', null, '2025-01-01T08:00:00.000Z'));
    await expect(store.create(job('a', 'u1', '2025-01-02T00:00:00.000Z'))).rejects.toThrow(
      /'a' already exists/,
    );

    expect((await store.listByOwner('u1')).map((j) => j.id)).toEqual(['b', 'a']); // newest first
    expect((await store.listByOwner('u1', { limit: 1 })).map((j) => j.id)).toEqual(['b']);
    expect(await store.listByOwner('nobody')).toEqual([]);
    expect((await store.listByStatus(['queued', 'running'])).map((j) => j.id)).toEqual(['d', 'c', 'a', 'b']);
    expect((await store.listByStatus(['running']))[0]?.input).toEqual({ bytes: 'AA==', to: 'midi' });

    expect(await store.update('a', { status: 'failed', error: 'boom', attempts: 3 })).toBe(true);
    expect(await store.update('zzz', { status: 'failed' })).toBe(false);
    const failed = await store.get('a');
    expect(failed).toMatchObject({ status: 'failed', error: 'boom', attempts: 3 });
    expect(failed).not.toHaveProperty('input');
    expect(JobRecord.safeParse(failed).success).toBe(true);

    await store.update('a', { status: 'succeeded', error: undefined, result: { ok: 1 } });
    const succeeded = await store.get('a');
    expect(succeeded?.error).toBeUndefined();
    expect(succeeded?.result).toEqual({ ok: 1 });
    expect(await store.get('zzz')).toBeUndefined();
  });

  it('hands out copies: changing a returned record does not change the store', async () => {
    const store = createMemoryJobStore();
    await store.create(job('a', 'u1', '2025-01-01T10:00:00.000Z', { result: { n: 1 } }));
    const copy = (await store.get('a')) as { result: { n: number } };
    copy.result.n = 99;
    expect((await store.get('a'))?.result).toEqual({ n: 1 });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScore, midiOf, parsePitch, rat } from '@cadenza/core';
import { readMusicXml, writeMidi } from '@cadenza/formats';
import { builtinJobHandlersModule, createJobQueue, type JobQueue } from '@cadenza/platform';
import { jobRoutes } from '@cadenza/server';
import type { FastifyInstance } from 'fastify';
import { errorOf, MULTIPART, multipartBody, testApp } from './helpers.js';

const melody = createScore({
  parts: [
    {
      notes: ['C4', 'E4', 'G4', 'C5'].map((p, i) => ({
        pitch: parsePitch(p),
        position: rat(i),
        duration: rat(1),
        staff: 1,
        voice: 1,
      })),
    },
  ],
});

let jobs: JobQueue;
let app: FastifyInstance;

beforeAll(async () => {
  jobs = await createJobQueue(
    { redisUrl: undefined, jobConcurrency: 1 },
    { handlersModule: builtinJobHandlersModule() },
  );
  // The test stands in for the auth plugin: an `x-test-user` header names the signed-in user.
  const ownerOf = (request: { headers: Record<string, unknown> }) => {
    const user = request.headers['x-test-user'];
    return typeof user === 'string' ? user : null;
  };
  app = await testApp({}, { plugins: [jobRoutes({ jobs, maxUploadBytes: 1024 * 1024, ownerOf })] });
});
afterAll(async () => {
  await app.close();
  await jobs.close();
});

async function start(user?: string): Promise<{ id: string; status: string }> {
  const response = await app.inject({
    method: 'POST',
    url: '/jobs/score-convert?to=musicxml',
    headers: { 'content-type': MULTIPART(), ...(user ? { 'x-test-user': user } : {}) },
    payload: multipartBody('melody.mid', writeMidi(melody)),
  });
  expect(response.statusCode).toBe(202);
  expect(response.headers.location).toMatch(/^\/jobs\/[A-Za-z0-9_-]+$/);
  return response.json();
}

async function waitFor(id: string, user?: string): Promise<{ status: string; progress: number }> {
  for (let i = 0; i < 200; i++) {
    const r = await app.inject({ url: `/jobs/${id}`, headers: user ? { 'x-test-user': user } : {} });
    const job = r.json<{ status: string; progress: number }>();
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('job did not finish');
}

describe('jobs over HTTP', () => {
  it('converts in the background and serves the result', async () => {
    const job = await start();
    expect(job.status).toBe('queued');
    const done = await waitFor(job.id);
    expect(done).toMatchObject({ status: 'succeeded', progress: 100 });
    const result = await app.inject({ url: `/jobs/${job.id}/result` });
    expect(result.statusCode).toBe(200);
    expect(result.headers['content-type']).toContain('musicxml');
    const score = readMusicXml(result.body);
    expect(score.parts[0]?.notes.map((n) => midiOf(n.pitch))).toEqual([60, 64, 67, 72]);
  });

  it('streams progress and completion as Server-Sent Events', async () => {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const job = await start();
    const response = await fetch(`${address}/jobs/${job.id}/events`);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const text = await response.text(); // the stream ends after completed/failed
    const events = [...text.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(events[0]).toBe('progress');
    expect(events.at(-1)).toBe('completed');
    const progress = [...text.matchAll(/"progress":(\d+)/g)].map((m) => Number(m[1]));
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it("hides a user's job from everyone else (404) and 409s an unfinished result", async () => {
    const job = await start('alice');
    expect((await app.inject({ url: `/jobs/${job.id}`, headers: { 'x-test-user': 'bob' } })).statusCode).toBe(
      404,
    );
    expect((await app.inject({ url: `/jobs/${job.id}` })).statusCode).toBe(404);
    await waitFor(job.id, 'alice');
    const own = await app.inject({ url: `/jobs/${job.id}/result`, headers: { 'x-test-user': 'alice' } });
    expect(own.statusCode).toBe(200);
  });

  it('answers unknown and malformed ids with the error shape', async () => {
    const missing = await app.inject({ url: '/jobs/AAAAAAAAAAAAAAAAAAAAAA' });
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing).code).toBe('not_found');
    const traversal = await app.inject({ url: '/jobs/..%2F..%2Fetc%2Fpasswd' });
    expect(traversal.statusCode).toBe(400);
    expect(errorOf(traversal).code).toBeTruthy();
    const notMultipart = await app.inject({
      method: 'POST',
      url: '/jobs/score-convert?to=midi',
      headers: { 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(notMultipart.statusCode).toBe(415);
  });
});

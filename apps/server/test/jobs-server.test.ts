import { rmSync } from 'node:fs';
import { createScore, parsePitch, rat } from '@cadenza/core';
import { writeMidi } from '@cadenza/formats';
import { startServer } from '@cadenza/server';
import { afterAll, describe, expect, it } from 'vitest';
import { MULTIPART, multipartBody, testConfig } from './helpers.js';
import { FAST_SCRYPT } from './studio-helpers.js';

const scale = createScore({
  parts: [
    {
      notes: ['D4', 'E4', 'F4', 'G4'].map((p, i) => ({
        pitch: parsePitch(p),
        position: rat(i),
        duration: rat(1),
        staff: 1,
        voice: 1,
      })),
    },
  ],
});

async function finished(url: string, cookie: string): Promise<{ status: string; ownerId: string | null }> {
  for (let i = 0; i < 200; i++) {
    const job = (await (await fetch(url, { headers: { cookie } })).json()) as {
      status: string;
      ownerId: string;
    };
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} did not finish`);
}

describe('the server runs jobs for signed-in users and keeps them across a restart', () => {
  const config = { ...testConfig(), port: 0 };
  afterAll(() => rmSync(config.dataDir, { recursive: true, force: true }));

  it('starts a job as a user, hides it from others, and still knows it after a restart', async () => {
    let server = await startServer(config, { handleSignals: false, logger: false, scrypt: FAST_SCRYPT });
    let jobUrl: string;
    let cookie: string;
    try {
      const signup = await fetch(`${server.url}/auth/signup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: 'jobs@example.com',
          password: 'a long passphrase',
          displayName: 'J',
          role: 'student',
        }),
      });
      expect(signup.status).toBe(201);
      cookie = (signup.headers.get('set-cookie') ?? '').split(';')[0]!;
      const started = await fetch(`${server.url}/jobs/score-convert?to=musicxml`, {
        method: 'POST',
        headers: { 'content-type': MULTIPART(), cookie },
        body: multipartBody('scale.mid', writeMidi(scale)),
      });
      expect(started.status).toBe(202);
      jobUrl = `${server.url}${started.headers.get('location')}`;
      const job = await finished(jobUrl, cookie);
      expect(job.status).toBe('succeeded');
      expect(job.ownerId).toBeTruthy();
      expect((await fetch(jobUrl)).status).toBe(404); // anonymous: not theirs
    } finally {
      await server.close();
    }
    server = await startServer(config, { handleSignals: false, logger: false, scrypt: FAST_SCRYPT });
    try {
      const path = new URL(jobUrl).pathname;
      const again = await fetch(`${server.url}${path}`, { headers: { cookie } });
      expect(again.status).toBe(200);
      expect(((await again.json()) as { status: string }).status).toBe('succeeded');
      const result = await fetch(`${server.url}${path}/result`, { headers: { cookie } });
      expect(await result.text()).toContain('<step>F</step>');
    } finally {
      await server.close();
    }
  });
});

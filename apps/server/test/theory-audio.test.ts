import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from './helpers.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const seconds = (wav: Buffer): number => wav.readUInt32LE(40) / (wav.readUInt32LE(24) * 4);

describe('theory results as audio (format=wav)', () => {
  // Length = the music, then the piano's release (trailing silence trimmed, at most a 1.5 s tail).
  it('plays a chord as a 16-bit stereo WAV: one 4/4 bar at 120 bpm plus its release', async () => {
    const r = await app.inject({ url: '/theory/chord?symbol=Cmaj7&format=wav' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('audio/wav');
    expect(String(r.headers['content-disposition'])).toMatch(/^inline; filename="chord-Cmaj7\.wav"/);
    expect(r.rawPayload.toString('ascii', 0, 4)).toBe('RIFF');
    expect(seconds(r.rawPayload)).toBeGreaterThan(2.05);
    expect(seconds(r.rawPayload)).toBeLessThanOrEqual(2 + 1.5);
  });

  it('plays a scale: seven notes and the top tonic in quarters at 120 bpm plus its release', async () => {
    const r = await app.inject({ url: '/theory/scale?tonic=D&name=dorian&format=wav' });
    expect(r.statusCode).toBe(200);
    expect(seconds(r.rawPayload)).toBeGreaterThan(8 * 0.5 + 0.05);
    expect(seconds(r.rawPayload)).toBeLessThanOrEqual(8 * 0.5 + 1.5);
  });

  it('still answers a bad symbol with 422, not audio', async () => {
    const r = await app.inject({ url: '/theory/chord?symbol=Cmaj13%23&format=wav' });
    expect(r.statusCode).toBe(422);
  });
});

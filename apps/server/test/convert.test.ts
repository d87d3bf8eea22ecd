import { Readable } from 'node:stream';
import { chordScore, parseChordSymbol } from '@cadenza/core';
import { readMidi, readMusicXml, writeScore } from '@cadenza/formats';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, multipartBody, MULTIPART, testApp } from './helpers.js';

const chord = chordScore(parseChordSymbol('Cmaj7'));
const midiBytes = writeScore(chord, 'midi');
const musicXmlBytes = writeScore(chord, 'musicxml');
const mxlBytes = writeScore(chord, 'mxl');

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const upload = (to: string, fileName: string, bytes: Uint8Array) =>
  app.inject({
    method: 'POST',
    url: `/convert?to=${to}`,
    payload: multipartBody(fileName, bytes),
    headers: { 'content-type': MULTIPART() },
  });

const pitches = (notes: readonly { pitch: { step: string; alter: number } }[]) =>
  notes.map(
    (n) =>
      `${n.pitch.step}${'#'.repeat(Math.max(0, n.pitch.alter))}${'b'.repeat(Math.max(0, -n.pitch.alter))}`,
  );

describe('POST /convert', () => {
  it('MIDI → MusicXML keeps the notes and names the file after the upload', async () => {
    const res = await upload('musicxml', 'my song.mid', midiBytes);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.recordare.musicxml+xml');
    expect(res.headers['content-disposition']).toBe('attachment; filename="my-song.musicxml"');
    const score = readMusicXml(new Uint8Array(res.rawPayload));
    expect(pitches(score.parts.flatMap((p) => p.notes)).sort()).toEqual(['B', 'C', 'E', 'G']);
  });

  it('MusicXML → MIDI and .mxl → MIDI read back with the same four notes', async () => {
    for (const [name, bytes] of [
      ['c.musicxml', musicXmlBytes],
      ['c.mxl', mxlBytes],
    ] as const) {
      const res = await upload('midi', name, bytes);
      expect(res.statusCode, name).toBe(200);
      expect(res.headers['content-type']).toBe('audio/midi');
      expect(res.headers['content-disposition']).toBe('attachment; filename="c.mid"');
      const notes = readMidi(new Uint8Array(res.rawPayload)).parts.flatMap((p) => p.notes);
      expect(notes.map((n) => n.pitch.step).sort()).toEqual(['B', 'C', 'E', 'G']);
    }
  });

  it('MIDI → .mxl answers a zip container', async () => {
    const res = await upload('mxl', 'c.mid', midiBytes);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.recordare.musicxml');
    expect(res.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('a traversal file name never leaves its basename in the answer', async () => {
    const res = await upload('musicxml', '../../etc/passwd.mid', midiBytes);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="passwd.musicxml"');
  });

  it('a traversal file name with content that is not a score → 422, not 500', async () => {
    const res = await upload(
      'midi',
      '../../x',
      new TextEncoder().encode('root:x:0:0:root:/root:/bin/bash\n'),
    );
    expect(res.statusCode).toBe(422);
    expect(errorOf(res)).toMatchObject({
      code: 'unreadable_file',
      message: expect.stringContaining('not a score file'),
    });
  });

  it.each([
    ['a truncated MIDI file', midiBytes.subarray(0, 30)],
    [
      'MIDI header then noise',
      new Uint8Array([...midiBytes.subarray(0, 14), ...new Array<number>(40).fill(0xff)]),
    ],
    ['broken XML', new TextEncoder().encode('<?xml version="1.0"?><score-partwise><part')],
    ['a zip that is not .mxl', new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3, 4, 5, 6, 7, 8])],
    ['an empty file', new Uint8Array(0)],
  ])('%s → 422 unreadable_file naming the problem', async (_name, bytes) => {
    const res = await upload('musicxml', 'x.bin', bytes);
    expect(res.statusCode).toBe(422);
    const error = errorOf(res);
    expect(error.code).toBe('unreadable_file');
    expect(error.message.length).toBeGreaterThan(10);
  });

  it('a JSON body → 415; a missing or unknown ?to= → 400', async () => {
    const json = await app.inject({ method: 'POST', url: '/convert?to=midi', payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
    expect(errorOf(json).code).toBe('unsupported_media_type');
    for (const url of ['/convert', '/convert?to=pdf']) {
      const res = await app.inject({
        method: 'POST',
        url,
        payload: multipartBody('c.mid', midiBytes),
        headers: { 'content-type': MULTIPART() },
      });
      expect(res.statusCode, url).toBe(400);
      expect(errorOf(res).code).toBe('invalid_request');
    }
  });

  it('a multipart body without a file part → 400', async () => {
    const boundary = 'b0undary';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}--\r\n`;
    const res = await app.inject({
      method: 'POST',
      url: '/convert?to=midi',
      payload,
      headers: { 'content-type': MULTIPART(boundary) },
    });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).message).toContain('no file part');
  });

  it('a 60 MB upload streamed without a length → 413 payload_too_large (limit 50 MB)', async () => {
    const boundary = 'bigBoundary';
    const chunk = Buffer.alloc(1024 * 1024, 0x41);
    let sent = 0;
    function* body() {
      yield Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.mid"\r\n` +
          'Content-Type: audio/midi\r\n\r\nMThd',
      );
      for (let i = 0; i < 60; i++) {
        sent += chunk.length;
        yield chunk;
      }
      yield Buffer.from(`\r\n--${boundary}--\r\n`);
    }
    const res = await app.inject({
      method: 'POST',
      url: '/convert?to=musicxml',
      payload: Readable.from(body()),
      headers: { 'content-type': MULTIPART(boundary) },
    });
    expect(res.statusCode).toBe(413);
    const error = errorOf(res);
    expect(error.code).toBe('payload_too_large');
    expect(error.message).toContain('50 MB');
    expect(sent).toBeGreaterThan(50 * 1024 * 1024);
  });
});

describe('POST /convert with a small limit', () => {
  it('refuses a declared Content-Length over the limit before reading it', async () => {
    const small = await testApp({ maxUploadBytes: 1000 });
    try {
      const res = await small.inject({
        method: 'POST',
        url: '/convert?to=midi',
        payload: multipartBody('big.mid', new Uint8Array(200_000)),
        headers: { 'content-type': MULTIPART() },
      });
      expect(res.statusCode).toBe(413);
      expect(errorOf(res)).toMatchObject({ code: 'payload_too_large', details: { limitBytes: 1000 } });
    } finally {
      await small.close();
    }
  });
});

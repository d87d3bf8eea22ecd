import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readMidi } from '@cadenza/formats';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, testApp } from './helpers.js';

const XSD = new URL('../../../../shared/schemas/musicxml/musicxml.xsd', import.meta.url);
const hasXmllint = (() => {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

describe('GET /theory/chord', () => {
  it.each([
    ['F#7#9b13', ['F#', 'A#', 'C#', 'E', 'G##', 'D']],
    ['Cmaj7', ['C', 'E', 'G', 'B']],
    ['Ebmaj7#11/G', ['Eb', 'G', 'Bb', 'D', 'A']],
  ])('spells %s', async (symbol, notes) => {
    const res = await app.inject({ url: `/theory/chord?symbol=${encodeURIComponent(symbol)}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toMatchObject({ symbol, notes });
  });

  it('answers 422 invalid_music with the parser message for a symbol that is not a chord', async () => {
    const res = await app.inject({ url: '/theory/chord?symbol=Cmaj13%23' });
    expect(res.statusCode).toBe(422);
    const error = errorOf(res);
    expect(error.code).toBe('invalid_music');
    expect(error.message).toContain("'Cmaj13#' is not a chord symbol");
  });

  it('answers 400 with zod issues when the symbol is missing or empty', async () => {
    for (const url of ['/theory/chord', '/theory/chord?symbol=', '/theory/chord?symbol=C&format=pdf']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(400);
      const error = errorOf(res);
      expect(error.code).toBe('invalid_request');
      const issues = (error.details as { issues: { path: string; message: string }[] }).issues;
      expect(issues[0]?.path).toMatch(/^query\.(symbol|format)$/);
    }
  });

  it('treats a path-traversal-looking symbol as a chord that is not one (422, not 500)', async () => {
    const res = await app.inject({ url: '/theory/chord?symbol=..%2F..%2Fetc%2Fpasswd' });
    expect(res.statusCode).toBe(422);
    expect(errorOf(res).code).toBe('invalid_music');
  });

  it.skipIf(!hasXmllint || !existsSync(XSD))(
    'format=musicxml is a schema-valid MusicXML attachment',
    async () => {
      const res = await app.inject({ url: '/theory/chord?symbol=F%237%239b13&format=musicxml' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.recordare.musicxml+xml');
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="chord-Fsharp7sharp9b13.musicxml"',
      );
      const file = join(mkdtempSync(join(tmpdir(), 'cadenza-xml-')), 'chord.musicxml');
      writeFileSync(file, res.rawPayload);
      // xmllint exits non-zero (execFileSync throws) when the file does not validate.
      execFileSync('xmllint', ['--noout', '--schema', XSD.pathname, file], { stdio: 'pipe' });
      expect(res.body).toContain('<step>F</step>');
    },
  );

  it('format=midi reads back with the six chord notes', async () => {
    const res = await app.inject({ url: '/theory/chord?symbol=F%237%239b13&format=midi' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('audio/midi');
    expect(res.headers['content-disposition']).toMatch(/filename="chord-Fsharp7sharp9b13\.mid"/);
    const score = readMidi(new Uint8Array(res.rawPayload));
    const midi = score.parts.flatMap((p) => p.notes).map((n) => n.pitch);
    expect(midi).toHaveLength(6);
  });
});

describe('GET /theory/scale and /theory/scales', () => {
  it('spells Eb bebop dominant', async () => {
    const res = await app.inject({ url: '/theory/scale', query: { tonic: 'Eb', name: 'bebop dominant' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      tonic: 'Eb',
      scale: { id: 'bebop-dominant' },
      notes: ['Eb', 'F', 'G', 'Ab', 'Bb', 'C', 'Db', 'D'],
    });
  });

  it('answers 422 for a scale that is not one of the 32', async () => {
    const res = await app.inject({
      url: '/theory/scale',
      query: { tonic: 'C', name: 'lydian flat 13 nonsense' },
    });
    expect(res.statusCode).toBe(422);
    expect(errorOf(res).message).toContain('is not one of the 32 scales');
  });

  it('lists the 32 scales with ids and intervals', async () => {
    const res = await app.inject({ url: '/theory/scales' });
    expect(res.statusCode).toBe(200);
    const { scales } = res.json<{ scales: { id: string; intervals: string[] }[] }>();
    expect(scales).toHaveLength(32);
    expect(scales.find((s) => s.id === 'dorian')?.intervals).toEqual([
      'P1',
      'M2',
      'm3',
      'P4',
      'P5',
      'M6',
      'm7',
    ]);
  });
});

describe('POST /theory/analyze', () => {
  it('analyzes Cm7 F7 Bbmaj7 G7/B in Bb', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/theory/analyze',
      payload: { key: 'Bb', chords: 'Cm7 F7 Bbmaj7 G7/B' },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ chords: { numeral: string }[] }>();
    expect(body.chords.map((c) => c.numeral)).toEqual(['ii7', 'V7', 'Imaj7', 'V65/ii']);
  });

  it('takes the chords as a list too, and answers format=midi', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/theory/analyze?format=midi',
      payload: { key: 'C', chords: ['Dm7', 'G7', 'Cmaj7'] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('audio/midi');
    const notes = readMidi(new Uint8Array(res.rawPayload)).parts.flatMap((p) => p.notes);
    expect(notes).toHaveLength(12);
  });

  it('answers 422 naming a bad chord inside the progression', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/theory/analyze',
      payload: { key: 'C', chords: 'Dm7 H7' },
    });
    expect(res.statusCode).toBe(422);
    expect(errorOf(res).message).toContain('H7');
  });
});

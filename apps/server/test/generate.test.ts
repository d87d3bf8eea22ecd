import { GENERATE_GENRES, GenerationResponse, type GenerateGenre } from '@cadenza/contracts';
import { readMidi } from '@cadenza/formats';
import { midiOf, toNumber } from '@cadenza/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf } from './helpers.js';
import { openStudioApp, postgresAvailable, signUp, type StudioTestApp } from './studio-helpers.js';

// POST /{genre}/generate and GET /{genre}/download/{id}.mid on the embedded default (SQLite, disk
// blobs), and saving to the library on real PostgreSQL.
const registered = new Set<GenerateGenre>(['gospel', 'jazz', 'blues', 'classical', 'neosoul']);

describe('generate routes (SQLite)', () => {
  let t: StudioTestApp;
  beforeAll(async () => {
    t = await openStudioApp('sqlite');
  });
  afterAll(() => t.close());

  const generate = (genre: string, payload: Record<string, unknown>, cookie?: string) =>
    t.app.inject({
      method: 'POST',
      url: `/${genre}/generate`,
      payload,
      ...(cookie ? { headers: { cookie } } : {}),
    });

  it('arranges the spec example and answers the spec response, the MIDI downloadable', async () => {
    const res = await generate('gospel', {
      description: 'Uplifting worship song in C major with soulful gospel feel',
      num_bars: 16,
      application: 'WORSHIP',
      ai_percentage: 0.3,
      include_progression: true,
      seed: 12,
    });
    expect(res.statusCode).toBe(200);
    const body = GenerationResponse.parse(res.json());
    expect(body.metadata).toMatchObject({
      key: 'C',
      num_bars: 16,
      application: 'worship',
      time_signature: '4/4',
    });
    expect(body.metadata.generation_method).toBe('rules');
    expect(body.item_id).toBeNull();
    expect(body.download_url).toBe(`/gospel/download/${body.id}.mid`);
    expect(body.chord_progression[0]?.harmonic_function).toMatch(/^I/);
    const download = await t.app.inject({ method: 'GET', url: body.download_url });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('audio/midi');
    expect(download.rawPayload.equals(Buffer.from(body.midi_base64, 'base64'))).toBe(true);
    const score = readMidi(download.rawPayload);
    const notes = score.parts.flatMap((p) => p.notes);
    expect(notes).toHaveLength(body.metadata.note_count);
    expect(Math.max(...notes.map((n) => toNumber(n.position)))).toBeLessThan(64);
    for (const n of notes) expect(midiOf(n.pitch)).toBeGreaterThanOrEqual(21);
  });

  it.each(GENERATE_GENRES.filter((g) => registered.has(g)))(
    '%s: same request and seed → the same MIDI; another seed → another',
    async (genre) => {
      const payload = { description: 'a 16-bar tune in F', seed: 99 };
      const a = (await generate(genre, payload)).json<GenerationResponse>();
      const b = (await generate(genre, payload)).json<GenerationResponse>();
      const c = (await generate(genre, { ...payload, seed: 100 })).json<GenerationResponse>();
      expect(a.metadata.num_bars).toBe(16);
      expect(a.metadata.key).toBe('F');
      expect(a.midi_base64).toBe(b.midi_base64);
      expect(c.midi_base64).not.toBe(a.midi_base64);
      expect(a.note_preview.length).toBeLessThanOrEqual(100);
    },
  );

  it('accepts the application in any case and a chord chart instead of a description', async () => {
    const res = await generate('jazz', {
      chord_chart: '| Cmaj7 | Am7 | Dm7 G7 | Cmaj7 |',
      key: 'C',
      application: 'Ballad',
      seed: 1,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<GenerationResponse>();
    expect(body.metadata.num_bars).toBe(4);
    expect(body.chord_progression.map((c) => c.chord_symbol)).toEqual(['Cmaj7', 'Am7', 'Dm7', 'G7', 'Cmaj7']);
    expect(body.chord_progression.map((c) => c.harmonic_function)).toEqual([
      'Imaj7',
      'vi7',
      'ii7',
      'V7',
      'Imaj7',
    ]);
    expect(body.reading.bars.from).toBe('chart');
  });

  it.each([
    ['jazz', { description: 'x', application: 'polka' }, 'body.application'],
    ['jazz', { description: 'x', num_bars: 0 }, 'body.num_bars'],
    ['jazz', { description: 'x', num_bars: 1000 }, 'body.num_bars'],
    ['blues', { description: 'x', tempo: -5 }, 'body.tempo'],
    ['jazz', { description: 'x', chord_chart: '| C | Qm7 |' }, 'body.chord_chart'],
    ['jazz', { description: 'x', key: 'H major' }, 'body.key'],
    ['classical', { description: 'x', time_signature: '7/5' }, 'body.time_signature'],
    ['jazz', { description: '' }, 'body.description'],
    ['gospel', { description: 'x', left_hand: 'boogie-woogie' }, 'body.left_hand'],
  ])('%s %j → 400 naming %s', async (genre, payload, path) => {
    const res = await generate(genre, payload);
    expect(res.statusCode).toBe(400);
    const error = errorOf(res);
    expect(error.code).toBe('invalid_request');
    const issues = (error.details as { issues: { path: string }[] }).issues;
    expect(issues.map((i) => i.path)).toContain(path);
    expect(error.message).toContain(path.replace('body.', ''));
  });

  it('answers 400 naming an unknown genre, 404 for a download that is not there', async () => {
    const unknown = await generate('polka', { description: 'x' });
    expect(unknown.statusCode).toBe(400);
    expect(errorOf(unknown).message).toBe(
      "genre: 'polka' is not a genre: use gospel, jazz, blues, classical, neosoul",
    );
    const missing = await t.app.inject({ method: 'GET', url: '/jazz/download/AAAAAAAAAAAAAAAAAAAAAA.mid' });
    expect(missing.statusCode).toBe(404);
    const bad = await t.app.inject({ method: 'GET', url: '/jazz/download/..%2F..%2Fetc%2Fpasswd.mid' });
    expect(bad.statusCode).toBe(400);
  });

  it('saves to the library when signed in, with the MIDI and MusicXML', async () => {
    const user = await signUp(t.app);
    const res = await generate('blues', { description: 'slow blues in G', seed: 4 }, user.cookie);
    const body = res.json<GenerationResponse>();
    expect(body.item_id).not.toBeNull();
    const item = await t.app.inject({
      method: 'GET',
      url: `/library/items/${body.item_id}`,
      headers: { cookie: user.cookie },
    });
    expect(item.statusCode).toBe(200);
    const view = item.json<{ kind: string; title: string; files: { role: string }[] }>();
    expect(view.kind).toBe('arrangement');
    expect(view.title).toBe('Slow blues in G');
    expect(view.files.map((f) => f.role).sort()).toEqual(['midi', 'musicxml']);
  });
});

describe('generate routes (PostgreSQL)', async () => {
  const available = await postgresAvailable();
  let t: StudioTestApp;
  beforeAll(async () => {
    if (available) t = await openStudioApp('postgres');
  });
  afterAll(() => t?.close());
  it.skipIf(!available)('saves a signed-in arrangement and serves its download', async () => {
    const user = await signUp(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/classical/generate',
      payload: { description: 'A baroque piece in D minor, 8 bars', seed: 5 },
      headers: { cookie: user.cookie },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<GenerationResponse>();
    expect(body.metadata).toMatchObject({ key: 'Dm', num_bars: 8, application: 'baroque' });
    const download = await t.app.inject({ method: 'GET', url: body.download_url });
    expect(download.rawPayload.equals(Buffer.from(body.midi_base64, 'base64'))).toBe(true);
    const list = await t.app.inject({
      method: 'GET',
      url: '/library/items',
      headers: { cookie: user.cookie },
    });
    expect(list.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toContain(body.item_id);
  });
});

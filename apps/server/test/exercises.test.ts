import { ExerciseResponse } from '@cadenza/contracts';
import { midiOf } from '@cadenza/core';
import { readMidi, readMusicXml } from '@cadenza/formats';
import { decodeAudio } from '@cadenza/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf } from './helpers.js';
import { openStudioApp, type StudioTestApp } from './studio-helpers.js';

// POST /exercises/generate, GET /exercises/{id} and its files on the embedded default (SQLite, disk blobs).

describe('exercise routes (SQLite)', () => {
  let t: StudioTestApp;
  beforeAll(async () => {
    t = await openStudioApp('sqlite');
  });
  afterAll(() => t.close());

  const generate = (payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/exercises/generate', payload });

  it('generates a scale with the spec fields, keeps it, and serves it again with its files', async () => {
    const res = await generate({
      skill_type: 'scales',
      subtype: 'major',
      key_signature: 'D',
      difficulty: 1,
      tempo: 120,
      seed: 7,
      count_in: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = ExerciseResponse.parse(res.json());
    expect(body.title).toBe('D major scale, 1 octave');
    expect(body.midi_notes[0]).toEqual({ midi: 62, start: 0, duration: 0.5, staff: 1 });
    // 8 bars of 4/4 at 120 plus a count-in bar.
    expect(body.estimated_duration).toBe(18);
    expect(body.fingering?.slice(0, 8).map((f) => f.finger)).toEqual([1, 2, 3, 1, 2, 3, 4, 5]);
    expect(body.audio_url).toBe(`/exercises/${body.exercise_id}/audio.wav`);
    expect(body.sheet_music_url).toBe(`/exercises/${body.exercise_id}/score.pdf`);

    const again = await t.app.inject({ method: 'GET', url: `/exercises/${body.exercise_id}` });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(res.json());

    const midi = await t.app.inject({ method: 'GET', url: body.midi_url });
    expect(midi.headers['content-type']).toContain('audio/midi');
    const notes = readMidi(new Uint8Array(midi.rawPayload)).parts.flatMap((p) => p.notes);
    expect(notes.map((n) => midiOf(n.pitch)).sort()).toEqual(body.midi_notes.map((n) => n.midi).sort());
    const xml = await t.app.inject({ method: 'GET', url: body.musicxml_url });
    expect(readMusicXml(xml.body).keys[0]?.key.tonic).toEqual({ step: 'D', alter: 0 });
  });

  it('plays the audio after a count-in bar', async () => {
    const res = await generate({
      skill_type: 'rhythm',
      subtype: 'quarter_notes',
      difficulty: 1,
      seed: 2,
      tempo: 240,
      duration_bars: 1,
      count_in: true,
    });
    const body = ExerciseResponse.parse(res.json());
    const wav = await t.app.inject({ method: 'GET', url: body.audio_url });
    expect(wav.statusCode).toBe(200);
    expect(wav.headers['content-type']).toContain('audio/wav');
    const audio = await decodeAudio(new Uint8Array(wav.rawPayload));
    // Two bars of 4/4 at 240 = 2 s, plus the synth's release tail.
    const seconds = (audio.channels[0]?.length ?? 0) / audio.sampleRate;
    expect(seconds).toBeGreaterThan(1.9);
    expect(seconds).toBeLessThan(4);
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = (await t.app.inject({ url: '/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    expect(Object.keys(doc.paths['/exercises/generate'] ?? {})).toEqual(['post']);
    expect(Object.keys(doc.paths['/exercises/{id}'] ?? {})).toEqual(['get']);
    expect(Object.keys(doc.paths['/exercises/{id}/{file}'] ?? {})).toEqual(['get']);
  });

  it('answers bad requests with a 400 naming the field, and an unknown id with a 404', async () => {
    const eleven = await generate({ skill_type: 'scales', difficulty: 11 });
    expect(eleven.statusCode).toBe(400);
    const unknown = await generate({ skill_type: 'juggling' });
    expect(unknown.statusCode).toBe(400);
    expect(errorOf(unknown).message).toContain('skill_type');
    const key = await generate({ skill_type: 'scales', key_signature: 'H' });
    expect(key.statusCode).toBe(400);
    expect(errorOf(key).message).toContain('key_signature');
    const missing = await t.app.inject({ method: 'GET', url: '/exercises/AAAAAAAAAAAAAAAAAAAAAA' });
    expect(missing.statusCode).toBe(404);
    const badId = await t.app.inject({ method: 'GET', url: '/exercises/..%2F..%2Fetc' });
    expect(badId.statusCode).toBe(400);
  });
});

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ExerciseResponse,
  PracticeAttemptResponse,
  SongDetailResponse,
  SongListResponse,
  SongPracticeResponse,
} from '@cadenza/contracts';
import { midiOf, toNumber } from '@cadenza/core';
import { readMidi, readMusicXml } from '@cadenza/formats';
import { SONG_CATALOGUE, findSong, songSummaries, type CatalogueSong } from '@cadenza/pedagogy';
import { decodeAudio, songMidiNotes, songSummaryView } from '@cadenza/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelopeDb } from '../../../packages/platform/test/audio-analysis.js';
import { errorOf } from './helpers.js';
import { openStudioApp, type StudioTestApp } from './studio-helpers.js';

// GET /songs, /songs/{id} and its files, POST /songs/{id}/practice, on the embedded default (SQLite).

/** Length of one bar in quarter notes ("6/8" → 3). */
function barQuarters(timeSignature: string): number {
  const [beats, beatType] = timeSignature.split('/').map(Number);
  return ((beats ?? 4) * 4) / (beatType ?? 4);
}

/** The song's written length in seconds: bars × beats × 60 / tempo. */
const writtenSeconds = (song: CatalogueSong) =>
  (song.bars * barQuarters(song.timeSignature) * 60) / song.tempo;

/**
 * The shortest song of at least 8 seconds that starts with a note on its first downbeat (no pickup, no
 * opening rest), so its sound lasts its bars; shorter ones would be mostly the synth's release tail.
 */
function shortSong(): CatalogueSong {
  const startsOnBeatOne = (s: CatalogueSong) =>
    toNumber(s.score().pickup) === 0 &&
    s.score().parts.some((p) => p.notes.some((n) => toNumber(n.position) === 0));
  const whole = SONG_CATALOGUE.filter((s) => startsOnBeatOne(s) && writtenSeconds(s) >= 8);
  const shortest = [...whole].sort((a, b) => writtenSeconds(a) - writtenSeconds(b))[0];
  if (!shortest) throw new Error('no song without a pickup');
  return shortest;
}

describe('song routes (SQLite)', () => {
  let t: StudioTestApp;
  beforeAll(async () => {
    t = await openStudioApp('sqlite');
  });
  afterAll(() => t.close());

  const list = async (query = '') => {
    const res = await t.app.inject({ url: `/songs${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return SongListResponse.parse(res.json());
  };

  it('lists the whole catalogue, by level then title', async () => {
    const body = await list();
    expect(SONG_CATALOGUE.length).toBeGreaterThanOrEqual(40);
    expect(body.total).toBe(SONG_CATALOGUE.length);
    expect(body.songs).toHaveLength(SONG_CATALOGUE.length);
    expect(new Set(body.songs.map((s) => s.id))).toEqual(new Set(songSummaries().map((s) => s.id)));
    const levels = body.songs.map((s) => s.level);
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
  });

  it('filters by genre, level and title words', async () => {
    const jazz = await list('?genre=jazz');
    const expectedJazz = SONG_CATALOGUE.filter((s) => s.genres.includes('jazz'));
    expect(jazz.songs.length).toBe(expectedJazz.length);
    for (const song of jazz.songs) expect(song.genres).toContain('jazz');

    const level = SONG_CATALOGUE[0]?.level ?? 1;
    const atLevel = await list(`?level=${level}`);
    expect(atLevel.songs.length).toBe(SONG_CATALOGUE.filter((s) => s.level === level).length);
    expect(atLevel.songs.every((s) => s.level === level)).toBe(true);

    const both = await list(`?level=${level}&genre=folk`);
    expect(both.songs.map((s) => s.id).sort()).toEqual(
      SONG_CATALOGUE.filter((s) => s.level === level && s.genres.includes('folk'))
        .map((s) => s.id)
        .sort(),
    );

    const first = SONG_CATALOGUE[0];
    if (!first) throw new Error('empty catalogue');
    const word = first.title.split(' ').sort((a, b) => b.length - a.length)[0] ?? '';
    const byTitle = await list(`?q=${encodeURIComponent(word.toUpperCase())}`);
    expect(byTitle.songs.map((s) => s.id)).toContain(first.id);
    expect(byTitle.songs.every((s) => s.title.toLowerCase().includes(word.toLowerCase()))).toBe(true);

    const bad = await t.app.inject({ url: '/songs?level=11' });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).code).toBe('invalid_request');
  });

  it('answers one song with the pedagogy facts, its MusicXML and file URLs', async () => {
    const song = SONG_CATALOGUE[0];
    if (!song) throw new Error('empty catalogue');
    const res = await t.app.inject({ url: `/songs/${song.id}` });
    expect(res.statusCode, res.body).toBe(200);
    const body = SongDetailResponse.parse(res.json());
    const { musicxml, urls, ...summary } = body;
    expect(summary).toEqual(songSummaryView(song));
    expect(summary.time_signature).toBe(song.timeSignature);
    const notes = readMusicXml(musicxml).parts.flatMap((p) => p.notes);
    expect(notes.length).toBe(song.score().parts.flatMap((p) => p.notes).length);
    expect(urls.audio_url).toBe(`/songs/${song.id}/audio.wav`);
    expect(urls.score_pdf_url).toBe(`/songs/${song.id}/score.pdf`);
  });

  it('names an unknown id in a 404 and refuses a malformed one with a 400', async () => {
    const unknown = await t.app.inject({ url: '/songs/no-such-song' });
    expect(unknown.statusCode).toBe(404);
    expect(errorOf(unknown).code).toBe('not_found');
    expect(errorOf(unknown).message).toContain("'no-such-song'");
    const unknownFile = await t.app.inject({ url: '/songs/no-such-song/score.mid' });
    expect(unknownFile.statusCode).toBe(404);
    const malformed = await t.app.inject({ url: '/songs/Not%20A%20Song' });
    expect(malformed.statusCode).toBe(400);
    const badFile = await t.app.inject({ url: `/songs/${SONG_CATALOGUE[0]?.id ?? 'x'}/score.doc` });
    expect(badFile.statusCode).toBe(400);
    const practiceUnknown = await t.app.inject({ method: 'POST', url: '/songs/no-such-song/practice' });
    expect(practiceUnknown.statusCode).toBe(404);
  });

  it("serves the MIDI with the score's notes and the MusicXML", async () => {
    const song = shortSong();
    const midi = await t.app.inject({ url: `/songs/${song.id}/score.mid` });
    expect(midi.statusCode).toBe(200);
    expect(midi.headers['content-type']).toContain('audio/midi');
    const played = readMidi(new Uint8Array(midi.rawPayload)).parts.flatMap((p) => p.notes);
    const written = song.score().parts.flatMap((p) => p.notes);
    const key = (n: { pitch: Parameters<typeof midiOf>[0]; position: Parameters<typeof toNumber>[0] }) =>
      `${toNumber(n.position).toFixed(4)}:${midiOf(n.pitch)}`;
    expect(played.map(key).sort()).toEqual(written.map(key).sort());
    const xml = await t.app.inject({ url: `/songs/${song.id}/score.musicxml` });
    expect(xml.headers['content-type']).toContain('musicxml');
    expect(readMusicXml(xml.body).parts.flatMap((p) => p.notes)).toHaveLength(written.length);
  });

  it('plays the song as WAV for as long as its bars last at its tempo (within 5 %)', async () => {
    const song = shortSong();
    const wav = await t.app.inject({ url: `/songs/${song.id}/audio.wav` });
    expect(wav.statusCode).toBe(200);
    expect(wav.headers['content-type']).toContain('audio/wav');
    const audio = await decodeAudio(new Uint8Array(wav.rawPayload));
    const samples = audio.channels[0];
    if (!samples) throw new Error('no channel');
    // Where the sound starts and ends: the first and last 5 ms frame within 30 dB of the loudest, so the
    // synth's release tail below that does not count.
    const env = envelopeDb(samples, audio.sampleRate);
    const top = Math.max(...env);
    const first = env.findIndex((db) => db > top - 30);
    const last = env.length - 1 - [...env].reverse().findIndex((db) => db > top - 30);
    const sounding = (last - first) * 0.005;
    // The last note ends on the last barline (or the piece ends with a rest inside the bars).
    const end = Math.max(...songMidiNotes(song.score(), song.tempo).map((n) => n.start + n.duration));
    expect(end).toBeLessThanOrEqual(writtenSeconds(song) + 1e-6);
    expect(Math.abs(sounding - end) / end).toBeLessThan(0.05);
    expect(end / writtenSeconds(song)).toBeGreaterThan(0.8);
  });

  it('keeps a song as a practice exercise that grades a perfect take 100', async () => {
    const song = findSong(shortSong().id);
    if (!song) throw new Error('findSong lost the song');
    const res = await t.app.inject({ method: 'POST', url: `/songs/${song.id}/practice` });
    expect(res.statusCode, res.body).toBe(200);
    const { exercise_id, practice_url } = SongPracticeResponse.parse(res.json());
    expect(practice_url).toBe(`/practice?exercise=${exercise_id}`);

    const stored = await t.app.inject({ url: `/exercises/${exercise_id}` });
    expect(stored.statusCode, stored.body).toBe(200);
    const exercise = ExerciseResponse.parse(stored.json());
    expect(exercise.title).toBe(song.title);
    expect(exercise.tempo).toBe(song.tempo);
    expect(exercise.difficulty).toBe(song.level);
    expect(exercise.subtype).toBe('song');
    const written = song.score().parts.flatMap((p) => p.notes);
    expect(exercise.midi_notes).toHaveLength(written.length);
    expect(exercise.midi_notes.map((n) => n.midi).sort()).toEqual(written.map((n) => midiOf(n.pitch)).sort());
    expect(exercise.midi_notes[0]?.start).toBe(0);

    const take = exercise.midi_notes.map((n) => ({
      midi: n.midi,
      start: 0.5 + n.start,
      end: 0.5 + n.start + 0.9 * n.duration,
      velocity: 80,
    }));
    const graded = await t.app.inject({
      method: 'POST',
      url: '/practice/attempts',
      payload: { exercise_id, notes: take },
    });
    expect(graded.statusCode, graded.body).toBe(200);
    const body = PracticeAttemptResponse.parse(graded.json());
    expect(body.score).toBe(100);
    expect(body.notes.every((n) => n.verdict === 'correct')).toBe(true);
    expect(body.notes).toHaveLength(written.length);
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = (await t.app.inject({ url: '/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    expect(Object.keys(doc.paths['/songs'] ?? {})).toEqual(['get']);
    expect(Object.keys(doc.paths['/songs/{id}'] ?? {})).toEqual(['get']);
    expect(Object.keys(doc.paths['/songs/{id}/{file}'] ?? {})).toEqual(['get']);
    expect(Object.keys(doc.paths['/songs/{id}/practice'] ?? {})).toEqual(['post']);
  });
});

describe('song pages and API share /songs (built studio)', () => {
  let t: StudioTestApp;
  beforeAll(async () => {
    const webDir = mkdtempSync(join(tmpdir(), 'cadenza-web-'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>studio</title><div id="root"></div>');
    mkdirSync(join(webDir, 'assets'));
    t = await openStudioApp('sqlite', { webDir });
  });
  afterAll(() => t.close());

  it('gives a browser the page and fetch() the JSON, for the list and for one song', async () => {
    const id = SONG_CATALOGUE[0]?.id ?? '';
    const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
    for (const url of ['/songs', `/songs/${id}`, '/songs?genre=jazz', '/songs/no-such-song']) {
      const page = await t.app.inject({ url, headers: html });
      expect(page.statusCode, url).toBe(200);
      expect(page.body, url).toContain('<title>studio</title>');
    }
    const list = await t.app.inject({ url: '/songs', headers: { accept: '*/*' } });
    expect(SongListResponse.parse(list.json()).total).toBe(SONG_CATALOGUE.length);
    const one = await t.app.inject({ url: `/songs/${id}`, headers: { accept: 'application/json' } });
    expect(SongDetailResponse.parse(one.json()).id).toBe(id);
    // Deeper paths are API only: a file, and an unknown path is a JSON 404 even for a browser.
    const midi = await t.app.inject({ url: `/songs/${id}/score.mid`, headers: html });
    expect(midi.headers['content-type']).toContain('audio/midi');
    const unknown = await t.app.inject({ url: `/songs/${id}/nothing/here`, headers: html });
    expect(unknown.statusCode).toBe(404);
    expect(errorOf(unknown).code).toBe('not_found');
  });
});

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchManifest, JobRecord } from '@cadenza/contracts';
import { createScore, parsePitch, rat, type Bpm, type Note, type Score } from '@cadenza/core';
import { writeScore } from '@cadenza/formats';
import { decodeAudio } from '@cadenza/platform';
import { jobsExtension } from '@cadenza/server';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pitchHz } from '../../../packages/platform/test/audio-analysis.js';
import { ffprobe, hasDebianTool } from '../../../packages/platform/test/fixtures/audio-test-tools.js';
import { errorOf, MULTIPART, multipartBody } from './helpers.js';
import {
  multipart,
  multipartHeaders,
  openStudioApp,
  signUp,
  type StudioTestApp,
  type TestUser,
} from './studio-helpers.js';

// Exports through HTTP on the embedded default (SQLite, disk blobs, in-process jobs), checked with
// independent tools: ffprobe for audio and video, pdfinfo for PDFs, Python's zipfile for ZIPs.
const tools = hasDebianTool('ffprobe') && hasPdfInfo();

function hasPdfInfo(): boolean {
  const ok = spawnSync('pdfinfo', ['-v'], { stdio: 'ignore' }).status === 0;
  if (!ok && process.env.CI === 'true') throw new Error('pdfinfo is missing: CI must install poppler-utils');
  if (!ok) console.warn('skipping the export tests: pdfinfo (poppler-utils) is not on PATH');
  return ok;
}

/** A4 (440 Hz) held for two beats at ♩ = 120: one second of sound. */
function singleA4(): Score {
  return createScore({
    metadata: { title: 'A above middle C' },
    parts: [
      {
        id: 'P1',
        name: 'Piano',
        staves: 1,
        notes: [{ pitch: parsePitch('A4'), position: rat(0), duration: rat(2), staff: 1, voice: 1 }],
      },
    ],
    tempos: [{ position: rat(0), bpm: 120 as Bpm }],
  });
}

/** `bars` bars of 4/4 quarter notes up and down a C-major scale on a grand staff, ♩ = 120. */
function scaleStudy(bars: number, title = 'Scale study'): Score {
  const steps = ['C4', 'D4', 'E4', 'F4', 'G4', 'A4', 'B4', 'C5', 'B4', 'A4', 'G4', 'F4', 'E4', 'D4'];
  const notes: Note[] = [];
  for (let beat = 0; beat < bars * 4; beat++) {
    notes.push({
      pitch: parsePitch(steps[beat % steps.length] ?? 'C4'),
      position: rat(beat),
      duration: rat(1),
      staff: 1,
      voice: 1,
    });
    if (beat % 4 === 0) {
      notes.push({ pitch: parsePitch('C3'), position: rat(beat), duration: rat(4), staff: 2, voice: 1 });
    }
  }
  return createScore({
    metadata: { title, composer: 'Test Composer' },
    parts: [{ id: 'P1', name: 'Piano', staves: 2, notes }],
    tempos: [{ position: rat(0), bpm: 120 as Bpm }],
  });
}

const musicXml = (score: Score) => writeScore(score, 'musicxml');

function probeBytes(dir: string, name: string, bytes: Uint8Array) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return ffprobe(path);
}

function pdfPages(dir: string, bytes: Uint8Array): number {
  const path = join(dir, `p${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, bytes);
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

describe.skipIf(!tools)('export over HTTP', () => {
  let t: StudioTestApp;
  let ann: TestUser;
  let bob: TestUser;
  let dir: string;
  const ids: Record<string, string> = {};

  const saveItem = async (user: TestUser, title: string, parts: Parameters<typeof multipart>[0]) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/library/items',
      headers: multipartHeaders(user.cookie),
      payload: multipart([{ name: 'kind', value: 'composition' }, { name: 'title', value: title }, ...parts]),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cadenza-export-test-'));
    t = await openStudioApp('sqlite', {}, { extensions: [jobsExtension()] });
    ann = await signUp(t.app, 'student', 'ann');
    bob = await signUp(t.app, 'student', 'bob');
    ids.a4 = await saveItem(ann, 'A above middle C', [
      { name: 'musicxml', fileName: 'a4.musicxml', bytes: musicXml(singleA4()) },
    ]);
    ids.long = await saveItem(ann, 'Étude: long/scales', [
      { name: 'midi', fileName: 'long.mid', bytes: writeScore(scaleStudy(72), 'midi') },
    ]);
    ids.short = await saveItem(ann, 'Short study', [
      { name: 'musicxml', fileName: 'short.musicxml', bytes: musicXml(scaleStudy(15, 'Short study')) },
    ]);
    ids.noScore = await saveItem(ann, 'Lesson notes', [
      { name: 'file', fileName: 'notes.txt', bytes: new TextEncoder().encode('practise slowly') },
    ]);
    ids.corrupt = await saveItem(ann, 'Broken', [
      {
        name: 'musicxml',
        fileName: 'broken.musicxml',
        bytes: new TextEncoder().encode('<score-partwise><part'),
      },
    ]);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string, user: TestUser = ann) => t.app.inject({ url, headers: { cookie: user.cookie } });

  it('MP3 high of a single A4: 320 kb/s stereo MP3, about 1 s of 440 Hz, named after the item', async () => {
    const res = await get(`/export/audio/${ids.a4}?format=mp3&quality=high`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('audio/mpeg');
    expect(res.headers['content-disposition']).toBe('attachment; filename="A above middle C.mp3"');
    const probe = probeBytes(dir, 'a4.mp3', res.rawPayload);
    expect(probe.streams[0]).toMatchObject({ codec_name: 'mp3', sample_rate: '44100', channels: 2 });
    expect(Number(probe.streams[0]?.bit_rate)).toBe(320_000);
    // One second of note plus the piano's release tail (at most 1.5 s).
    expect(Number(probe.format.duration)).toBeGreaterThan(1);
    expect(Number(probe.format.duration)).toBeLessThan(2.6);
    const audio = await decodeAudio(new Uint8Array(res.rawPayload));
    const left = audio.channels[0] ?? new Float32Array();
    const pitch = pitchHz(left, audio.sampleRate, Math.round(0.2 * audio.sampleRate));
    expect(Math.abs(pitch - 440) / 440).toBeLessThan(0.01);
  });

  it.each([
    ['wav', '24', 'audio/wav', 'pcm_s24le', '48000', '&sampleRate=48000'],
    ['flac', 'low', 'audio/flac', 'flac', '44100', ''],
    ['ogg', 'medium', 'audio/ogg', 'vorbis', '44100', ''],
    ['aac', '128k', 'audio/mp4', 'aac', '44100', ''],
  ])('%s (%s) is %s with codec %s at %s Hz', async (format, quality, type, codec, rate, extra) => {
    const res = await get(`/export/audio/${ids.a4}?format=${format}&quality=${quality}${extra}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    const probe = probeBytes(dir, `a4-${format}`, res.rawPayload);
    expect(probe.streams[0]).toMatchObject({ codec_name: codec, sample_rate: rate, channels: 2 });
    expect(Number(probe.format.duration)).toBeGreaterThan(1);
  });

  it('PDF of a long score has the pages pdfinfo counts; PNG without a page is a ZIP of PNG pages', async () => {
    const pdf = await get(`/export/sheet-music/${ids.long}?format=pdf&pageSize=letter`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(
      `attachment; filename="_tude_ long_scales.pdf"; filename*=UTF-8''%C3%89tude_%20long_scales.pdf`,
    );
    const pages = pdfPages(dir, pdf.rawPayload);
    expect(pages).toBeGreaterThan(1);

    const zip = await get(`/export/sheet-music/${ids.long}?format=png&pageSize=letter&dpi=40`);
    expect(zip.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(zip.rawPayload));
    expect(Object.keys(files)).toEqual(Array.from({ length: pages }, (_, i) => `page-${i + 1}.png`));
    for (const png of Object.values(files)) expect([...png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);

    const page2 = await get(`/export/sheet-music/${ids.long}?format=svg&pageSize=letter&page=2`);
    expect(page2.headers['content-type']).toBe('image/svg+xml');
    expect(page2.body).toMatch(/^<\?xml|^<svg/);
    const beyond = await get(`/export/sheet-music/${ids.long}?format=svg&pageSize=letter&page=${pages + 1}`);
    expect(beyond.statusCode).toBe(400);
    expect(errorOf(beyond).message).toBe(`page ${pages + 1} does not exist: the score has ${pages} pages`);
  });

  it('MusicXML and MIDI exports carry the score back', async () => {
    const xml = await get(`/export/sheet-music/${ids.a4}?format=musicxml`);
    expect(xml.headers['content-type']).toContain('application/vnd.recordare.musicxml+xml');
    expect(xml.body).toContain('<step>A</step>');
    expect(xml.body).toContain('<octave>4</octave>');
    const midi = await get(`/export/sheet-music/${ids.a4}?format=midi`);
    expect(midi.headers['content-type']).toBe('audio/midi');
    expect(midi.rawPayload.subarray(0, 4).toString('latin1')).toBe('MThd');
  });

  it('an uploaded score exports without signing in', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/export/sheet-music?format=pdf',
      headers: { 'content-type': MULTIPART() },
      payload: multipartBody('my song.musicxml', musicXml(singleA4())),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(res.headers['content-disposition']).toBe('attachment; filename="my song.pdf"');
    const audio = await t.app.inject({
      method: 'POST',
      url: '/export/audio?format=ogg&quality=low',
      headers: { 'content-type': MULTIPART() },
      payload: multipartBody('my song.mid', writeScore(singleA4(), 'midi')),
    });
    expect(audio.statusCode, audio.body).toBe(200);
    expect(audio.rawPayload.subarray(0, 4).toString('latin1')).toBe('OggS');
  });

  it.each([
    ['an unknown format', () => `/export/audio/${ids.a4}?format=wma`, 400, /format/],
    [
      'a quality the format lacks',
      () => `/export/audio/${ids.a4}?format=mp3&quality=24`,
      400,
      /'24' is not a quality for MP3/,
    ],
    ['another user’s item', () => `/export/audio/${ids.a4}?format=mp3`, 404, /no library item/, 'bob'],
    [
      'an item without a score',
      () => `/export/sheet-music/${ids.noScore}?format=pdf`,
      415,
      /'Lesson notes' has no score/,
    ],
    [
      'an unreadable score',
      () => `/export/audio/${ids.corrupt}?format=wav`,
      422,
      /'broken.musicxml' is not a score Cadenza can read/,
    ],
  ])('%s → %d with a message', async (_what, url, status, message, who?: string) => {
    const res = await get(url(), who === 'bob' ? bob : ann);
    expect(res.statusCode, res.body).toBe(status);
    expect(errorOf(res).message).toMatch(message);
  });

  it('a corrupt upload is a 422, an empty one too', async () => {
    for (const bytes of [new Uint8Array(0), new TextEncoder().encode('MThd garbage')]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/export/audio?format=mp3',
        headers: { 'content-type': MULTIPART() },
        payload: multipartBody('x.mid', bytes),
      });
      expect(res.statusCode, res.body).toBe(422);
    }
  });

  it('a score longer than CADENZA_MAX_AUDIO_SECONDS is refused before rendering', async () => {
    const limited = await openStudioApp('sqlite', { maxAudioSeconds: 60 });
    try {
      const owner = await signUp(limited.app, 'student', 'limit');
      const saved = await limited.app.inject({
        method: 'POST',
        url: '/library/items',
        headers: multipartHeaders(owner.cookie),
        payload: multipart([
          { name: 'kind', value: 'composition' },
          { name: 'title', value: 'Long' },
          { name: 'midi', fileName: 'long.mid', bytes: writeScore(scaleStudy(72), 'midi') },
        ]),
      });
      const itemId = saved.json<{ id: string }>().id;
      const res = await limited.app.inject({
        url: `/export/audio/${itemId}?format=mp3`,
        headers: { cookie: owner.cookie },
      });
      expect(res.statusCode).toBe(422);
      // 72 bars of 4/4 at ♩ = 120 = 144 s.
      expect(errorOf(res).message).toMatch(/plays for 2 min 24 s, longer than the 1 min 00 s/);
    } finally {
      await limited.close();
    }
  });

  it('a batch exports every item × format, lists the bad item in the manifest and still exports the rest', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/export/batch',
      headers: { cookie: ann.cookie },
      payload: {
        items: [ids.a4, ids.noScore, 'AAAAAAAAAAAAAAAAAAAAAA', ids.short],
        formats: ['pdf', { format: 'mp3', quality: 'low' }, 'midi'],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const zipPath = join(dir, 'batch.zip');
    writeFileSync(zipPath, res.rawPayload);
    expect(execFileSync('python3', ['-m', 'zipfile', '-t', zipPath], { encoding: 'utf8' })).toContain(
      'Done testing',
    );
    const files = unzipSync(new Uint8Array(res.rawPayload));
    expect(Object.keys(files).sort()).toEqual([
      'A above middle C/A above middle C.mid',
      'A above middle C/A above middle C.mp3',
      'A above middle C/A above middle C.pdf',
      'Short study/Short study.mid',
      'Short study/Short study.mp3',
      'Short study/Short study.pdf',
      'manifest.json',
    ]);
    const manifest = BatchManifest.parse(JSON.parse(strFromU8(files['manifest.json'] ?? new Uint8Array())));
    expect(manifest.exported).toBe(6);
    expect(manifest.failed).toBe(6);
    expect(new Set(manifest.entries.filter((e) => e.error).map((e) => `${e.item}: ${e.error}`))).toEqual(
      new Set([
        `${ids.noScore}: 'Lesson notes' has no score (MusicXML or MIDI file) to make sheet music or audio from`,
        'AAAAAAAAAAAAAAAAAAAAAA: you have no library item with this id',
      ]),
    );
    expect(pdfPages(dir, files['Short study/Short study.pdf'] ?? new Uint8Array())).toBe(1);
  });

  it('a batch of only missing items is a 404; a batch needs a sign-in', async () => {
    const missing = await t.app.inject({
      method: 'POST',
      url: '/export/batch',
      headers: { cookie: bob.cookie },
      payload: { items: [ids.a4], formats: ['pdf'] },
    });
    expect(missing.statusCode).toBe(404);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/export/batch',
      payload: { items: [ids.a4], formats: ['pdf'] },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('a video job films 30 s of score: 900 frames of 1280×720 H.264 with AAC, downloadable as MP4', async () => {
    const started = await t.app.inject({
      method: 'POST',
      url: '/export/video',
      headers: { cookie: ann.cookie },
      payload: { id: ids.short },
    });
    expect(started.statusCode, started.body).toBe(202);
    const job = JobRecord.parse(started.json());
    expect(job.kind).toBe('export.video');
    let record = job;
    for (let i = 0; i < 600 && (record.status === 'queued' || record.status === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 500));
      record = JobRecord.parse((await get(`/jobs/${job.id}`)).json());
    }
    expect(record.status, record.error).toBe('succeeded');
    const video = await get(`/jobs/${job.id}/result`);
    expect(video.headers['content-type']).toBe('video/mp4');
    expect(video.headers['content-disposition']).toBe('attachment; filename="Short study.mp4"');
    const path = join(dir, 'study.mp4');
    writeFileSync(path, video.rawPayload);
    const probe = ffprobe(path);
    const streams = probe.streams.map((s) => s.codec_name).sort();
    expect(streams).toEqual(['aac', 'h264']);
    // 15 bars of 4/4 at ♩ = 120 = 30 s, plus the last note's release tail.
    expect(Number(probe.format.duration)).toBeGreaterThan(30);
    expect(Number(probe.format.duration)).toBeLessThan(31.6);
    expect(await get(`/jobs/${job.id}`, bob).then((r) => r.statusCode)).toBe(404);
  }, 240_000);
});

import type { TranscriptionResponse } from '@cadenza/contracts';
import { readMidi, readMusicXml } from '@cadenza/formats';
import { MELODY, melodyWav } from '../../../packages/platform/test/fixtures/melody-recording.js';
import { encodeWav } from '@cadenza/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf } from './helpers.js';
import {
  BOUNDARY,
  multipart,
  multipartHeaders,
  openStudioApp,
  postgresAvailable,
  signUp,
  type StudioTestApp,
} from './studio-helpers.js';

// POST /transcribe on the embedded default with a melody the bundled SoundFont plays.
const MULTIPART_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

describe('POST /transcribe', () => {
  let t: StudioTestApp;
  let wav: Uint8Array;
  beforeAll(async () => {
    t = await openStudioApp('sqlite');
    wav = await melodyWav();
  });
  afterAll(() => t.close());

  const post = (query: string, bytes: Uint8Array, fileName = 'melody.wav', cookie?: string) =>
    t.app.inject({
      method: 'POST',
      url: `/transcribe${query}`,
      payload: multipart([{ name: 'file', fileName, bytes, type: 'audio/wav' }]),
      headers: cookie ? multipartHeaders(cookie) : { 'content-type': MULTIPART_TYPE },
    });

  it('answers the notes, tempo, key and download URLs; the result can be fetched again', async () => {
    const res = await post('', wav);
    expect(res.statusCode).toBe(200);
    const body = res.json<TranscriptionResponse>();
    expect(body.notes.map((n) => n.note_name)).toEqual(MELODY);
    expect(body.tempo).toBe(96);
    expect(body.key_signature).toBe('F');
    expect(body.item_id).toBeNull();
    const again = await t.app.inject({ method: 'GET', url: `/transcriptions/${body.transcription_id}` });
    expect(again.json<TranscriptionResponse>().notes).toEqual(body.notes);
    const xml = await t.app.inject({ method: 'GET', url: body.download_urls.musicxml });
    expect(readMusicXml(xml.body).parts[0]?.notes).toHaveLength(MELODY.length);
    const midi = await t.app.inject({ method: 'GET', url: body.download_urls.midi });
    expect(midi.headers['content-type']).toBe('audio/midi');
    expect(readMidi(new Uint8Array(midi.rawPayload)).parts.flatMap((p) => p.notes)).toHaveLength(
      MELODY.length,
    );
    const pdf = await t.app.inject({ method: 'GET', url: body.download_urls.pdf });
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('answers MusicXML directly with format=musicxml, and saves to the library when signed in', async () => {
    const user = await signUp(t.app);
    const res = await post('?format=musicxml&title=Frere', wav, 'melody.wav', user.cookie);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('Frere.musicxml');
    expect(readMusicXml(res.body).metadata.title).toBe('Frere');
    const id = res.headers['x-transcription-id'] as string;
    const record = (
      await t.app.inject({ method: 'GET', url: `/transcriptions/${id}` })
    ).json<TranscriptionResponse>();
    expect(record.item_id).not.toBeNull();
    const list = await t.app.inject({
      method: 'GET',
      url: '/library/items',
      headers: { cookie: user.cookie },
    });
    expect(list.json<{ items: { kind: string; title: string }[] }>().items).toContainEqual(
      expect.objectContaining({ kind: 'transcription', title: 'Frere' }),
    );
  });

  const silence = encodeWav({ sampleRate: 44100, channels: [new Float32Array(44100)] }, { bitDepth: 16 });
  it.each([
    { label: 'silence', bytes: silence, query: '', status: 422, message: /is silent/ },
    {
      label: 'not audio',
      bytes: new TextEncoder().encode('hello, this is text'),
      query: '',
      status: 415,
      message: /not audio/,
    },
    { label: 'bad mode', bytes: undefined, query: '?mode=fast', status: 400, message: /mode/ },
  ])('$label → $status naming the problem', async ({ bytes, query, status, message }) => {
    const res = await post(query, bytes ?? wav);
    expect(res.statusCode).toBe(status);
    expect(errorOf(res).message).toMatch(message);
  });

  it('answers 404 for an unknown transcription id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/transcriptions/AAAAAAAAAAAAAAAAAAAAAA' });
    expect(res.statusCode).toBe(404);
  });
});

describe('POST /transcribe on PostgreSQL', async () => {
  const available = await postgresAvailable();
  let t: StudioTestApp;
  beforeAll(async () => {
    if (available) t = await openStudioApp('postgres');
  });
  afterAll(() => t?.close());
  it.skipIf(!available)('stores the result in the database blob store and serves it back', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/transcribe',
      payload: multipart([{ name: 'file', fileName: 'm.wav', bytes: await melodyWav(), type: 'audio/wav' }]),
      headers: { 'content-type': MULTIPART_TYPE },
    });
    const body = res.json<TranscriptionResponse>();
    expect(body.notes).toHaveLength(MELODY.length);
    const again = await t.app.inject({ method: 'GET', url: `/transcriptions/${body.transcription_id}` });
    expect(again.statusCode).toBe(200);
  });
});

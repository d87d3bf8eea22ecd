import type {
  JobEvent,
  JobRecord,
  TranscribeJobResult,
  TranscriptionJobAccepted,
  TranscriptionResponse,
} from '@cadenza/contracts';
import { readMusicXml } from '@cadenza/formats';
import { jobsExtension } from '@cadenza/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toneMelodyWav } from '../../../packages/platform/test/fixtures/tone-melody.js';
import { transcribeJobStorage } from '../src/transcribe/transcribe-job.js';
import {
  BOUNDARY,
  multipart,
  multipartHeaders,
  openStudioApp,
  signUp,
  type StudioTestApp,
} from './studio-helpers.js';

// POST /transcribe with a job queue: a 42 s recording (C major up and down, six times) becomes a
// `transcribe` job on worker threads; a short one is still answered at once; without a queue, all are.
const MULTIPART_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;
const LONG = toneMelodyWav({ repeats: 6 });

const post = (t: StudioTestApp, bytes: Uint8Array, query = '', cookie?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/transcribe${query}`,
    payload: multipart([{ name: 'file', fileName: 'scales.wav', bytes, type: 'audio/wav' }]),
    headers: cookie ? multipartHeaders(cookie) : { 'content-type': MULTIPART_TYPE },
  });

/** The job's Server-Sent Events until it ends. */
async function eventsOf(t: StudioTestApp, path: string, cookie?: string): Promise<JobEvent[]> {
  const res = await t.app.inject({ method: 'GET', url: `${path}/events`, headers: cookie ? { cookie } : {} });
  return res.body
    .split('\n')
    .filter((line) => line.startsWith('data: '))
    .map((line) => JSON.parse(line.slice('data: '.length)) as JobEvent);
}

async function finished(t: StudioTestApp, path: string, cookie?: string): Promise<JobRecord> {
  for (let i = 0; i < 600; i++) {
    const job = (
      await t.app.inject({ method: 'GET', url: path, headers: cookie ? { cookie } : {} })
    ).json<JobRecord>();
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${path} did not finish`);
}

async function blobCount(t: StudioTestApp): Promise<number> {
  const row = await t.studio.services.database.db
    .selectFrom('blobs')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

describe('POST /transcribe with a job queue', () => {
  let t: StudioTestApp;
  beforeAll(async () => {
    t = await openStudioApp('sqlite', {}, { extensions: [jobsExtension()] });
  });
  afterAll(() => t.close());

  it('answers 202 for a 42 s recording; the job rises to 100 % and names a transcription with the right notes', async () => {
    expect(LONG.duration).toBeGreaterThan(40);
    const blobsBefore = await blobCount(t);
    const res = await post(t, LONG.wav, '?instrument=piano');
    expect(res.statusCode).toBe(202);
    const accepted = res.json<TranscriptionJobAccepted>();
    expect(res.headers.location).toBe(`/jobs/${accepted.id}`);
    expect(accepted.kind).toBe('transcribe');
    expect(accepted.ownerId).toBeNull();
    expect(accepted.duration).toBeCloseTo(LONG.duration, 2);
    expect(accepted.links).toEqual({
      job: `/jobs/${accepted.id}`,
      events: `/jobs/${accepted.id}/events`,
      transcription: '/transcriptions/{transcription_id}',
    });

    const events = await eventsOf(t, accepted.links.job);
    const progress = events.flatMap((e) => (e.type === 'progress' ? [e.progress] : []));
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(100);
    const end = events.at(-1);
    expect(end?.type).toBe('completed');

    const job = await finished(t, accepted.links.job);
    expect(job.status).toBe('succeeded');
    expect(job.progress).toBe(100);
    const result = job.result as TranscribeJobResult;
    expect(end?.type === 'completed' && end.result).toEqual(result);
    expect(result.transcription_url).toBe(`/transcriptions/${result.transcription_id}`);
    expect(result.notes).toBe(LONG.notes.length);
    // MusicXML, MIDI and the record stay; the upload the job read is gone.
    expect(await blobCount(t)).toBe(blobsBefore + 3);

    const transcription = (
      await t.app.inject({ method: 'GET', url: result.transcription_url })
    ).json<TranscriptionResponse>();
    expect(transcription.notes.map((n) => n.midi_note)).toEqual(LONG.notes);
    expect(transcription.key_signature).toBe('C');
    expect(transcription.tempo).toBe(120);
    expect(transcription.duration).toBeCloseTo(LONG.duration, 2);
    expect(transcription.item_id).toBeNull();
    const xml = await t.app.inject({ method: 'GET', url: transcription.download_urls.musicxml });
    expect(readMusicXml(xml.body).parts[0]?.notes).toHaveLength(LONG.notes.length);
    const pdf = await t.app.inject({ method: 'GET', url: transcription.download_urls.pdf });
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('saves the job’s transcription to the library of the signed-in user, whose job it is', async () => {
    const user = await signUp(t.app);
    const res = await post(t, LONG.wav, '?title=Scales', user.cookie);
    expect(res.statusCode).toBe(202);
    const accepted = res.json<TranscriptionJobAccepted>();
    expect(accepted.ownerId).toBe(user.id);
    expect((await t.app.inject({ method: 'GET', url: accepted.links.job })).statusCode).toBe(404);
    const job = await finished(t, accepted.links.job, user.cookie);
    const result = job.result as TranscribeJobResult;
    expect(result.item_id).not.toBeNull();
    const list = await t.app.inject({
      method: 'GET',
      url: '/library/items',
      headers: { cookie: user.cookie },
    });
    expect(list.json<{ items: { id: string; kind: string; title: string }[] }>().items).toContainEqual(
      expect.objectContaining({ id: result.item_id, kind: 'transcription', title: 'Scales' }),
    );
  });

  it('still answers a short recording at once (200)', async () => {
    const short = toneMelodyWav({ repeats: 1 });
    const res = await post(t, short.wav);
    expect(res.statusCode).toBe(200);
    expect(res.json<TranscriptionResponse>().notes.map((n) => n.midi_note)).toEqual(short.notes);
  });

  it('documents the job in the OpenAPI description of POST /transcribe', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json<{
      paths: Record<string, { post?: { description?: string; responses?: Record<string, unknown> } }>;
    }>();
    const operation = spec.paths['/transcribe']?.post;
    expect(operation?.description).toContain('longer than 30 s');
    expect(operation?.description).toContain('GET /transcriptions/{transcription_id}');
    expect(Object.keys(operation?.responses ?? {})).toContain('202');
  });
});

describe('POST /transcribe without a job queue', () => {
  let t: StudioTestApp;
  beforeAll(async () => {
    t = await openStudioApp('sqlite');
  });
  afterAll(() => t.close());

  it('transcribes a 42 s recording in the request (200)', async () => {
    const res = await post(t, LONG.wav, '?instrument=piano');
    expect(res.statusCode).toBe(200);
    expect(res.json<TranscriptionResponse>().notes.map((n) => n.midi_note)).toEqual(LONG.notes);
  });
});

describe('the storage a transcribe job is told about', () => {
  it('passes the database URL only when it carries no password', () => {
    const base = { dataDir: '/data', blobStore: 'disk' } as const;
    expect(transcribeJobStorage({ ...base, databaseUrl: 'sqlite:/data/c.db' }).databaseUrl).toBe(
      'sqlite:/data/c.db',
    );
    expect(transcribeJobStorage({ ...base, databaseUrl: 'postgres://app@db/c' }).databaseUrl).toBe(
      'postgres://app@db/c',
    );
    expect(transcribeJobStorage({ ...base, databaseUrl: 'postgres://app:secret@db/c' })).toEqual(base);
  });
});

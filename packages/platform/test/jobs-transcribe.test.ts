import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TranscribeJobInput, TranscribeJobResult } from '@cadenza/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRepositories,
  encodeWav,
  loadTranscription,
  openBlobStore,
  openDatabase,
  type BlobStore,
  type Database,
  type Repositories,
} from '../src/index.js';
import { handlers } from '../src/jobs/handlers/builtin-handlers.js';
import { transcribeJob } from '../src/jobs/handlers/transcribe.js';
import { jobDatabaseUrl } from '../src/jobs/handlers/transcribe-storage.js';
import { toneMelodyWav } from './fixtures/tone-melody.js';

// The `transcribe` job handler called directly (as a worker thread would) over a SQLite file and the
// disk blob store in a temp dir: the upload comes from the blob store, the transcription goes back there.
const NAMES = ['C4', 'D4', 'E4', 'F4', 'G4', 'A4', 'B4', 'C5', 'B4', 'A4', 'G4', 'F4', 'E4', 'D4'];

describe('the transcribe job', () => {
  let dir: string;
  let database: Database;
  let blobs: BlobStore;
  let repositories: Repositories;
  let storage: TranscribeJobInput['storage'];
  let melody: ReturnType<typeof toneMelodyWav>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cadenza-transcribe-job-'));
    storage = { dataDir: dir, blobStore: 'disk', databaseUrl: `sqlite:${join(dir, 'cadenza.db')}` };
    database = await openDatabase({ databaseUrl: storage.databaseUrl ?? '' });
    blobs = openBlobStore({ dataDir: dir, blobStore: 'disk' }, database);
    repositories = createRepositories(database.db);
    melody = toneMelodyWav({ repeats: 1 });
  });
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function inputFor(bytes: Uint8Array, changes: Partial<TranscribeJobInput> = {}) {
    const upload = await blobs.put(bytes, { mediaType: 'audio/wav' });
    const input: TranscribeJobInput = {
      upload: upload.id,
      fileName: 'scale.wav',
      title: 'Scale',
      mode: 'auto',
      instrument: 'piano',
      quantized: false,
      maxSeconds: 600,
      ownerId: null,
      maxAttempts: 2,
      storage,
      ...changes,
    };
    return input;
  }

  function run(input: unknown, attempt = 1) {
    const reports: { progress: number; stage: string }[] = [];
    const done = transcribeJob(input, {
      reportProgress: (progress, stage) => reports.push({ progress, stage }),
      signal: new AbortController().signal,
      attempt,
    });
    return { reports, done };
  }

  it('is registered as the built-in `transcribe` kind', () => {
    expect(handlers.transcribe).toBe(transcribeJob);
  });

  it('stores the transcription with the right notes, reports rising progress by stage, deletes the upload', async () => {
    const input = await inputFor(melody.wav);
    const { reports, done } = run(input);
    const result = (await done) as TranscribeJobResult;
    expect(result.transcription_url).toBe(`/transcriptions/${result.transcription_id}`);
    expect(result.item_id).toBeNull();
    expect(result.notes).toBe(melody.notes.length);
    expect(result.duration).toBeCloseTo(melody.duration, 2);

    const record = await loadTranscription(blobs, result.transcription_id);
    expect(record?.title).toBe('Scale');
    expect(record?.report.notes.map((n) => n.midi_note)).toEqual(melody.notes);
    expect(record?.report.notes.map((n) => n.note_name)).toEqual(NAMES);
    expect(record?.report.key_signature).toBe('C');
    expect(await blobs.has(record?.musicxmlBlob ?? '')).toBe(true);
    expect(await blobs.has(input.upload)).toBe(false);

    const progress = reports.map((r) => r.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(100);
    // Decoding, then the analysis's own stages (pitch first), then storing; the analysis's 'done' is not passed on.
    const stages = reports.map((r) => r.stage);
    expect(stages.slice(0, 2)).toEqual(['decoding', 'pitch']);
    expect(stages.slice(-2)).toEqual(['storing', 'stored']);
    expect(stages).not.toContain('done');
  });

  it('saves a library item for the owner', async () => {
    const user = await repositories.users.create({
      email: 'job@example.com',
      displayName: 'Job',
      passwordHash: 'not-a-real-hash',
      role: 'student',
    });
    const { done } = run(await inputFor(melody.wav, { ownerId: user.id, title: 'Up and down' }));
    const result = (await done) as TranscribeJobResult;
    expect(result.item_id).not.toBeNull();
    const item = await repositories.items.get(user.id, result.item_id ?? '');
    expect(item?.kind).toBe('transcription');
    expect(item?.title).toBe('Up and down');
    expect(item?.files.map((f) => f.role).sort()).toEqual(['midi', 'musicxml']);
  });

  it('fails a silent recording with its message and deletes the upload at once (no retry helps)', async () => {
    const silence = encodeWav({ sampleRate: 22050, channels: [new Float32Array(22050)] }, { bitDepth: 16 });
    const input = await inputFor(silence, { fileName: 'quiet.wav' });
    await expect(run(input).done).rejects.toThrow(/'quiet.wav' is silent/);
    expect(await blobs.has(input.upload)).toBe(false);
  });

  it('keeps the upload for the retry after a passing failure, and deletes it after the last attempt', async () => {
    // An owner the database does not know: storing fails, as a database fault would.
    const input = await inputFor(melody.wav, { ownerId: 'AAAAAAAAAAAAAAAAAAAAAA' });
    await expect(run(input, 1).done).rejects.toThrow(/FOREIGN KEY/);
    expect(await blobs.has(input.upload)).toBe(true);
    await expect(run(input, 2).done).rejects.toThrow(/FOREIGN KEY/);
    expect(await blobs.has(input.upload)).toBe(false);
  });

  it('refuses an invalid input, naming the field', async () => {
    await expect(run({ upload: 'nope' }).done).rejects.toThrow(/transcribe input is invalid: upload/);
  });

  it('takes the database URL from the input, else from CADENZA_DATABASE_URL, else says what to set', () => {
    const disk = { dataDir: dir, blobStore: 'disk' } as const;
    expect(jobDatabaseUrl({ ...disk, databaseUrl: 'sqlite:/a.db' }, {})).toBe('sqlite:/a.db');
    expect(jobDatabaseUrl(disk, { CADENZA_DATABASE_URL: 'postgres://u:p@db/c' })).toBe('postgres://u:p@db/c');
    expect(() => jobDatabaseUrl(disk, {})).toThrow(/set CADENZA_DATABASE_URL for the worker/);
  });
});

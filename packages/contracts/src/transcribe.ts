import { z } from 'zod';
import { ResourceId } from './common.js';
import { BinaryFile } from './convert.js';
import { JobRecord } from './jobs.js';

/** POST /transcribe: a recording in, notes, tempo, meter, key and sheet music out (spec Feature 1). */
export const TranscribeQuery = z.object({
  format: z
    .enum(['json', 'musicxml', 'midi', 'pdf'])
    .default('json')
    .describe('json (default): the notes and facts; musicxml, midi or pdf: that file directly'),
  mode: z
    .enum(['auto', 'mono', 'poly'])
    .default('auto')
    .describe(
      'auto (default: the melody path, or poly where it hears chords), mono (pitch tracker) or poly (basic-pitch note model)',
    ),
  instrument: z
    .enum(['voice', 'piano', 'guitar', 'strings', 'winds'])
    .optional()
    .describe('narrows the pitch range (default voice)'),
  quantized: z
    .enum(['true', 'false', '1', '0'])
    .transform((v) => v === 'true' || v === '1')
    .optional()
    .describe('MIDI plays the notation exactly instead of the performance'),
  title: z.string().trim().min(1).max(120).optional().describe('title of the score (default: the file name)'),
});
export type TranscribeQuery = z.infer<typeof TranscribeQuery>;

export const TranscribeUpload = z.object({
  file: BinaryFile.describe('the recording: WAV, MP3, FLAC, Ogg, M4A/AAC or WebM'),
});

export const TranscribedNote = z.object({
  start_time: z.number().describe('seconds'),
  end_time: z.number().describe('seconds'),
  midi_note: z.number().int(),
  note_name: z.string().describe('spelled in the key, e.g. Bb4'),
  velocity: z.number().int(),
  confidence: z.number().describe('0–1'),
});

export const TranscriptionResponse = z.object({
  transcription_id: ResourceId,
  mode: z.enum(['mono', 'poly']).describe('the path that ran'),
  duration: z.number().describe('seconds of audio'),
  notes: z.array(TranscribedNote),
  tempo: z.number().int().describe('quarter notes per minute'),
  time_signature: z.string(),
  key_signature: z.string().nullable().describe('e.g. F, Am, Bb (null when no notes)'),
  confidence: z.number().describe('0–1: how far to trust the notes'),
  warnings: z.array(z.string()).describe('what the recording made hard: clipping, silence…'),
  download_urls: z.object({
    musicxml: z.string(),
    midi: z.string(),
    pdf: z.string(),
  }),
  item_id: ResourceId.nullable().describe('the library item when signed in, else null'),
});
export type TranscriptionResponse = z.infer<typeof TranscriptionResponse>;

export const TranscriptionParams = z.object({ id: ResourceId });
export const TranscriptionFileParams = z.object({
  id: ResourceId,
  file: z.enum(['score.musicxml', 'score.mid', 'score.pdf']),
});

/**
 * Where the `transcribe` job finds the blob store and the database: the API process's own settings, so
 * that an in-process worker thread opens the same ones. A database URL that carries a password is left
 * out (job inputs are stored in the jobs table or Redis): the worker then reads CADENZA_DATABASE_URL.
 */
export const TranscribeJobStorage = z.object({
  dataDir: z.string().min(1).describe('CADENZA_DATA_DIR of the API process'),
  blobStore: z.enum(['disk', 'postgres']),
  databaseUrl: z.string().min(1).optional().describe('absent when it has a password'),
});
export type TranscribeJobStorage = z.infer<typeof TranscribeJobStorage>;

/** Input of the built-in `transcribe` job: an upload waiting in the blob store, and what to make of it. */
export const TranscribeJobInput = z.object({
  upload: ResourceId.describe('blob id of the uploaded recording; the job deletes it when it is done'),
  fileName: z.string().min(1).max(255),
  title: z.string().min(1).max(120),
  mode: z.enum(['auto', 'mono', 'poly']),
  instrument: z.enum(['voice', 'piano', 'guitar', 'strings', 'winds']).optional(),
  quantized: z.boolean(),
  /** config.maxAudioSeconds. */
  maxSeconds: z.number().positive(),
  /** Signed in: the library item belongs to this user. */
  ownerId: z.string().nullable(),
  /** The job's maxAttempts: the last attempt deletes the upload even when it fails. */
  maxAttempts: z.number().int().positive(),
  storage: TranscribeJobStorage,
});
export type TranscribeJobInput = z.infer<typeof TranscribeJobInput>;

/** What a finished `transcribe` job returns (GET /jobs/{id} `result`). */
export const TranscribeJobResult = z.object({
  transcription_id: ResourceId,
  transcription_url: z.string().describe('/transcriptions/{transcription_id}'),
  item_id: ResourceId.nullable().describe('the library item when signed in, else null'),
  notes: z.number().int().nonnegative().describe('how many notes were found'),
  duration: z.number().describe('seconds of audio'),
});
export type TranscribeJobResult = z.infer<typeof TranscribeJobResult>;

/**
 * POST /transcribe's 202 for a long recording: the job (as GET /jobs/{id} shows it), how long the
 * recording is, and where to follow it and find the transcription.
 */
export const TranscriptionJobAccepted = JobRecord.extend({
  duration: z.number().describe('seconds of audio'),
  links: z.object({
    job: z.string().describe('GET: the job, /jobs/{id}'),
    events: z.string().describe('GET: its progress as Server-Sent Events, /jobs/{id}/events'),
    transcription: z
      .string()
      .describe(
        'where the transcription will be, /transcriptions/{transcription_id}: the id is the job result’s transcription_id',
      ),
  }),
}).describe('TranscriptionJob');
export type TranscriptionJobAccepted = z.infer<typeof TranscriptionJobAccepted>;

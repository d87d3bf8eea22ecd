import type {
  TranscribeJobInput,
  TranscribeJobStorage,
  TranscribeQuery,
  TranscriptionJobAccepted,
} from '@cadenza/contracts';
import type { BlobStore, CadenzaConfig, JobQueue } from '@cadenza/platform';

/** Recordings longer than this many seconds become a `transcribe` job when a job queue is configured. */
export const JOB_THRESHOLD_SECONDS = 30;

/** Attempts a transcription job gets: one retry for a passing fault (database busy, a worker gone). */
export const TRANSCRIBE_JOB_ATTEMPTS = 2;

/**
 * Where the job finds this process's blob store and database. A database URL with a password stays
 * out of the job input (kept in the jobs table or Redis): the worker then reads CADENZA_DATABASE_URL.
 */
export function transcribeJobStorage(
  config: Pick<CadenzaConfig, 'dataDir' | 'blobStore' | 'databaseUrl'>,
): TranscribeJobStorage {
  return {
    dataDir: config.dataDir,
    blobStore: config.blobStore,
    ...(hasPassword(config.databaseUrl) ? {} : { databaseUrl: config.databaseUrl }),
  };
}

function hasPassword(url: string): boolean {
  if (url.startsWith('sqlite:')) return false;
  try {
    return new URL(url).password !== '';
  } catch {
    return true; // unreadable: do not risk copying a secret
  }
}

/** The upload and the request's choices, as the job needs them. */
export interface TranscriptionJobRequest {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly mediaType: string;
  readonly title: string;
  readonly duration: number;
  readonly query: Pick<TranscribeQuery, 'mode' | 'instrument' | 'quantized'>;
  readonly ownerId: string | null;
}

/**
 * Puts the upload in the blob store (job inputs stay small: they live in a database row or in Redis)
 * and queues a `transcribe` job for it; answers what POST /transcribe's 202 says.
 */
export async function startTranscriptionJob(
  deps: {
    readonly jobs: JobQueue;
    readonly blobs: BlobStore;
    readonly storage: TranscribeJobStorage;
    readonly maxSeconds: number;
  },
  request: TranscriptionJobRequest,
): Promise<TranscriptionJobAccepted> {
  const upload = await deps.blobs.put(request.bytes, { mediaType: request.mediaType });
  const input: TranscribeJobInput = {
    upload: upload.id,
    fileName: request.fileName,
    title: request.title,
    mode: request.query.mode,
    ...(request.query.instrument ? { instrument: request.query.instrument } : {}),
    quantized: request.query.quantized ?? false,
    maxSeconds: deps.maxSeconds,
    ownerId: request.ownerId,
    maxAttempts: TRANSCRIBE_JOB_ATTEMPTS,
    storage: deps.storage,
  };
  let job;
  try {
    job = await deps.jobs.enqueue('transcribe', input, {
      ownerId: request.ownerId,
      maxAttempts: TRANSCRIBE_JOB_ATTEMPTS,
    });
  } catch (error) {
    await deps.blobs.delete(upload.id);
    throw error;
  }
  return {
    ...job,
    duration: Math.round(request.duration * 1000) / 1000,
    links: {
      job: `/jobs/${job.id}`,
      events: `/jobs/${job.id}/events`,
      transcription: '/transcriptions/{transcription_id}',
    },
  };
}

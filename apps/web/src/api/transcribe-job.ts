// Types only: importing values from contracts would bundle zod into the studio.
import type {
  JobRecord,
  TranscribeJobResult,
  TranscriptionJobAccepted,
  TranscriptionResponse,
} from '@cadenza/contracts';
import { ApiError, requestJson } from './http.js';
import { followJob } from './jobs.js';
import type { TranscribeProgress } from './transcribe-query.js';

const isAbort = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';

/**
 * Follows the job POST /transcribe started for a long recording (progress as `working` with the job's
 * percent and stage), then loads the transcription it names, the same answer a short recording gets.
 * A cancelled wait is an ApiError that says the server may still finish it.
 */
export async function awaitTranscriptionJob(
  job: TranscriptionJobAccepted,
  onProgress: (progress: TranscribeProgress) => void,
  signal: AbortSignal,
): Promise<TranscriptionResponse> {
  onProgress({ phase: 'working', percent: job.progress, stage: job.stage });
  try {
    await followJob(
      job.id,
      ({ progress, stage }) => onProgress({ phase: 'working', percent: progress, stage }),
      signal,
    );
  } catch (error) {
    if (isAbort(error)) {
      throw new ApiError(0, 'aborted', 'Stopped waiting; the server may still finish the transcription.');
    }
    throw error;
  }
  const done = await requestJson<JobRecord>(`/jobs/${encodeURIComponent(job.id)}`);
  const result = done.result as TranscribeJobResult | undefined;
  if (!result?.transcription_url) {
    throw new ApiError(0, 'job_result', 'The transcription job finished without naming its transcription.');
  }
  return requestJson<TranscriptionResponse>(result.transcription_url);
}

// Types only: importing values from contracts would bundle zod into the studio.
import type { JobEvent, JobRecord } from '@cadenza/contracts';
import { ApiError, requestJson } from './http.js';

/** Where a job stands, as a progress bar shows it. */
export interface JobProgress {
  /** Percent done, 0–100. */
  readonly progress: number;
  /** What it is doing now: queued, rendering, encoding… */
  readonly stage: string;
}

/** Where a finished job's file is downloaded (the session's cookie goes with it). */
export function jobResultUrl(id: string): string {
  return `/jobs/${encodeURIComponent(id)}/result`;
}

const POLL_MS = 1000;

function failed(message: string): ApiError {
  return new ApiError(0, 'job_failed', message);
}

function aborted(): DOMException {
  return new DOMException('The job is no longer followed.', 'AbortError');
}

/** Asks GET /jobs/{id} once a second until the job succeeds or fails. */
async function pollJob(
  id: string,
  onProgress: (progress: JobProgress) => void,
  signal: AbortSignal,
): Promise<void> {
  for (;;) {
    if (signal.aborted) throw aborted();
    const job = await requestJson<JobRecord>(`/jobs/${encodeURIComponent(id)}`);
    if (job.status === 'succeeded') return;
    if (job.status === 'failed') throw failed(job.error ?? 'The job failed.');
    onProgress({ progress: job.progress, stage: job.stage });
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Follows a job to its end: Server-Sent Events from GET /jobs/{id}/events, or polling GET /jobs/{id}
 * when the event stream cannot be opened or breaks. Resolves when it succeeded, rejects with its error
 * when it failed, or with an AbortError when `signal` aborts.
 */
export function followJob(
  id: string,
  onProgress: (progress: JobProgress) => void,
  signal: AbortSignal,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (typeof EventSource === 'undefined') {
      pollJob(id, onProgress, signal).then(resolve, reject);
      return;
    }
    const source = new EventSource(`/jobs/${encodeURIComponent(id)}/events`);
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      source.close();
      signal.removeEventListener('abort', onAbort);
      if (error === undefined) resolve();
      else reject(error);
    };
    const onAbort = () => finish(aborted());
    signal.addEventListener('abort', onAbort);
    const read = (message: MessageEvent<string>): JobEvent | undefined => {
      try {
        return JSON.parse(message.data) as JobEvent;
      } catch {
        return undefined;
      }
    };
    source.addEventListener('progress', (message: MessageEvent<string>) => {
      const event = read(message);
      if (event?.type === 'progress') onProgress({ progress: event.progress, stage: event.stage });
    });
    source.addEventListener('completed', () => finish());
    source.addEventListener('failed', (message: MessageEvent<string>) => {
      const event = read(message);
      finish(failed(event?.type === 'failed' ? event.error : 'The job failed.'));
    });
    // A broken stream (proxy, restart, a server without events): fall back to asking.
    source.onerror = () => {
      if (settled) return;
      settled = true;
      source.close();
      signal.removeEventListener('abort', onAbort);
      pollJob(id, onProgress, signal).then(resolve, reject);
    };
  });
}

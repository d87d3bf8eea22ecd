// Types only: importing values from contracts would bundle zod into the studio.
import type { TranscriptionJobAccepted, TranscriptionResponse } from '@cadenza/contracts';
import { ApiError, request } from './http.js';

export type { TranscriptionJobAccepted, TranscriptionResponse };
export type TranscribedNote = TranscriptionResponse['notes'][number];
export {
  transcribePath,
  type TranscribeProgress,
  type TranscribeInstrument,
  type TranscribeMode,
  type TranscribeOptions,
} from './transcribe-query.js';
import { transcribePath, type TranscribeOptions, type TranscribeProgress } from './transcribe-query.js';

/**
 * What POST /transcribe answered: the transcription itself (200), or for a long recording the job
 * that is making it (202; follow it with awaitTranscriptionJob).
 */
export type TranscribeAnswer =
  | { readonly kind: 'transcription'; readonly result: TranscriptionResponse }
  | { readonly kind: 'job'; readonly job: TranscriptionJobAccepted };

/** The server's `{ error: { message } }` from a failed answer's text, if it has one. */
function serverMessage(text: string): { code: string; message: string } | undefined {
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    const { code, message } = body.error ?? {};
    if (typeof message === 'string') return { code: typeof code === 'string' ? code : 'error', message };
  } catch {
    // Not JSON: fall through to a sentence of our own.
  }
  return undefined;
}

/** What a status without a message from the server means for an upload. */
function statusMessage(status: number): string {
  if (status === 413) return 'The recording is too large to upload.';
  if (status === 415) return 'This file is not a recording Cadenza can read.';
  if (status === 404) return 'This server does not offer /transcribe yet.';
  return `The server answered /transcribe with ${status}.`;
}

/**
 * POST /transcribe with the recording as the multipart field `file`. XMLHttpRequest rather than fetch,
 * because only it reports upload progress; every failure becomes an ApiError with the server's message.
 */
export function transcribeRecording(
  file: Blob,
  fileName: string,
  options: TranscribeOptions,
  onProgress: (progress: TranscribeProgress) => void,
  signal?: AbortSignal,
): Promise<TranscribeAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', transcribePath(options));
    xhr.responseType = 'text';
    xhr.setRequestHeader('accept', 'application/json');
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) {
        onProgress({ phase: 'uploading', fraction: event.loaded / event.total });
      }
    };
    xhr.upload.onload = () => onProgress({ phase: 'listening' });
    xhr.onerror = () =>
      reject(new ApiError(0, 'network', 'The Cadenza server could not be reached. Is it running?'));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', 'The upload was cancelled.'));
    xhr.onload = () => {
      const text = xhr.responseText;
      const isJson = (xhr.getResponseHeader('content-type') ?? '').includes('json');
      if (xhr.status < 200 || xhr.status >= 300) {
        const said = isJson ? serverMessage(text) : undefined;
        reject(new ApiError(xhr.status, said?.code ?? 'http', said?.message ?? statusMessage(xhr.status)));
        return;
      }
      if (!isJson) {
        reject(new ApiError(0, 'not-json', 'This server does not offer /transcribe yet.'));
        return;
      }
      try {
        const body = JSON.parse(text) as unknown;
        resolve(
          xhr.status === 202
            ? { kind: 'job', job: body as TranscriptionJobAccepted }
            : { kind: 'transcription', result: body as TranscriptionResponse },
        );
      } catch {
        reject(new ApiError(0, 'not-json', 'The server’s answer could not be read.'));
      }
    };
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, fileName);
    onProgress({ phase: 'uploading', fraction: 0 });
    xhr.send(form);
  });
}

/** The transcription's MusicXML (download_urls.musicxml), for the score view. */
export async function fetchTranscriptionXml(url: string, signal?: AbortSignal): Promise<string> {
  const response = await request(url, signal ? { signal } : {});
  return response.text();
}

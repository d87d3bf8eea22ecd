// Types only: importing values from contracts would bundle zod into the studio.
import type { TranscribeQuery } from '@cadenza/contracts';
import { withQuery } from './http.js';

export type TranscribeMode = TranscribeQuery['mode'];
export type TranscribeInstrument = NonNullable<TranscribeQuery['instrument']>;

/** What the page asks for with a recording. */
export interface TranscribeOptions {
  readonly mode: TranscribeMode;
  readonly instrument: TranscribeInstrument;
  /** Empty: the server names the score after the file. */
  readonly title: string;
}

/** The query string of POST /transcribe (JSON answer; only the title when one was typed). */
export function transcribePath(options: TranscribeOptions): string {
  const title = options.title.trim();
  return withQuery('/transcribe', {
    format: 'json',
    mode: options.mode,
    instrument: options.instrument,
    title: title ? title : undefined,
  });
}

/**
 * Where an upload is: bytes sent (0–1), then the server listening; for a long recording, the server's
 * transcription job after that (percent 0–100 and the job's stage: decoding, pitch, onsets…).
 */
export type TranscribeProgress =
  | { readonly phase: 'uploading'; readonly fraction: number }
  | { readonly phase: 'listening' }
  | { readonly phase: 'working'; readonly percent: number; readonly stage: string };

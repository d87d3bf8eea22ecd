// Types only: importing values from contracts would bundle zod into the studio.
import type { TranscribeQuery } from '@cadenza/contracts';
import { withQuery } from './http.js';

export type TranscribeMode = Exclude<TranscribeQuery['mode'], 'poly'>;
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

/**
 * A problem with musical input, worded for a musician. Parsers throw this (never return a silent
 * empty value); the API turns it into a 4xx and the CLI into exit code 2 or 1.
 */
export class MusicError extends Error {
  override readonly name = 'MusicError';
  constructor(
    message: string,
    /** The text that was being read, when there was one. */
    readonly input?: string,
  ) {
    super(message);
  }
}

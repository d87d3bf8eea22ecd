/** Why a recording could not be transcribed; the API answers 422 with the message. */
export type TranscriptionProblem = 'silent' | 'no-notes';

export class TranscriptionError extends Error {
  override readonly name = 'TranscriptionError';
  constructor(
    readonly problem: TranscriptionProblem,
    message: string,
  ) {
    super(message);
  }
}

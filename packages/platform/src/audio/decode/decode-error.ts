/**
 * Why audio could not be decoded: `unsupported` (not audio, or a codec Cadenza cannot read), `corrupt`
 * (truncated or damaged), `too-long` (over the caller's `maxSeconds`), `empty` (no samples at all).
 */
export type AudioDecodeErrorCode = 'unsupported' | 'corrupt' | 'too-long' | 'empty';

/** A file that could not be decoded, with a message a musician understands. */
export class AudioDecodeError extends Error {
  override readonly name = 'AudioDecodeError';
  constructor(
    readonly code: AudioDecodeErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Why audio could not be encoded: `bad-quality` (a quality the format has no preset for: the message
 * lists the valid ones), `unsupported` (audio the format cannot hold, e.g. 6 channels as MP3),
 * `invalid-audio` (channels of different lengths, a non-positive sample rate), `failed` (the encoder or
 * ffmpeg failed).
 */
export type AudioEncodeErrorCode = 'bad-quality' | 'unsupported' | 'invalid-audio' | 'failed';

export class AudioEncodeError extends Error {
  override readonly name = 'AudioEncodeError';
  constructor(
    readonly code: AudioEncodeErrorCode,
    message: string,
  ) {
    super(message);
  }
}

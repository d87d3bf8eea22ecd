/** Why an ffmpeg run failed. */
export type FfmpegErrorCode = 'not-found' | 'failed' | 'timeout' | 'aborted';

/** A failed ffmpeg run; `stderrTail` holds its last stderr lines (what ffmpeg said about the problem). */
export class FfmpegError extends Error {
  override readonly name = 'FfmpegError';
  constructor(
    readonly code: FfmpegErrorCode,
    message: string,
    readonly stderrTail: readonly string[] = [],
    readonly exitCode: number | null = null,
  ) {
    super(message);
  }
}

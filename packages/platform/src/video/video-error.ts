/**
 * Why a score video could not be made. `option`: an option out of range or audio that cannot be a
 * soundtrack (no samples, a bad sample rate); `engraving`: verovio could not lay the score out as one
 * system; `aborted`: the caller's signal fired. ffmpeg's own failures stay `FfmpegError`s (from
 * `media/`), with its last stderr lines.
 */
export class VideoError extends Error {
  override readonly name = 'VideoError';
  constructor(
    readonly code: 'option' | 'engraving' | 'aborted',
    message: string,
  ) {
    super(message);
  }
}

/** ffmpeg: locate the binary (system or bundled) and run it with piped input and output. */
export * from './ffmpeg-error.js';
export * from './ffmpeg-locate.js';
export * from './ffmpeg-run.js';

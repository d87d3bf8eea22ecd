import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FfmpegError } from '../../media/ffmpeg-error.js';
import { runFfmpeg } from '../../media/ffmpeg-run.js';
import type { PcmAudio } from '../wav.js';
import { AudioEncodeError } from './encode-error.js';
import { frameCount, interleavedFloat32 } from './pcm-chunks.js';

export interface AacEncodeOptions {
  readonly kbps: number;
  readonly signal?: AbortSignal;
}

/**
 * AAC-LC in an M4A file, by ffmpeg's native encoder (system or bundled ffmpeg). Raw float samples go in
 * on stdin; the MP4 muxer needs a seekable output for `+faststart` (index first, so players start at
 * once), so the file is written to a temporary folder and read back.
 */
export async function encodeAacM4a(audio: PcmAudio, options: AacEncodeOptions): Promise<Uint8Array> {
  const channels = audio.channels.length;
  if (channels > 8)
    throw new AudioEncodeError('unsupported', `AAC holds at most 8 channels, not ${channels}`);
  const dir = await mkdtemp(join(tmpdir(), 'cadenza-aac-'));
  const output = join(dir, 'audio.m4a');
  const seconds = frameCount(audio) / audio.sampleRate;
  try {
    await runFfmpeg(
      [
        ...[
          '-v',
          'error',
          '-f',
          'f32le',
          '-ar',
          String(audio.sampleRate),
          '-ac',
          String(channels),
          '-i',
          'pipe:0',
        ],
        ...['-c:a', 'aac', '-b:a', `${options.kbps}k`, '-movflags', '+faststart', '-y', output],
      ],
      {
        input: interleavedFloat32(audio),
        // Native AAC runs at tens of times real time; this only stops a stuck process.
        timeoutMs: 60_000 + seconds * 1000,
        ...(options.signal ? { signal: options.signal } : {}),
      },
    );
    return new Uint8Array(await readFile(output));
  } catch (error) {
    if (error instanceof FfmpegError && error.code !== 'aborted')
      throw new AudioEncodeError('failed', `AAC encoding failed: ${error.message}`);
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FfmpegError } from '../../media/ffmpeg-error.js';
import { runFfmpeg } from '../../media/ffmpeg-run.js';
import type { PcmAudio } from '../wav.js';
import { AudioDecodeError } from './decode-error.js';
import { decodeWavSamples, readWavLayout } from './wav-decode.js';

/** ffmpeg stderr lines (at `-v error`) that mean the input is cut short or damaged, even when it exits 0. */
const DAMAGE =
  /partial file|ended prematurely|truncat|corrupt|invalid data|read error|exhausted|error while decoding/i;
const NO_AUDIO = /matches no streams|does not contain any stream|no audio/i;

export interface FfmpegDecodeOptions {
  /** Format name for messages ("the M4A/MP4 file is truncated or corrupt"). */
  readonly formatName: string;
  /** Stop decoding a little past this many seconds (the caller reports 'too-long'). */
  readonly maxSeconds?: number;
  readonly signal?: AbortSignal;
  /** Default 5 minutes. */
  readonly timeoutMs?: number;
}

/**
 * Decodes anything ffmpeg reads (AAC/M4A/MP4, WebM/Matroska, AIFF, CAF, odd WAV codecs) to 32-bit float
 * WAV on a pipe, then reads that with our WAV reader. The input goes through a temporary file because MP4
 * files with the index at the end need a seekable input.
 */
export async function decodeWithFfmpeg(bytes: Uint8Array, options: FfmpegDecodeOptions): Promise<PcmAudio> {
  const dir = await mkdtemp(join(tmpdir(), 'cadenza-decode-'));
  const input = join(dir, 'input');
  const damage: string[] = [];
  try {
    await writeFile(input, bytes);
    const limit = options.maxSeconds !== undefined ? ['-t', String(options.maxSeconds + 1)] : [];
    const wav = await runFfmpeg(
      [
        '-v',
        'error',
        '-xerror',
        '-i',
        input,
        '-map',
        '0:a:0',
        '-vn',
        ...limit,
        '-c:a',
        'pcm_f32le',
        '-f',
        'wav',
        '-',
      ],
      {
        timeoutMs: options.timeoutMs ?? 300_000,
        ...(options.signal ? { signal: options.signal } : {}),
        onStderrLine: (line) => {
          if (DAMAGE.test(line)) damage.push(line);
        },
      },
    );
    if (damage.length > 0) throw damaged(options.formatName, damage[0] ?? '');
    return decodeWavSamples(wav, readWavLayout(wav));
  } catch (error) {
    if (error instanceof AudioDecodeError) throw error;
    // A cancelled decode is the caller's doing: it gets its FfmpegError('aborted') back unchanged.
    if (error instanceof FfmpegError && error.code !== 'aborted')
      throw fromFfmpegError(error, options.formatName);
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function damaged(formatName: string, line: string): AudioDecodeError {
  return new AudioDecodeError(
    'corrupt',
    `the ${formatName} file is truncated or corrupt: ${cleanLine(line)}`,
  );
}

/** Drops ffmpeg's "[mov,mp4 @ 0x55…]" prefixes and temp-file paths from a line shown to users. */
function cleanLine(line: string): string {
  return line
    .replace(/^\[[^\]]*@ 0x[0-9a-f]+\]\s*/i, '')
    .replace(/\S*cadenza-decode-\S*?input:?\s*/g, '')
    .trim();
}

function fromFfmpegError(error: FfmpegError, formatName: string): AudioDecodeError {
  const said = error.stderrTail.join('\n');
  if (error.code === 'not-found')
    return new AudioDecodeError(
      'unsupported',
      `reading ${formatName} audio needs ffmpeg, which was not found`,
    );
  if (error.code === 'timeout')
    return new AudioDecodeError('corrupt', `decoding the ${formatName} file was stopped: ${error.message}`);
  if (NO_AUDIO.test(said))
    return new AudioDecodeError('unsupported', `the ${formatName} file has no audio track`);
  // ffmpeg's first complaint names the cause ("moov atom not found"); later lines only repeat it.
  return damaged(formatName, error.stderrTail[0] ?? error.message);
}

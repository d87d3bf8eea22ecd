import type { PcmAudio } from '../wav.js';
import { readFlacStreamInfo, readOggCodecHeader } from './codec-headers.js';
import { AudioDecodeError } from './decode-error.js';
import { decodeWithFfmpeg } from './ffmpeg-decode.js';
import { walkMpegStream } from './mpeg-frames.js';
import { walkOggPages } from './ogg-pages.js';
import { AUDIO_FORMAT_NAMES, detectAudioFormat, type AudioFormat } from './sniff.js';
import {
  decodeFlacWasm,
  decodeMp3Wasm,
  decodeOggOpusWasm,
  decodeOggVorbisWasm,
  type WasmDecodeResult,
} from './wasm-decode.js';
import { decodeWavSamples, isOwnWavEncoding, readWavLayout } from './wav-decode.js';

export interface DecodeAudioOptions {
  /** The upload's name, only for messages. */
  readonly fileName?: string;
  /** Reject longer audio with code 'too-long', from the header where the format has one (before decoding). */
  readonly maxSeconds?: number;
  /** Cancels an ffmpeg decode (AAC/M4A/WebM); in-process decoders finish quickly anyway. */
  readonly signal?: AbortSignal;
}

/** What a container's header says before decoding: duration and, where exact, the sample count to expect. */
interface Expectation {
  readonly seconds?: number;
  readonly frames?: number;
  readonly channels?: number;
}

/** Formats decoded by wasm in this process. */
type InProcessFormat = 'mp3' | 'flac' | 'ogg-vorbis' | 'ogg-opus';

const MIN_RATE = 1000;
const MAX_RATE = 768_000;

const minutes = (seconds: number): string => {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
};

function checkLength(seconds: number | undefined, maxSeconds: number | undefined): void {
  if (seconds === undefined || maxSeconds === undefined || seconds <= maxSeconds) return;
  throw new AudioDecodeError(
    'too-long',
    `the audio is ${minutes(seconds)} long; the limit is ${minutes(maxSeconds)} (${maxSeconds} s)`,
  );
}

const corrupt = (format: AudioFormat, why: string): AudioDecodeError =>
  new AudioDecodeError('corrupt', `the ${AUDIO_FORMAT_NAMES[format]} file is truncated or corrupt: ${why}`);

/** Header checks per format: truncation found without decoding, and what to expect from the decoder. */
function inspect(format: InProcessFormat, bytes: Uint8Array): Expectation {
  switch (format) {
    case 'mp3': {
      const stream = walkMpegStream(bytes, 0);
      if (!stream) throw corrupt(format, 'no MPEG audio frames');
      if (stream.truncated)
        throw corrupt(format, 'it stops in the middle of an audio frame, or frames are missing');
      return { seconds: stream.seconds, channels: stream.channels };
    }
    case 'flac': {
      const info = readFlacStreamInfo(bytes, 0);
      if (!info || info.sampleRate === 0)
        throw corrupt(format, 'its STREAMINFO header is missing or damaged');
      return info.totalSamples > 0
        ? { seconds: info.totalSamples / info.sampleRate, frames: info.totalSamples, channels: info.channels }
        : { channels: info.channels };
    }
    case 'ogg-vorbis':
    case 'ogg-opus': {
      const pages = walkOggPages(bytes);
      if (pages.problem) throw corrupt(format, pages.problem);
      // Header pages only (an encoder given no samples) is empty; audio without its last page is cut short.
      if (pages.lastGranule === 0n) return { frames: 0 };
      if (!pages.ended) throw corrupt(format, 'its last page is missing (the file was cut short)');
      const header = readOggCodecHeader(bytes, format === 'ogg-opus' ? 'opus' : 'vorbis');
      if (!header || header.sampleRate === 0) throw corrupt(format, 'its identification header is damaged');
      const frames = Math.max(0, Number(pages.lastGranule) - header.preSkip);
      if (pages.streams > 1) return { channels: header.channels };
      return { seconds: frames / header.sampleRate, frames, channels: header.channels };
    }
  }
}

async function decodeInProcess(format: InProcessFormat, bytes: Uint8Array): Promise<WasmDecodeResult> {
  try {
    if (format === 'mp3') return await decodeMp3Wasm(bytes);
    if (format === 'flac') return await decodeFlacWasm(bytes);
    if (format === 'ogg-vorbis') return await decodeOggVorbisWasm(bytes);
    return await decodeOggOpusWasm(bytes);
  } catch (error) {
    // The decoders throw plain TypeErrors on some garbage; to a user that is a damaged file.
    throw corrupt(format, error instanceof Error ? error.message : String(error));
  }
}

/** Checks a decoder's output against the header and trims codec padding past the promised length. */
function settle(format: AudioFormat, result: WasmDecodeResult, expected: Expectation): PcmAudio {
  let { channels } = result.audio;
  const { sampleRate } = result.audio;
  const decodedFrames = channels[0]?.length ?? 0;
  if (expected.frames === 0 || expected.seconds === 0)
    throw new AudioDecodeError('empty', `the ${AUDIO_FORMAT_NAMES[format]} file contains no audio`);
  const promised = expected.frames !== undefined || expected.seconds !== undefined;
  if (decodedFrames === 0 && result.errors.length === 0 && !promised)
    throw new AudioDecodeError('empty', `the ${AUDIO_FORMAT_NAMES[format]} file contains no audio`);
  if (decodedFrames === 0) throw corrupt(format, result.errors[0] ?? 'no audio could be decoded');
  // mpg123 resyncs over junk between frames and says so; the other formats passed a checksum walk first.
  if (result.errors.length > 0 && format !== 'mp3')
    throw corrupt(format, result.errors[0] ?? 'decoder error');
  if (sampleRate < MIN_RATE || sampleRate > MAX_RATE) throw corrupt(format, `sample rate ${sampleRate} Hz`);
  if (expected.frames !== undefined) {
    // Codecs may overshoot the header's count by their padding, never fall short in an intact file.
    const slack = format === 'flac' ? 0 : 2048;
    if (decodedFrames < expected.frames - slack)
      throw corrupt(format, `${decodedFrames} of ${expected.frames} samples could be decoded`);
    if (decodedFrames > expected.frames)
      channels = channels.map((channel) => channel.subarray(0, expected.frames));
  }
  // mpg123 always hands back two channels; a mono MP3 stays mono.
  if (format === 'mp3' && expected.channels === 1) channels = channels.slice(0, 1);
  return { sampleRate, channels };
}

/**
 * Decodes an audio file to planar float PCM at its own sample rate and channel count (mono stays
 * mono). WAV is read by our own code; MP3, FLAC, Ogg Vorbis and Ogg Opus by wasm decoders in process;
 * AAC/M4A/MP4, WebM/Matroska, AIFF, CAF and unusual WAV codecs through ffmpeg.
 * Throws AudioDecodeError ('unsupported' | 'corrupt' | 'too-long' | 'empty'); never hangs.
 */
export async function decodeAudio(bytes: Uint8Array, options: DecodeAudioOptions = {}): Promise<PcmAudio> {
  if (bytes.length === 0)
    throw new AudioDecodeError(
      'empty',
      `${options.fileName ? `'${options.fileName}'` : 'the file'} is empty (0 bytes)`,
    );
  const detected = detectAudioFormat(bytes);
  if (detected.kind === 'other') {
    const what = options.fileName ? `'${options.fileName}' is not audio` : 'this file is not audio';
    throw new AudioDecodeError(
      'unsupported',
      `${what} Cadenza can read: it looks like ${detected.looksLike}`,
    );
  }
  const { format } = detected;
  const body = bytes.subarray(detected.offset);
  let audio: PcmAudio;
  if (format === 'wav') {
    const layout = readWavLayout(body);
    checkLength(layout.frames / layout.sampleRate, options.maxSeconds);
    if (layout.frames === 0) throw new AudioDecodeError('empty', 'the WAV file contains no audio');
    audio = isOwnWavEncoding(layout)
      ? decodeWavSamples(body, layout)
      : await viaFfmpeg(format, bytes, options);
  } else if (format === 'mp3' || format === 'flac' || format === 'ogg-vorbis' || format === 'ogg-opus') {
    const expected = inspect(format, body);
    checkLength(expected.seconds, options.maxSeconds);
    audio = settle(format, await decodeInProcess(format, body), expected);
  } else {
    audio = await viaFfmpeg(format, bytes, options);
  }
  const frames = audio.channels[0]?.length ?? 0;
  if (frames === 0 || audio.channels.length === 0)
    throw new AudioDecodeError('empty', `the ${AUDIO_FORMAT_NAMES[format]} file contains no audio`);
  checkLength(frames / audio.sampleRate, options.maxSeconds);
  return audio;
}

function viaFfmpeg(format: AudioFormat, bytes: Uint8Array, options: DecodeAudioOptions): Promise<PcmAudio> {
  return decodeWithFfmpeg(bytes, {
    formatName: AUDIO_FORMAT_NAMES[format],
    ...(options.maxSeconds !== undefined ? { maxSeconds: options.maxSeconds } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

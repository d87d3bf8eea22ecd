import { createRequire } from 'node:module';
import type FlacFactory from 'libflacjs';
import type { PcmAudio } from '../wav.js';
import { AudioEncodeError } from './encode-error.js';
import { CHUNK_FRAMES, concatBytes, frameCount, yieldToEventLoop } from './pcm-chunks.js';

type Flac = FlacFactory.Flac;
type StreamMetadata = FlacFactory.StreamMetadata;

/** How long libflac.js may take to become ready before we give up (it never fires 'ready' on failure). */
const READY_TIMEOUT_MS = 15_000;

/** libflac.js, loaded on the first FLAC encode and kept for the process (it is one emscripten module). */
let library: Promise<Flac> | undefined;

function loadFlac(): Promise<Flac> {
  library ??= new Promise<Flac>((resolve, reject) => {
    const require = createRequire(import.meta.url);
    const global = globalThis as { fetch?: unknown };
    const savedFetch = global.fetch;
    let flac: Flac;
    try {
      // libflac.js's emscripten loader fetch()es its .wasm by file path whenever a global fetch exists,
      // which fails in Node. The check runs synchronously inside require(), so hiding fetch for just
      // that call is enough; nothing else runs meanwhile.
      global.fetch = undefined;
      flac = (require('libflacjs') as typeof FlacFactory)('min.wasm');
    } finally {
      global.fetch = savedFetch;
    }
    if (flac.isReady()) return resolve(flac);
    const timer = setTimeout(
      () => reject(new AudioEncodeError('failed', 'the FLAC encoder (libflac.js) did not load')),
      READY_TIMEOUT_MS,
    );
    flac.on('ready', () => {
      clearTimeout(timer);
      resolve(flac);
    });
  });
  library.catch(() => {
    library = undefined;
  });
  return library;
}

/**
 * Writes the final STREAMINFO values (frame sizes, MD5 of the audio) that libFLAC reports at the end
 * into the header it wrote at the start: a stream encoder cannot seek back, so they would stay zero.
 */
function patchStreamInfo(bytes: Uint8Array, info: StreamMetadata | undefined): void {
  if (!info || String.fromCharCode(...bytes.subarray(0, 4)) !== 'fLaC' || ((bytes[4] ?? 0) & 0x7f) !== 0)
    return;
  const streamInfo = 8;
  const put24 = (offset: number, value: number): void => {
    bytes[offset] = (value >> 16) & 0xff;
    bytes[offset + 1] = (value >> 8) & 0xff;
    bytes[offset + 2] = value & 0xff;
  };
  put24(streamInfo + 4, info.min_framesize);
  put24(streamInfo + 7, info.max_framesize);
  if (/^[0-9a-f]{32}$/i.test(info.md5sum))
    for (let i = 0; i < 16; i++)
      bytes[streamInfo + 18 + i] = parseInt(info.md5sum.slice(2 * i, 2 * i + 2), 16);
}

/** 16-bit FLAC at a libFLAC compression level (0 fastest … 8 smallest; all lossless). */
export async function encodeFlac(audio: PcmAudio, compression: 0 | 5 | 8): Promise<Uint8Array> {
  const channels = audio.channels.length;
  if (channels > 8)
    throw new AudioEncodeError('unsupported', `FLAC holds at most 8 channels, not ${channels}`);
  const flac = await loadFlac();
  const frames = frameCount(audio);
  const encoder = flac.create_libflac_encoder(audio.sampleRate, channels, 16, compression, frames, false, 0);
  if (encoder === 0)
    throw new AudioEncodeError('failed', `the FLAC encoder refused ${audio.sampleRate} Hz × ${channels}`);
  const chunks: Uint8Array[] = [];
  let info: StreamMetadata | undefined;
  try {
    const status = flac.init_encoder_stream(
      encoder,
      (data) => {
        chunks.push(data.slice());
      },
      (metadata) => {
        info = metadata;
      },
    );
    if (status !== 0)
      throw new AudioEncodeError('failed', `the FLAC encoder could not start (status ${status})`);
    const buffers = audio.channels.map(() => new Int32Array(CHUNK_FRAMES));
    for (let start = 0; start < frames; start += CHUNK_FRAMES) {
      const length = Math.min(CHUNK_FRAMES, frames - start);
      audio.channels.forEach((channel, c) => {
        const out = buffers[c] ?? new Int32Array(0);
        for (let i = 0; i < length; i++) {
          const s = Math.max(-1, Math.min(1, channel[start + i] ?? 0));
          out[i] = Math.round(s < 0 ? s * 0x8000 : s * 0x7fff);
        }
      });
      const input = length === CHUNK_FRAMES ? buffers : buffers.map((b) => b.subarray(0, length));
      if (!flac.FLAC__stream_encoder_process(encoder, input, length))
        throw new AudioEncodeError(
          'failed',
          `the FLAC encoder failed (state ${flac.FLAC__stream_encoder_get_state(encoder)})`,
        );
      if ((start / CHUNK_FRAMES) % 8 === 7) await yieldToEventLoop();
    }
    if (!flac.FLAC__stream_encoder_finish(encoder))
      throw new AudioEncodeError('failed', 'the FLAC encoder could not finish');
  } finally {
    flac.FLAC__stream_encoder_delete(encoder);
  }
  const bytes = concatBytes(chunks);
  patchStreamInfo(bytes, info);
  return bytes;
}

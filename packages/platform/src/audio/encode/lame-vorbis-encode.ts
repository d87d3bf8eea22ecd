import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createEncoder, type WasmMediaEncoder } from 'wasm-media-encoders';
import type { PcmAudio } from '../wav.js';
import { AudioEncodeError } from './encode-error.js';
import { withGaplessInfoFrame } from './mp3-info-tag.js';
import { CHUNK_FRAMES, concatBytes, frameCount, yieldToEventLoop } from './pcm-chunks.js';

type EncoderMime = 'audio/mpeg' | 'audio/ogg';

/**
 * Compiled wasm modules, one per codec, kept for the process after the first encode (compiling LAME or
 * libvorbis costs ~40 ms; instantiating a compiled module is cheap). Each encode gets its own instance.
 */
// Typed `object`: this Node project has no DOM lib, so the WebAssembly.Module type does not resolve here.
const compiled = new Map<EncoderMime, object>();

async function newEncoder<M extends EncoderMime>(mime: M): Promise<WasmMediaEncoder<M>> {
  const module = compiled.get(mime);
  if (module) return createEncoder(mime, module);
  const path = createRequire(import.meta.url).resolve(
    mime === 'audio/mpeg' ? 'wasm-media-encoders/wasm/mp3' : 'wasm-media-encoders/wasm/ogg',
  );
  return createEncoder(mime, await readFile(path), (fresh: object) => compiled.set(mime, fresh));
}

/** LAME's MPEG-1 rates; other rates are resampled by LAME to 44.1 or 48 kHz so the CBR presets hold. */
const MPEG1_RATES = [32_000, 44_100, 48_000] as const;

function checkChannels(audio: PcmAudio, formatName: string): 1 | 2 {
  const channels = audio.channels.length;
  if (channels !== 1 && channels !== 2)
    throw new AudioEncodeError(
      'unsupported',
      `${formatName} holds mono or stereo audio, not ${channels} channels`,
    );
  return channels;
}

/** Feeds planar chunks to a configured encoder; each returned chunk is copied (`.slice()`), as the library asks. */
async function run<M extends EncoderMime>(
  encoder: WasmMediaEncoder<M>,
  audio: PcmAudio,
): Promise<Uint8Array> {
  const frames = frameCount(audio);
  const chunks: Uint8Array[] = [];
  for (let start = 0; start < frames; start += CHUNK_FRAMES) {
    const end = Math.min(frames, start + CHUNK_FRAMES);
    chunks.push(encoder.encode(audio.channels.map((channel) => channel.subarray(start, end))).slice());
    if ((start / CHUNK_FRAMES) % 8 === 7) await yieldToEventLoop();
  }
  chunks.push(encoder.finalize().slice());
  return concatBytes(chunks);
}

/** MP3 at a constant bitrate (LAME), with a LAME Info frame for gapless decoding. */
export async function encodeMp3(audio: PcmAudio, kbps: 128 | 192 | 320): Promise<Uint8Array> {
  const channels = checkChannels(audio, 'MP3');
  const encoder = await newEncoder('audio/mpeg');
  const rate = audio.sampleRate;
  const outputSampleRate = MPEG1_RATES.find((r) => r === rate) ?? (rate % 48_000 === 0 ? 48_000 : 44_100);
  encoder.configure({ sampleRate: rate, channels, bitrate: kbps, outputSampleRate });
  const frames = await run(encoder, audio);
  // The Info frame lets decoders trim LAME's delay and padding (gapless); resampled input counts at the new rate.
  return withGaplessInfoFrame(frames, Math.round((frameCount(audio) * outputSampleRate) / rate));
}

/** Ogg Vorbis at a VBR quality (-1…10). */
export async function encodeOggVorbis(audio: PcmAudio, vorbisQuality: number): Promise<Uint8Array> {
  const channels = checkChannels(audio, 'Ogg Vorbis');
  const encoder = await newEncoder('audio/ogg');
  encoder.configure({ sampleRate: audio.sampleRate, channels, vbrQuality: vorbisQuality });
  return run(encoder, audio);
}

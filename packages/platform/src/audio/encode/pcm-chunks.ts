import type { PcmAudio } from '../wav.js';

/** Frames handed to an encoder per call: big enough to amortise the call, small enough to stay responsive. */
export const CHUNK_FRAMES = 16_384;

/** Lets other work (HTTP requests) run between chunks of a long synchronous encode. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Frames of audio (the length of its channels). */
export const frameCount = (audio: PcmAudio): number => audio.channels[0]?.length ?? 0;

/** Joins encoder output chunks (each already copied out of wasm memory) into one array. */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** Interleaved little-endian float32 bytes of `audio`, CHUNK_FRAMES at a time (for ffmpeg's `-f f32le`). */
export async function* interleavedFloat32(audio: PcmAudio): AsyncGenerator<Uint8Array> {
  const frames = frameCount(audio);
  const channels = audio.channels.length;
  for (let start = 0; start < frames; start += CHUNK_FRAMES) {
    const length = Math.min(CHUNK_FRAMES, frames - start);
    const chunk = new Float32Array(length * channels);
    audio.channels.forEach((channel, c) => {
      for (let i = 0; i < length; i++) chunk[i * channels + c] = channel[start + i] ?? 0;
    });
    yield new Uint8Array(chunk.buffer);
    await yieldToEventLoop();
  }
}

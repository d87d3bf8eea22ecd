import { open } from 'node:fs/promises';
import type { PcmAudio } from '../audio/wav.js';

/** Frames converted and written per chunk: about 1.5 s of stereo, so a long piece never sits in memory twice. */
const CHUNK_FRAMES = 65_536;

/**
 * Writes planar float PCM as interleaved signed 16-bit little-endian samples (ffmpeg's `s16le`, no
 * header), chunk by chunk. Samples are clamped to [-1, 1]. Checks `signal` between chunks.
 */
export async function writeRawAudioFile(path: string, audio: PcmAudio, signal?: AbortSignal): Promise<void> {
  const channels = audio.channels;
  const frames = channels[0]?.length ?? 0;
  const handle = await open(path, 'w');
  try {
    for (let start = 0; start < frames; start += CHUNK_FRAMES) {
      signal?.throwIfAborted();
      const count = Math.min(CHUNK_FRAMES, frames - start);
      const bytes = new Uint8Array(count * channels.length * 2);
      const view = new DataView(bytes.buffer);
      let offset = 0;
      for (let i = start; i < start + count; i++) {
        for (const channel of channels) {
          const s = Math.max(-1, Math.min(1, channel[i] ?? 0));
          view.setInt16(offset, Math.round(s < 0 ? s * 0x8000 : s * 0x7fff), true);
          offset += 2;
        }
      }
      await handle.write(bytes);
    }
  } finally {
    await handle.close();
  }
}

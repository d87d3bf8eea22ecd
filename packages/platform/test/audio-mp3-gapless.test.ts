import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeAudio, encodeAudio, type PcmAudio } from '@cadenza/platform';
import { hasDebianTool, runTool } from './fixtures/audio-test-tools.js';

const scratch = mkdtempSync(join(tmpdir(), 'cadenza-mp3-gapless-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const RATE = 44_100;
const LENGTH = 2 * RATE;
const BURST_START = RATE / 2;

/** 2 s of silence with a 1-s 440 Hz burst starting at exactly 0.5 s (sample 22050), in every channel. */
function burst(channels: 1 | 2): PcmAudio {
  return {
    sampleRate: RATE,
    channels: Array.from({ length: channels }, () => {
      const samples = new Float32Array(LENGTH);
      for (let i = BURST_START; i < BURST_START + RATE; i++)
        samples[i] = 0.5 * Math.sin((2 * Math.PI * 440 * (i - BURST_START)) / RATE);
      return samples;
    }),
  };
}

/** First sample louder than 0.05: the burst's onset (the sine passes 0.05 about 1.6 samples in). */
function onset(samples: Float32Array): number {
  return samples.findIndex((value) => Math.abs(value) > 0.05);
}

const oneMs = RATE / 1000;

async function encodeBurst(channels: 1 | 2, quality: string): Promise<Uint8Array> {
  return (await encodeAudio(burst(channels), { format: 'mp3', quality })).bytes;
}

/** Byte offset of the "Info" id in the first frame (our encoder's file starts with its Info frame). */
function infoOffset(mp3: Uint8Array): number {
  return Buffer.from(mp3.buffer, mp3.byteOffset, mp3.byteLength).indexOf('Info');
}

describe('MP3 round trip is gapless (LAME Info frame: encoder delay and padding)', () => {
  it.each([
    [1, '128k'],
    [2, '128k'],
    [1, '320k'],
    [2, '192k'],
  ] as const)('%i channel(s) at %s: same length, burst at 0.5 s', async (channels, quality) => {
    const decoded = await decodeAudio(await encodeBurst(channels, quality));
    expect(decoded.sampleRate).toBe(RATE);
    expect(decoded.channels).toHaveLength(channels);
    for (const channel of decoded.channels) {
      expect(Math.abs(channel.length - LENGTH)).toBeLessThanOrEqual(2);
      expect(Math.abs(onset(channel) - BURST_START)).toBeLessThanOrEqual(oneMs);
    }
  });

  it('writes delay 576 and the padding that fills the last frame into the LAME extension', async () => {
    const mp3 = await encodeBurst(2, '128k');
    const xing = infoOffset(mp3);
    expect(xing).toBe(4 + 32); // after the frame header and stereo MPEG-1 side info
    const lame = xing + 120;
    expect(String.fromCharCode(...mp3.subarray(lame, lame + 9))).toBe('LAME3.100');
    const delay = ((mp3[lame + 21] ?? 0) << 4) | ((mp3[lame + 22] ?? 0) >> 4);
    const padding = (((mp3[lame + 22] ?? 0) & 0x0f) << 8) | (mp3[lame + 23] ?? 0);
    const frames = new DataView(mp3.buffer, mp3.byteOffset).getUint32(xing + 8);
    expect(delay).toBe(576);
    expect(frames * 1152 - delay - padding).toBe(LENGTH);
  });

  // From a file: on a pipe ffmpeg trims the start but cannot trim the end padding (its own MP3s too).
  it.runIf(hasDebianTool('ffmpeg'))('ffmpeg reads our tag too: the same length and onset', async () => {
    const path = join(scratch, 'burst.mp3');
    writeFileSync(path, await encodeBurst(2, '128k'));
    const pcm = runTool('ffmpeg', ['-v', 'error', '-i', path, '-f', 'f32le', '-ac', '1', 'pipe:1']);
    const samples = new Float32Array(pcm.buffer, pcm.byteOffset, pcm.byteLength / 4);
    expect(Math.abs(samples.length - LENGTH)).toBeLessThanOrEqual(2);
    expect(Math.abs(onset(samples) - BURST_START)).toBeLessThanOrEqual(oneMs);
  });

  it('maxSeconds reads the trimmed length from the tag: a 2-s MP3 is 2 s, not 78 frames (2.04 s)', async () => {
    const mp3 = await encodeBurst(1, '128k');
    expect((await decodeAudio(mp3, { maxSeconds: 2 })).channels[0]).toHaveLength(LENGTH);
    await expect(decodeAudio(mp3, { maxSeconds: 1.99 })).rejects.toMatchObject({ code: 'too-long' });
  });

  it('without a usable tag (id corrupted) it still decodes, as before: late by the codec delay', async () => {
    const mp3 = (await encodeBurst(1, '128k')).slice();
    mp3.set([0x58, 0x58, 0x58, 0x58], infoOffset(mp3)); // "XXXX": no longer a Xing/Info frame
    const decoded = await decodeAudio(mp3);
    const channel = decoded.channels[0] ?? new Float32Array();
    // The untagged frame decodes as one frame of silence; the whole file is then whole frames long.
    expect(channel.length % 1152).toBe(0);
    expect(Math.abs(channel.length - LENGTH)).toBeLessThanOrEqual(3 * 1152);
    const late = onset(channel) - BURST_START;
    expect(late).toBeGreaterThan(576 + 529 - oneMs);
    expect(late).toBeLessThan(576 + 529 + 1152 + oneMs);
  });

  it('an MP3 whose LAME extension is cut to garbage still decodes to its full length or more', async () => {
    const mp3 = (await encodeBurst(2, '128k')).slice();
    const lame = infoOffset(mp3) + 120;
    mp3.fill(0xff, lame + 21, lame + 24); // delay and padding 4095 each: more than the file can spare
    const decoded = await decodeAudio(mp3);
    expect(decoded.channels[0]?.length ?? 0).toBeGreaterThan(0);
  });
});

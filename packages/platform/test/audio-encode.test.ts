import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  AUDIO_QUALITY_PRESETS,
  AudioEncodeError,
  encodeAudio,
  encodeWav,
  encodeWav16,
  locateFfmpeg,
  type AudioEncodeFormat,
  type PcmAudio,
} from '@cadenza/platform';
import { estimatePitch, ffprobe, hasDebianTool, runTool, sine } from './fixtures/audio-test-tools.js';

const scratch = mkdtempSync(join(tmpdir(), 'cadenza-encode-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * 2 s of A4 with a few harmonics and a little seeded noise: a musical signal rich enough that bitrate
 * targets mean something (a pure sine lets AAC undershoot its target).
 */
function testSignal(sampleRate: number, channels: number): PcmAudio {
  const frames = 2 * sampleRate;
  let seed = 7;
  const noise = (): number => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32 - 0.5;
  };
  return {
    sampleRate,
    channels: Array.from({ length: channels }, (_, c) => {
      const samples = new Float32Array(frames);
      for (let i = 0; i < frames; i++) {
        const t = i / sampleRate;
        samples[i] =
          0.4 * Math.sin(2 * Math.PI * 440 * t) +
          0.1 * Math.sin(2 * Math.PI * 880 * t + c) +
          0.05 * Math.sin(2 * Math.PI * 1320 * t) +
          0.03 * noise();
      }
      return samples;
    }),
  };
}

/** The quality names every format shares. */
const LEVELS = ['low', 'medium', 'high'] as const;

/** Expected codec per format and level (WAV differs by bit depth). */
const CODEC: Record<AudioEncodeFormat, (level: string) => string> = {
  wav: (level) => (level === 'high' ? 'pcm_s24le' : 'pcm_s16le'),
  mp3: () => 'mp3',
  flac: () => 'flac',
  ogg: () => 'vorbis',
  aac: () => 'aac',
};

describe('encodeAudio: presets and errors', () => {
  it('rejects a quality the format has no preset for, listing the valid ones', async () => {
    const audio = sine({ hz: 440, seconds: 0.1, sampleRate: 44_100, channels: 1 });
    const error = await encodeAudio(audio, { format: 'mp3', quality: 'ultra' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AudioEncodeError);
    expect(error).toMatchObject({
      code: 'bad-quality',
      message: "'ultra' is not a quality for MP3: use low, medium, high, 128k, 192k or 320k",
    });
    await expect(encodeAudio(audio, { format: 'flac', quality: '320k' })).rejects.toMatchObject({
      code: 'bad-quality',
      message: "'320k' is not a quality for FLAC: use low, medium, high, 0, 5 or 8",
    });
    await expect(encodeAudio(audio, { format: 'wav', quality: 'toString' })).rejects.toMatchObject({
      code: 'bad-quality',
    });
  });

  it('has low, medium and high for every format', () => {
    for (const presets of Object.values(AUDIO_QUALITY_PRESETS))
      expect(Object.keys(presets)).toEqual(expect.arrayContaining([...LEVELS]));
  });

  it('refuses audio a format cannot hold, and malformed audio', async () => {
    const surround = sine({ hz: 440, seconds: 0.1, sampleRate: 48_000, channels: 6 });
    await expect(encodeAudio(surround, { format: 'mp3' })).rejects.toMatchObject({
      code: 'unsupported',
      message: 'MP3 holds mono or stereo audio, not 6 channels',
    });
    const ragged: PcmAudio = { sampleRate: 44_100, channels: [new Float32Array(10), new Float32Array(9)] };
    await expect(encodeAudio(ragged, { format: 'wav' })).rejects.toMatchObject({ code: 'invalid-audio' });
    await expect(
      encodeAudio({ sampleRate: 0, channels: [new Float32Array(1)] }, { format: 'flac' }),
    ).rejects.toMatchObject({
      code: 'invalid-audio',
    });
  });

  it('keeps encodeWav16 as 16-bit encodeWav', () => {
    const audio = sine({ hz: 440, seconds: 0.1, sampleRate: 44_100, channels: 2 });
    expect(encodeWav16(audio)).toEqual(encodeWav(audio, { bitDepth: 16 }));
  });

  it('names media types and extensions', async () => {
    const audio = sine({ hz: 440, seconds: 0.1, sampleRate: 44_100, channels: 1 });
    const types = await Promise.all(
      (['wav', 'mp3', 'flac', 'ogg'] as const).map(async (format) => {
        const { mediaType, extension } = await encodeAudio(audio, { format });
        return `${mediaType} .${extension}`;
      }),
    );
    expect(types).toEqual(['audio/wav .wav', 'audio/mpeg .mp3', 'audio/flac .flac', 'audio/ogg .ogg']);
  });
});

const hasTools = hasDebianTool('ffprobe') && hasDebianTool('ffmpeg');

describe.skipIf(!hasTools)('encodeAudio round trip, checked by Debian ffprobe/ffmpeg', () => {
  const cases = (['wav', 'mp3', 'flac', 'ogg', 'aac'] as const).flatMap((format) =>
    [44_100, 48_000].map((sampleRate) => ({ format, sampleRate })),
  );

  it.each(cases)(
    '$format at $sampleRate Hz: codec, rate, channels, bitrate class, duration, pitch',
    async ({ format, sampleRate }) => {
      const audio = testSignal(sampleRate, 2);
      const probes = [];
      for (const level of LEVELS) {
        const encoded = await encodeAudio(audio, { format, quality: level });
        const path = join(scratch, `${format}-${sampleRate}-${level}.${encoded.extension}`);
        writeFileSync(path, encoded.bytes);
        const probe = ffprobe(path);
        const stream = probe.streams[0];
        expect(probe.streams).toHaveLength(1);
        expect(stream?.codec_name).toBe(CODEC[format](level));
        expect(Number(stream?.sample_rate)).toBe(sampleRate);
        expect(stream?.channels).toBe(2);
        expect(Math.abs(Number(probe.format.duration) - 2)).toBeLessThan(0.05);
        // An independent decoder hears A4.
        const pcm = runTool('ffmpeg', ['-v', 'error', '-i', path, '-ac', '1', '-f', 'f32le', '-']);
        const samples = new Float32Array(pcm.buffer, pcm.byteOffset, pcm.byteLength / 4);
        expect(Math.abs(estimatePitch(samples, sampleRate) / 440 - 1)).toBeLessThan(0.01);
        probes.push({
          level,
          size: encoded.bytes.length,
          bitRate: Number(stream?.bit_rate),
          bytes: encoded.bytes,
        });
      }
      const [low, medium, high] = probes as [(typeof probes)[0], (typeof probes)[0], (typeof probes)[0]];
      if (format === 'mp3') expect(probes.map((p) => p.bitRate)).toEqual([128_000, 192_000, 320_000]);
      if (format === 'ogg') {
        // Vorbis headers carry the nominal bitrate of the chosen quality.
        expect(low.bitRate).toBeLessThan(medium.bitRate);
        expect(medium.bitRate).toBeLessThan(high.bitRate);
      }
      if (format === 'aac') {
        probes.forEach((p, i) =>
          expect(Math.abs(p.bitRate / [128_000, 192_000, 256_000][i]! - 1)).toBeLessThan(0.15),
        );
        // +faststart: the index (moov) comes before the audio (mdat).
        const text = Buffer.from(high.bytes).toString('latin1');
        expect(text.indexOf('moov')).toBeLessThan(text.indexOf('mdat'));
      }
      if (format === 'flac') {
        // Lossless at every level; higher levels only make smaller files.
        expect(low.size).toBeGreaterThan(medium.size);
        expect(medium.size).toBeGreaterThanOrEqual(high.size);
      }
    },
  );

  it.each(['wav', 'mp3', 'flac', 'ogg', 'aac'] as const)('%s keeps mono audio mono', async (format) => {
    const encoded = await encodeAudio(sine({ hz: 440, seconds: 1, sampleRate: 44_100, channels: 1 }), {
      format,
      quality: 'low',
    });
    const path = join(scratch, `mono.${encoded.extension}`);
    writeFileSync(path, encoded.bytes);
    const probe = ffprobe(path);
    expect(probe.streams[0]?.channels).toBe(1);
    expect(Math.abs(Number(probe.format.duration) - 1)).toBeLessThan(0.05);
  });

  it('FLAC is lossless to 16 bits, and its header carries the length and MD5', async () => {
    const audio = testSignal(44_100, 2);
    const encoded = await encodeAudio(audio, { format: 'flac', quality: 'high' });
    const path = join(scratch, 'lossless.flac');
    writeFileSync(path, encoded.bytes);
    const decoded = runTool('ffmpeg', ['-v', 'error', '-i', path, '-f', 's16le', '-']);
    expect(decoded).toEqual(Buffer.from(encodeWav(audio, { bitDepth: 16 }).subarray(44)));
    // STREAMINFO's MD5 is over the interleaved little-endian samples, which ffmpeg decoded above.
    expect(Buffer.from(encoded.bytes.subarray(26, 42)).toString('hex')).toBe(
      createHash('md5').update(decoded).digest('hex'),
    );
    expect(encoded.bytes[21]! & 0x0f).toBe(0); // total samples (36 bits) = 88200: top bits zero
    expect(new DataView(encoded.bytes.buffer, encoded.bytes.byteOffset).getUint32(22)).toBe(88_200);
  });

  it('AAC works with the ffmpeg bundled in npm too (the embedded default, no apt)', async () => {
    process.env.CADENZA_FFMPEG = locateFfmpeg({ PATH: '' }).path;
    try {
      const encoded = await encodeAudio(testSignal(48_000, 2), { format: 'aac', quality: 'medium' });
      const path = join(scratch, 'bundled.m4a');
      writeFileSync(path, encoded.bytes);
      const probe = ffprobe(path);
      expect(probe.streams[0]).toMatchObject({ codec_name: 'aac', sample_rate: '48000', channels: 2 });
      expect(Math.abs(Number(probe.streams[0]?.bit_rate) / 192_000 - 1)).toBeLessThan(0.15);
      expect(Math.abs(Number(probe.format.duration) - 2)).toBeLessThan(0.05);
    } finally {
      delete process.env.CADENZA_FFMPEG;
    }
  });

  it('MP3 at a rate MPEG-1 lacks is resampled to 44.1 kHz and keeps its bitrate', async () => {
    const encoded = await encodeAudio(testSignal(22_050, 2), { format: 'mp3', quality: 'medium' });
    const path = join(scratch, 'resampled.mp3');
    writeFileSync(path, encoded.bytes);
    const probe = ffprobe(path);
    expect(probe.streams[0]).toMatchObject({ sample_rate: '44100', bit_rate: '192000' });
    expect(Math.abs(Number(probe.format.duration) - 2)).toBeLessThan(0.05);
  });
});

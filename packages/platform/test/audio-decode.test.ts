import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AudioDecodeError, decodeAudio, encodeWav, locateFfmpeg, type PcmAudio } from '@cadenza/platform';
import { estimatePitch, hasDebianTool, runTool, sine } from './fixtures/audio-test-tools.js';

const scratch = mkdtempSync(join(tmpdir(), 'cadenza-decode-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Expects decodeAudio to reject with this code and a message matching `message`. */
async function expectDecodeError(
  bytes: Uint8Array,
  code: AudioDecodeError['code'],
  message: RegExp,
  options: Parameters<typeof decodeAudio>[1] = {},
): Promise<void> {
  const error = await decodeAudio(bytes, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AudioDecodeError);
  expect((error as AudioDecodeError).code).toBe(code);
  expect((error as AudioDecodeError).message).toMatch(message);
}

function expectTone(audio: PcmAudio, seconds: number, channels: number): void {
  expect(audio.channels).toHaveLength(channels);
  const frames = audio.channels[0]?.length ?? 0;
  expect(Math.abs(frames / audio.sampleRate - seconds)).toBeLessThan(0.05);
  for (const channel of audio.channels) {
    expect(channel).toHaveLength(frames);
    expect(Math.abs(estimatePitch(channel, audio.sampleRate) / 440 - 1)).toBeLessThan(0.01);
  }
}

describe('decodeAudio: our own WAV reader', () => {
  it('reads 16/24-bit WAV that encodeWav writes, mono and stereo', async () => {
    for (const bitDepth of [16, 24] as const) {
      for (const channels of [1, 2]) {
        const tone = sine({ hz: 440, seconds: 1, sampleRate: 48_000, channels });
        const audio = await decodeAudio(encodeWav(tone, { bitDepth }));
        expect(audio.sampleRate).toBe(48_000);
        expectTone(audio, 1, channels);
        const peak = audio.channels[0]!.reduce((max, x) => Math.max(max, Math.abs(x)), 0);
        expect(Math.abs(peak - 0.5)).toBeLessThan(bitDepth === 16 ? 1e-3 : 1e-5);
      }
    }
  });

  it('rejects a WAV whose header promises more data than the file holds', async () => {
    const wav = encodeWav(sine({ hz: 440, seconds: 2, sampleRate: 44_100, channels: 1 }), { bitDepth: 16 });
    await expectDecodeError(
      wav.subarray(0, 44 + 44_100 * 2),
      'corrupt',
      /WAV file is truncated.*2\.00 s.*1\.00 s/,
    );
  });

  it('reads a streamed WAV whose data size is still the 0xFFFFFFFF placeholder', async () => {
    const wav = encodeWav(sine({ hz: 440, seconds: 1, sampleRate: 44_100, channels: 1 }), { bitDepth: 16 });
    new DataView(wav.buffer).setUint32(40, 0xffffffff, true);
    expectTone(await decodeAudio(wav), 1, 1);
  });

  it('says a data chunk with no samples is empty, and a 0-byte file is empty', async () => {
    const wav = encodeWav({ sampleRate: 44_100, channels: [new Float32Array(0)] }, { bitDepth: 16 });
    await expectDecodeError(wav, 'empty', /WAV file contains no audio/);
    await expectDecodeError(new Uint8Array(0), 'empty', /'take\.wav' is empty \(0 bytes\)/, {
      fileName: 'take.wav',
    });
  });

  it('rejects over-long audio from the header with code too-long', async () => {
    const wav = encodeWav(sine({ hz: 440, seconds: 3, sampleRate: 8000, channels: 1 }), { bitDepth: 16 });
    await expectDecodeError(wav, 'too-long', /0:03 long; the limit is 0:02 \(2 s\)/, { maxSeconds: 2 });
  });
});

describe('decodeAudio: what is not audio', () => {
  it('names what the file looks like', async () => {
    const text = (s: string): Uint8Array => new TextEncoder().encode(s);
    await expectDecodeError(
      text('%PDF-1.7\n%âãÏÓ\n1 0 obj'),
      'unsupported',
      /^this file is not audio Cadenza can read: it looks like a PDF$/,
    );
    await expectDecodeError(text('MThd\0\0\0\x06\0\x01'), 'unsupported', /looks like a MIDI file/);
    await expectDecodeError(
      text('hello, world'),
      'unsupported',
      /^'notes\.txt' is not audio Cadenza can read: it looks like text$/,
      {
        fileName: 'notes.txt',
      },
    );
  });

  it('rejects random bytes of any length', async () => {
    let seed = 12345;
    const random = (n: number): Uint8Array =>
      Uint8Array.from({ length: n }, () => {
        seed = (seed * 1103515245 + 12345) >>> 0;
        return seed >>> 24;
      });
    for (const n of [1, 3, 17, 1000, 100_000]) {
      await expectDecodeError(random(n), 'unsupported', /not audio Cadenza can read/);
    }
  });
});

const hasFfmpeg = hasDebianTool('ffmpeg');

/** Files made by Debian's ffmpeg (an independent encoder): 1 s of 440 Hz. */
const FIXTURES = [
  { name: 's16.wav', args: ['-c:a', 'pcm_s16le'], channels: 1 },
  { name: 's24.wav', args: ['-c:a', 'pcm_s24le'], channels: 1 },
  { name: 's32.wav', args: ['-c:a', 'pcm_s32le', '-ac', '2'], channels: 2 },
  { name: 'f32.wav', args: ['-c:a', 'pcm_f32le'], channels: 1 },
  { name: 'f64.wav', args: ['-c:a', 'pcm_f64le'], channels: 1 },
  { name: 'u8.wav', args: ['-c:a', 'pcm_u8', '-ar', '22050'], channels: 1 },
  { name: 'alaw.wav', args: ['-c:a', 'pcm_alaw', '-ar', '8000'], channels: 1 },
  { name: 'mono.mp3', args: ['-c:a', 'libmp3lame', '-b:a', '128k'], channels: 1 },
  { name: 'stereo.mp3', args: ['-c:a', 'libmp3lame', '-ac', '2', '-ar', '48000'], channels: 2 },
  { name: 'a.flac', args: ['-c:a', 'flac'], channels: 1 },
  { name: 's24.flac', args: ['-c:a', 'flac', '-sample_fmt', 's32', '-ac', '2', '-ar', '96000'], channels: 2 },
  { name: 'vorbis.ogg', args: ['-c:a', 'libvorbis'], channels: 1 },
  { name: 'opus.ogg', args: ['-c:a', 'libopus', '-ac', '2'], channels: 2 },
  { name: 'aac.m4a', args: ['-c:a', 'aac'], channels: 1 },
  { name: 'faststart.m4a', args: ['-c:a', 'aac', '-ac', '2', '-movflags', '+faststart'], channels: 2 },
  { name: 'adts.aac', args: ['-c:a', 'aac', '-f', 'adts'], channels: 1 },
  { name: 'opus.webm', args: ['-c:a', 'libopus'], channels: 1 },
  { name: 'a.aiff', args: ['-c:a', 'pcm_s16be'], channels: 1 },
] as const;

describe.skipIf(!hasFfmpeg)('decodeAudio: files made by Debian ffmpeg', () => {
  const files = new Map<string, Uint8Array>();
  beforeAll(() => {
    for (const fixture of FIXTURES) {
      const path = join(scratch, fixture.name);
      runTool('ffmpeg', [
        '-v',
        'error',
        '-f',
        'lavfi',
        '-i',
        'sine=frequency=440:duration=1',
        ...fixture.args,
        path,
      ]);
      files.set(fixture.name, new Uint8Array(readFileSync(path)));
    }
  });
  const bytes = (name: string): Uint8Array => files.get(name) ?? new Uint8Array(0);

  it.each(FIXTURES)(
    '$name decodes to 1 s of 440 Hz with $channels channel(s)',
    async ({ name, channels }) => {
      expectTone(await decodeAudio(bytes(name), { fileName: name }), 1, channels);
    },
  );

  it.each(FIXTURES)('$name cut in half is reported as truncated or corrupt', async ({ name }) => {
    const whole = bytes(name);
    await expectDecodeError(whole.subarray(0, whole.length >> 1), 'corrupt', /truncated|corrupt/);
  });

  it.each(FIXTURES)('$name over maxSeconds is too-long', async ({ name }) => {
    await expectDecodeError(bytes(name), 'too-long', /the limit is 0:01 \(0\.5 s\)/, { maxSeconds: 0.5 });
  });

  it('decodes many files at once (each call has its own decoder)', async () => {
    const decoded = await Promise.all(FIXTURES.map(({ name }) => decodeAudio(bytes(name))));
    decoded.forEach((audio, i) => expectTone(audio, 1, FIXTURES[i]?.channels ?? 0));
  });

  it('finds MP3 frames after padding, with or without an ID3 tag before it', async () => {
    const mp3 = bytes('mono.mp3');
    const tagSize = 10 + (((mp3[6]! << 21) | (mp3[7]! << 14) | (mp3[8]! << 7) | mp3[9]!) >>> 0);
    const padding = new Uint8Array(300);
    const withTag = new Uint8Array([...mp3.subarray(0, tagSize), ...padding, ...mp3.subarray(tagSize)]);
    const withoutTag = new Uint8Array([...padding, ...mp3.subarray(tagSize)]);
    expectTone(await decodeAudio(withTag), 1, 1);
    expectTone(await decodeAudio(withoutTag), 1, 1);
  });

  it('finds an MP3 cut exactly between two frames by its Info frame count', async () => {
    const mp3 = bytes('mono.mp3');
    const cuts: number[] = [];
    for (let i = mp3.length >> 2; i < (mp3.length * 3) >> 2; i++)
      if (mp3[i] === 0xff && mp3[i + 1] === 0xfb) cuts.push(i);
    expect(cuts.length).toBeGreaterThan(5);
    for (const cut of cuts) await expectDecodeError(mp3.subarray(0, cut), 'corrupt', /MP3 file is truncated/);
  });

  it('reads M4A and WebM with the ffmpeg bundled in npm too (the embedded default, no apt)', async () => {
    process.env.CADENZA_FFMPEG = locateFfmpeg({ PATH: '' }).path;
    try {
      for (const name of ['aac.m4a', 'opus.webm']) expectTone(await decodeAudio(bytes(name)), 1, 1);
      const half = bytes('faststart.m4a').subarray(0, bytes('faststart.m4a').length >> 1);
      await expectDecodeError(half, 'corrupt', /M4A\/MP4 file is truncated or corrupt/);
    } finally {
      delete process.env.CADENZA_FFMPEG;
    }
  });

  it('reports a damaged Ogg page by its checksum', async () => {
    const damaged = bytes('vorbis.ogg').slice();
    const at = damaged.length - 100;
    damaged[at] = (damaged[at] ?? 0) ^ 0xff;
    await expectDecodeError(
      damaged,
      'corrupt',
      /^the Ogg Vorbis file is truncated or corrupt: page \d+ is damaged/,
    );
  });

  it.each(['empty.flac', 'empty.ogg', 'empty.mp3'])(
    '%s, whose decoder yields no samples, is empty',
    async (name) => {
      const path = join(scratch, name);
      runTool('ffmpeg', [
        '-v',
        'error',
        '-f',
        'lavfi',
        '-i',
        'anullsrc=r=44100:cl=mono',
        '-frames:a',
        '0',
        path,
      ]);
      await expectDecodeError(new Uint8Array(readFileSync(path)), 'empty', /contains no audio/);
    },
  );

  it('says a video without an audio track has no audio', async () => {
    const path = join(scratch, 'silent-video.webm');
    runTool('ffmpeg', [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'color=c=red:s=32x32:d=0.2',
      '-c:v',
      'libvpx',
      path,
    ]);
    await expectDecodeError(new Uint8Array(readFileSync(path)), 'unsupported', /has no audio track/);
  });
});

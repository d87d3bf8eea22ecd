import { describe, expect, it } from 'vitest';
import { fileNameFromDisposition } from '../src/api/download.js';
import {
  AUDIO_FORMATS,
  AUDIO_QUALITIES,
  batchRequest,
  DEFAULT_AUDIO,
  DEFAULT_SHEET,
  defaultQuality,
  describeChoice,
  exportQuery,
} from '../src/components/export/export-options.js';

describe('export dialog choices → API query', () => {
  it('asks for high quality by default: MP3 320k, 24-bit WAV', () => {
    expect(DEFAULT_AUDIO).toMatchObject({ format: 'mp3', quality: 'high' });
    expect(defaultQuality('wav')).toBe('24');
    for (const { value } of AUDIO_FORMATS) {
      const presets = AUDIO_QUALITIES[value].map((q) => q.value);
      expect(presets).toContain(defaultQuality(value));
    }
  });

  it('sends every audio setting', () => {
    expect(exportQuery({ ...DEFAULT_AUDIO, format: 'flac', quality: 'medium', sampleRate: 48000 })).toEqual({
      format: 'flac',
      quality: 'medium',
      sampleRate: '48000',
      reverb: 'false',
    });
  });

  it.each([
    [{ ...DEFAULT_SHEET }, { format: 'pdf', pageSize: 'a4' }],
    [
      { ...DEFAULT_SHEET, format: 'png', dpi: 300, page: 2 } as const,
      { format: 'png', pageSize: 'a4', dpi: '300', page: '2' },
    ],
    [
      { ...DEFAULT_SHEET, format: 'svg', pageSize: 'letter', page: 1 } as const,
      { format: 'svg', pageSize: 'letter', page: '1' },
    ],
    [{ ...DEFAULT_SHEET, format: 'midi', page: 3 } as const, { format: 'midi' }],
    [{ ...DEFAULT_SHEET, format: 'mxl' } as const, { format: 'mxl' }],
  ])('sheet music %j sends only what applies', (choice, expected) => {
    const query = Object.fromEntries(Object.entries(exportQuery(choice)).filter(([, v]) => v !== undefined));
    expect(query).toEqual(expected);
  });

  it('names what is being made', () => {
    expect(describeChoice({ ...DEFAULT_SHEET, format: 'png' })).toBe('PNG image, every page');
    expect(describeChoice({ ...DEFAULT_SHEET, format: 'svg', page: 2 })).toBe('SVG image, page 2');
    expect(describeChoice({ ...DEFAULT_AUDIO, format: 'aac' })).toBe('AAC (M4A)');
  });

  it('a batch gives audio formats the quality and names sheet formats alone', () => {
    expect(
      batchRequest(['a', 'b'], {
        formats: ['pdf', 'mp3', 'midi'],
        quality: 'high',
        pageSize: 'letter',
        reverb: true,
      }),
    ).toEqual({
      items: ['a', 'b'],
      formats: ['pdf', { format: 'mp3', quality: 'high' }, 'midi'],
      pageSize: 'letter',
      reverb: true,
    });
  });
});

describe('file name from Content-Disposition', () => {
  it.each([
    ['attachment; filename="Cmaj7 voicing.mp3"', 'Cmaj7 voicing.mp3'],
    ['attachment; filename=score.pdf', 'score.pdf'],
    [`attachment; filename="Etude.pdf"; filename*=UTF-8''%C3%89tude%20%E2%99%AF.pdf`, 'Étude ♯.pdf'],
    ['attachment; filename="a \\"quoted\\" title.mid"', 'a "quoted" title.mid'],
    ['attachment; filename="../../etc/passwd"', 'passwd'],
    [`attachment; filename*=UTF-8''%E0%A4%A.pdf; filename="fallback.pdf"`, 'fallback.pdf'],
    ['inline', 'export.wav'],
    [null, 'export.wav'],
  ])('%s → %s', (header, expected) => {
    expect(fileNameFromDisposition(header, 'export.wav')).toBe(expected);
  });
});

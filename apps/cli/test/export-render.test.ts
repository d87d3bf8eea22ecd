import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScore, parsePitch, rat, type Bpm, type Note, type Score } from '@cadenza/core';
import { readScore, writeScore } from '@cadenza/formats';
import { decodeAudio } from '@cadenza/platform';
import { beforeAll, describe, expect, it } from 'vitest';
import { pitchHz } from '../../../packages/platform/test/audio-analysis.js';
import { runCli } from '../src/cli.js';

// `cadenza render` and `cadenza export` on real files, checked by decoding what they wrote.
const hasPdfInfo = spawnSync('pdfinfo', ['-v'], { stdio: 'ignore' }).status === 0;
if (!hasPdfInfo && process.env.CI === 'true')
  throw new Error('pdfinfo is missing: CI must install poppler-utils');

async function run(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd });
  return { code, out, err };
}

function melody(bars: number, pitch = 'A4'): Score {
  const notes: Note[] = [];
  for (let beat = 0; beat < bars * 4; beat += 2) {
    notes.push({ pitch: parsePitch(pitch), position: rat(beat), duration: rat(2), staff: 1, voice: 1 });
  }
  return createScore({
    metadata: { title: 'Melody' },
    parts: [{ id: 'P1', name: 'Piano', staves: 1, notes }],
    tempos: [{ position: rat(0), bpm: 120 as Bpm }],
  });
}

describe('cadenza render and export', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cadenza-cli-export-'));
    writeFileSync(join(dir, 'a4.mid'), writeScore(melody(1), 'midi'));
    writeFileSync(join(dir, 'long.musicxml'), writeScore(melody(200, 'C5'), 'musicxml'));
    writeFileSync(join(dir, 'broken.mid'), new TextEncoder().encode('MThd but nothing else'));
  });

  it('render: MIDI → 48 kHz WAV that sounds A4 for 2 s (plus the release tail)', async () => {
    const r = await run(['render', 'a4.mid', '-o', 'a4.wav', '--sample-rate', '48000', '--json'], dir);
    expect(r.code, r.err).toBe(0);
    const summary = JSON.parse(r.out) as { format: string; sampleRate: number; seconds: number };
    expect(summary).toMatchObject({ format: 'wav', sampleRate: 48000 });
    const audio = await decodeAudio(new Uint8Array(readFileSync(join(dir, 'a4.wav'))));
    expect(audio.sampleRate).toBe(48000);
    expect(audio.channels).toHaveLength(2);
    expect(summary.seconds).toBeGreaterThan(2);
    expect(summary.seconds).toBeLessThanOrEqual(3.5);
    const hz = pitchHz(audio.channels[0] ?? new Float32Array(), 48000, 9600);
    expect(Math.abs(hz - 440) / 440).toBeLessThan(0.01);
  });

  it('render: the extension picks the codec; --count-in adds clicks before the music', async () => {
    const plain = await run(['render', 'a4.mid', '-o', 'plain.ogg', '--json'], dir);
    const counted = await run(['render', 'a4.mid', '-o', 'counted.ogg', '--count-in', '4', '--json'], dir);
    expect(readFileSync(join(dir, 'counted.ogg')).toString('latin1', 0, 4)).toBe('OggS');
    const seconds = (r: { out: string }) => (JSON.parse(r.out) as { seconds: number }).seconds;
    // Four beats at ♩ = 120 are 2 s.
    expect(seconds(counted) - seconds(plain)).toBeCloseTo(2, 1);
  });

  it.skipIf(!hasPdfInfo)(
    'export: a long score to PDF (pdfinfo counts the pages) and to one PNG per page',
    async () => {
      const pdf = await run(['export', 'long.musicxml', '-o', 'long.pdf', '--page-size', 'letter'], dir);
      expect(pdf.code, pdf.err).toBe(0);
      const info = execFileSync('pdfinfo', [join(dir, 'long.pdf')], { encoding: 'utf8' });
      const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
      expect(pages).toBeGreaterThan(1);
      expect(info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
      const png = await run(
        ['export', 'long.musicxml', '-o', 'long.png', '--page-size', 'letter', '--dpi', '40'],
        dir,
      );
      expect(png.code, png.err).toBe(0);
      for (let page = 1; page <= pages; page++) {
        const bytes = readFileSync(join(dir, `long-page-${page}.png`));
        expect(bytes.toString('latin1', 1, 4)).toBe('PNG');
      }
      expect(existsSync(join(dir, `long-page-${pages + 1}.png`))).toBe(false);
      const one = await run(
        ['export', 'long.musicxml', '--format', 'svg', '--page', '2', '-o', 'p2.svg'],
        dir,
      );
      expect(one.code, one.err).toBe(0);
      expect(readFileSync(join(dir, 'p2.svg'), 'utf8')).toContain('<svg');
    },
  );

  it('export: MusicXML → MIDI keeps the notes; a recording is transcoded', async () => {
    expect((await run(['export', 'long.musicxml', '-o', 'long.mid'], dir)).code).toBe(0);
    const back = readScore(new Uint8Array(readFileSync(join(dir, 'long.mid'))), 'midi');
    expect(back.parts[0]?.notes).toHaveLength(400);
    const r = await run(['export', 'a4.wav', '--format', 'mp3', '--quality', 'low', '-o', 'a4.mp3'], dir);
    expect(r.code, r.err).toBe(0);
    const mp3 = await decodeAudio(new Uint8Array(readFileSync(join(dir, 'a4.mp3'))));
    expect(mp3.sampleRate).toBe(48000);
  });

  it.each([
    [['export', 'a4.mid', '-o', 'x.wma'], 2, /cannot tell the format of 'x.wma'/],
    [['export', 'a4.mid', '--format', 'aiff', '-o', 'x'], 2, /unknown format 'aiff'/],
    [['export', 'a4.mid'], 2, /give the file to write with -o/],
    [
      ['render', 'a4.mid', '-o', 'x.wav', '--sample-rate', '22050'],
      2,
      /--sample-rate must be 44100 or 48000/,
    ],
    [['export', 'a4.wav', '-o', 'x.pdf'], 2, /'a4.wav' is a recording: it can be exported as audio only/],
    [['export', 'a4.mid', '-o', 'x.flac', '--quality', 'best'], 1, /'best' is not a quality for FLAC/],
    [['export', 'broken.mid', '-o', 'x.pdf'], 1, /MIDI/],
    [['render', 'missing.mid', '-o', 'x.wav'], 1, /cannot open .*missing.mid.*no such file/],
  ])('%j → exit %d with a message', async (argv, code, message) => {
    const r = await run(argv, dir);
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message);
  });
});

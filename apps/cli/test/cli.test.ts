import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readMidi, readMusicXml } from '@cadenza/formats';
import { midiOf, pitchName } from '@cadenza/core';
import { runCli } from '../src/cli.js';

async function run(argv: string[], cwd = process.cwd()): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd });
  return { code, out, err };
}

describe('cadenza theory chord', () => {
  it('spells F#7#9b13 by interval', async () => {
    const r = await run(['theory', 'chord', 'F#7#9b13']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('notes:     F# A# C# E G## D');
  });

  it('prints the API JSON with --json', async () => {
    const r = await run(['theory', 'chord', 'Ebmaj7#11/G', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { notes: string[]; bass: string; voicingFromBass: string[] };
    expect(json.notes).toEqual(['Eb', 'G', 'Bb', 'D', 'A']);
    expect(json.bass).toBe('G');
    expect(json.voicingFromBass[0]).toBe('G');
  });

  it('fails with a musician-readable message and exit 1 for a bad symbol', async () => {
    const r = await run(['theory', 'chord', 'Cmaj13#']);
    expect(r.code).toBe(1);
    expect(r.err).toContain("'Cmaj13#'");
    expect(r.out).toBe('');
  });

  it('gives usage errors exit 2', async () => {
    expect((await run(['theory', 'chord'])).code).toBe(2);
    expect((await run(['theory', 'chord', 'C7', '--bogus'])).code).toBe(2);
    expect((await run(['theory', 'chrod'])).code).toBe(2);
    expect((await run([])).code).toBe(2);
  });

  it('has --help on every command', async () => {
    for (const path of [['theory', 'chord'], ['theory', 'scale'], ['theory', 'analyze'], ['convert']]) {
      const r = await run([...path, '--help']);
      expect(r.code, path.join(' ')).toBe(0);
      expect(r.out).toMatch(new RegExp(`^Usage: cadenza ${path.join(' ')}`));
    }
    const top = await run(['--help']);
    expect(top.code).toBe(0);
    expect(top.out).toContain('theory analyze');
  });

  it('writes the chord as MusicXML with -o, format from the extension', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadenza-cli-'));
    const r = await run(['theory', 'chord', 'C7#9', '-o', 'c7s9.musicxml'], dir);
    expect(r.code).toBe(0);
    const score = readMusicXml(readFileSync(join(dir, 'c7s9.musicxml'), 'utf8'));
    const pitches = score.parts.flatMap((p) => p.notes).map((n) => pitchName(n.pitch));
    expect(pitches).toEqual(expect.arrayContaining(['C3', 'E3', 'G3', 'Bb3', 'D#4']));
    expect(score.chordSymbols.map((c) => c.symbol)).toEqual(['C7#9']);
  });
});

describe('cadenza theory scale', () => {
  it('spells Eb bebop dominant', async () => {
    const r = await run(['theory', 'scale', 'Eb', 'bebop dominant', '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { notes: string[] }).notes).toEqual([
      'Eb',
      'F',
      'G',
      'Ab',
      'Bb',
      'C',
      'Db',
      'D',
    ]);
  });

  it('accepts an unquoted multi-word name and lists all 32', async () => {
    expect((await run(['theory', 'scale', 'A', 'harmonic', 'minor'])).out).toContain('A B C D E F G#');
    const list = await run(['theory', 'scale', '--list', '--json']);
    expect((JSON.parse(list.out) as unknown[]).length).toBe(32);
  });

  it('rejects an unknown scale with exit 1', async () => {
    const r = await run(['theory', 'scale', 'C', 'purple']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('not one of the 32 scales');
  });
});

describe('cadenza theory analyze', () => {
  it('analyses the issue example in Bb', async () => {
    const r = await run(['theory', 'analyze', '--key', 'Bb', 'Cm7 F7 Bbmaj7 G7/B', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { key: string; chords: Array<{ numeral: string; function: string }> };
    expect(json.key).toBe('Bb major');
    expect(json.chords.map((c) => c.numeral)).toEqual(['ii7', 'V7', 'Imaj7', 'V65/ii']);
    expect(json.chords[3]?.function).toBe('secondary dominant');
  });

  it('reads bar lines and needs a key', async () => {
    const r = await run(['theory', 'analyze', '-k', 'A minor', '| Bm7b5 E7 | Am |']);
    expect(r.out).toMatch(/Bm7b5\s+iiø7/);
    expect(r.out).toMatch(/E7\s+V7/);
    expect((await run(['theory', 'analyze', 'C G'])).code).toBe(2);
  });
});

describe('audio with -o .wav', () => {
  it('renders a progression as 16-bit stereo WAV of the right length', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadenza-wav-'));
    expect((await run(['theory', 'analyze', '-k', 'C', 'Dm7 G7 Cmaj7', '-o', 'prog.wav'], dir)).code).toBe(0);
    const wav = readFileSync(join(dir, 'prog.wav'));
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    const seconds = wav.readUInt32LE(40) / (44100 * 2 * 2);
    // Three 4/4 bars at 120 bpm (6 s), then the piano's release: at most the 1.5 s tail.
    expect(seconds).toBeGreaterThan(6.05);
    expect(seconds).toBeLessThanOrEqual(6 + 1.5);
  });
});

describe('cadenza convert', () => {
  it('converts MusicXML to MIDI and back, keeping the notes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadenza-convert-'));
    expect(
      (await run(['theory', 'analyze', '--key', 'C', 'Dm7 G7 Cmaj7', '-o', 'prog.musicxml'], dir)).code,
    ).toBe(0);
    const r = await run(['convert', 'prog.musicxml', '-o', 'prog.mid', '--json'], dir);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { notes: number }).notes).toBe(12);
    const midi = readMidi(new Uint8Array(readFileSync(join(dir, 'prog.mid'))));
    const keys = midi.parts
      .flatMap((p) => p.notes)
      .map((n) => midiOf(n.pitch))
      .sort((a, b) => a - b);
    // Dm7 D3 F3 A3 C4, G7 G3 B3 D4 F4, Cmaj7 C3 E3 G3 B3 (stacked up from C3).
    expect(keys).toEqual([48, 50, 52, 53, 55, 55, 57, 59, 59, 60, 62, 65]);
  });

  it('reports a missing or corrupt file with exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadenza-convert-'));
    const missing = await run(['convert', 'nope.mid', '-o', 'x.musicxml'], dir);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('no such file');
    writeFileSync(join(dir, 'bad.mid'), 'MThd garbage');
    const bad = await run(['convert', 'bad.mid', '-o', 'x.musicxml'], dir);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/MIDI/i);
    expect((await run(['convert', 'a.doc', '-o', 'x.mid'], dir)).code).toBe(2);
  });
});

describe('the installed binary', () => {
  it('runs as npx cadenza would, with exit codes', async () => {
    const bin = new URL('../bin/cadenza.js', import.meta.url).pathname;
    const exec = promisify(execFile);
    const ok = await exec(process.execPath, [bin, 'theory', 'scale', 'C', 'blues']);
    expect(ok.stdout).toContain('C Eb F Gb G Bb');
    await expect(exec(process.execPath, [bin, 'theory', 'chord'])).rejects.toMatchObject({ code: 2 });
  });
});

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyName, toNumber } from '@cadenza/core';
import { readMidi } from '@cadenza/formats';
import { decodeAudio } from '@cadenza/platform';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';

// `cadenza generate` run in-process, its files read back.
async function run(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd });
  return { code, out, err };
}

interface Report {
  metadata: {
    num_bars: number;
    key: string;
    tempo: number;
    time_signature: string;
    generation_method: string;
  };
  note_preview: unknown[];
  chord_progression: { bar: number; harmonic_function: string }[];
  seed: number;
  midi_base64: string;
}

describe('cadenza generate', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cadenza-cli-generate-'));
  });

  it('--seed 5 twice writes byte-identical MIDI with the asked bars and key', async () => {
    const args = ['generate', 'jazz', 'a mellow ballad', '--key', 'Eb', '--bars', '12', '--seed', '5'];
    const first = await run([...args, '-o', 'one.mid'], dir);
    const second = await run([...args, '-o', 'two.mid'], dir);
    expect(first.code, first.err).toBe(0);
    expect(second.code, second.err).toBe(0);
    expect(first.err).toContain('seed 5: the same command with --seed 5 gives the same MIDI');
    const one = readFileSync(join(dir, 'one.mid'));
    expect(one.equals(readFileSync(join(dir, 'two.mid')))).toBe(true);
    const score = readMidi(new Uint8Array(one));
    const key = score.keys[0]?.key;
    expect(key && keyName(key)).toBe('Eb major');
    expect(score.meters[0]?.timeSignature).toEqual({ beats: 4, beatType: 4 });
    const notes = score.parts.flatMap((p) => p.notes);
    const lastStart = Math.max(...notes.map((n) => toNumber(n.position)));
    const lastEnd = Math.max(...notes.map((n) => toNumber(n.position) + toNumber(n.duration)));
    // 12 bars of 4/4: something sounds in bar 12 and nothing runs past its end.
    expect(Math.floor(lastStart / 4) + 1).toBe(12);
    expect(lastEnd).toBeLessThanOrEqual(48 + 1e-9);
  });

  it('--json prints the spec response: metadata, rules, a preview of at most 100 notes', async () => {
    const r = await run(
      ['generate', 'GOSPEL', 'uplifting worship song in Bb', '--bars', '8', '--seed', '11', '--json'],
      dir,
    );
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out) as Report & { download_url: null };
    expect(json.metadata).toMatchObject({ num_bars: 8, key: 'Bb', generation_method: 'rules' });
    expect(json.seed).toBe(11);
    expect(json.download_url).toBeNull();
    expect(json.note_preview.length).toBeGreaterThan(0);
    expect(json.note_preview.length).toBeLessThanOrEqual(100);
    expect(json.chord_progression[0]).toMatchObject({ bar: 1 });
    // The JSON's MIDI is the file -o writes.
    const file = await run(
      ['generate', 'gospel', 'uplifting worship song in Bb', '--bars', '8', '--seed', '11', '-o', 'g.mid'],
      dir,
    );
    expect(file.code, file.err).toBe(0);
    expect(readFileSync(join(dir, 'g.mid')).toString('base64')).toBe(json.midi_base64);
  });

  it('prints a lead sheet with analysis: settings, their sources, the chart with numerals', async () => {
    const r = await run(
      [
        'generate',
        'neo-soul',
        'smooth and laid back',
        '--key',
        'C',
        '--chart',
        '| Dm9 | G13 | Cmaj9 | Cmaj9 |',
        '--seed',
        '3',
      ],
      dir,
    );
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^ {2}key {10}C +from --key$/m);
    expect(r.out).toMatch(/^ {2}application {2}smooth +from "smooth"$/m);
    expect(r.out).toMatch(/^ {2}bars {9}4 +from the chart$/m);
    expect(r.out).toMatch(/^ {5}1 {4}1 {2}Dm9 +ii9 /m);
    expect(r.out).toMatch(/^ {5}2 {4}1 {2}G13 +V13 /m);
    expect(r.out).toContain('style laid-back from "laid back"');
    expect(r.out).toContain('seed 3: the same command with --seed 3 gives the same MIDI');
  });

  it.each([
    [['blues', 'slow blues', '--bars', '0'], '--bars'],
    [['blues', 'slow blues', '--tempo=-5'], '--tempo'],
    [['blues', 'slow blues', '--application', 'polka'], '--application'],
    [['blues', 'slow blues', '--chart', '| C7 | Q9 |'], '--chart'],
    [['blues', 'slow blues', '--meter', '13/4'], '--meter'],
    [['polka', 'oom-pah'], 'unknown genre'],
    [['jazz', ''], '--chart'],
  ])('exits 1 naming the option for %j', async (argv, named) => {
    const r = await run(['generate', ...argv], dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^cadenza generate: /);
    expect(r.err).toContain(named);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.out).toBe('');
  });

  it('the unknown-genre message lists the genres; a bad -o extension is a usage error', async () => {
    const r = await run(['generate', 'polka', 'oom-pah'], dir);
    expect(r.err).toContain('gospel, jazz, blues, classical, neosoul');
    expect((await run(['generate', 'jazz', 'swing', '-o', 'x.doc'], dir)).code).toBe(2);
    expect((await run(['generate'], dir)).code).toBe(2);
  });

  it('writes WAV audio as long as the bars at the tempo (plus the release tail)', async () => {
    const r = await run(
      [
        'generate',
        'classical',
        'a gentle minuet in G',
        '--bars',
        '4',
        '--seed',
        '2',
        '-o',
        'm.wav',
        '--json',
      ],
      dir,
    );
    expect(r.code, r.err).toBe(0);
    const { metadata } = JSON.parse(r.out) as Report;
    const [beats, beatType] = metadata.time_signature.split('/').map(Number) as [number, number];
    const expected = (4 * beats * (4 / beatType) * 60) / metadata.tempo;
    const audio = await decodeAudio(new Uint8Array(readFileSync(join(dir, 'm.wav'))));
    const seconds = (audio.channels[0]?.length ?? 0) / audio.sampleRate;
    expect(seconds).toBeGreaterThan(expected - 0.5);
    expect(seconds).toBeLessThan(expected + 4);
  }, 60_000);

  it('writes a PDF of the score', async () => {
    const r = await run(['generate', 'blues', 'a shuffle in A', '--seed', '9', '-o', 'b.pdf'], dir);
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(join(dir, 'b.pdf')).toString('latin1', 0, 5)).toBe('%PDF-');
  }, 60_000);
});

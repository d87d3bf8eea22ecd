import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyName, midiOf } from '@cadenza/core';
import { readMidi, readMusicXml } from '@cadenza/formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';

async function run(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd });
  return { code, out, err };
}

describe('cadenza exercise', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cadenza-cli-exercise-'));
  });

  it('writes the same MIDI twice for the same seed, in the asked key', async () => {
    const args = [
      'exercise',
      'scales',
      '--subtype',
      'minor_harmonic',
      '--key',
      'F#',
      '--difficulty',
      '5',
      '--seed',
      '4',
    ];
    const a = await run([...args, '-o', 'a.mid', '-o', 'a.musicxml'], dir);
    const b = await run([...args, '-o', 'b.mid'], dir);
    expect(a.code, a.err).toBe(0);
    expect(b.code, b.err).toBe(0);
    const one = readFileSync(join(dir, 'a.mid'));
    expect(one.equals(readFileSync(join(dir, 'b.mid')))).toBe(true);
    const score = readMusicXml(readFileSync(join(dir, 'a.musicxml'), 'utf8'));
    const key = score.keys[0]?.key;
    expect(key && keyName(key)).toBe('F# minor');
    const notes = readMidi(new Uint8Array(one)).parts.flatMap((p) => p.notes);
    expect(notes.some((n) => midiOf(n.pitch) % 12 === 5)).toBe(true);
  });

  it('prints the exercise with fingering, and --json the API fields', async () => {
    const text = await run(['exercise', 'scales', '--key', 'C', '--difficulty', '1', '--seed', '1'], dir);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toContain('C major scale, 1 octave');
    expect(text.out).toContain('right hand  C4(1) D4(2) E4(3) F4(1) G4(2) A4(3) B4(4) C5(5)');
    const json = await run(
      ['exercise', 'rhythm', '--subtype', 'triplets', '--difficulty', '4', '--json', '--seed', '2'],
      dir,
    );
    expect(json.code, json.err).toBe(0);
    const report = JSON.parse(json.out) as {
      subtype: string;
      midi_notes: unknown[];
      estimated_duration: number;
    };
    expect(report.subtype).toBe('triplets');
    expect(report.midi_notes.length).toBeGreaterThan(0);
    expect(report.estimated_duration).toBeGreaterThan(0);
  });

  it('names the option for bad input', async () => {
    const r = await run(['exercise', 'scales', '--difficulty', '0'], dir);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('--difficulty');
    const s = await run(['exercise', 'scales', '--subtype', 'bogus'], dir);
    expect(s.err).toContain('--subtype');
    const k = await run(['exercise', 'juggling'], dir);
    expect(k.err).toContain('TYPE');
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pitchName } from '@cadenza/core';
import { readMidi, readMusicXml } from '@cadenza/formats';
import { MELODY, melodyWav } from '../../../packages/platform/test/fixtures/melody-recording.js';
import { encodeWav } from '@cadenza/platform';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';

// `cadenza transcribe` in-process on a melody the bundled SoundFont plays, its outputs read back.
async function run(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd });
  return { code, out, err };
}

describe('cadenza transcribe', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cadenza-cli-transcribe-'));
    writeFileSync(join(dir, 'melody.wav'), await melodyWav());
    writeFileSync(
      join(dir, 'silence.wav'),
      encodeWav({ sampleRate: 44100, channels: [new Float32Array(44100)] }, { bitDepth: 16 }),
    );
  });

  it('--json gives the notes (spelled in F), tempo and key', async () => {
    const { code, out } = await run(['transcribe', 'melody.wav', '--json'], dir);
    expect(code).toBe(0);
    const report = JSON.parse(out) as {
      notes: { note_name: string; start_time: number; midi_note: number }[];
      tempo: number;
      key_signature: string;
      confidence: number;
    };
    expect(report.notes.map((n) => n.note_name)).toEqual(MELODY);
    expect(report.notes[1]?.start_time).toBeCloseTo(0.625, 1);
    expect(report.tempo).toBe(96);
    expect(report.key_signature).toBe('F');
    expect(report.confidence).toBeGreaterThan(0.8);
  });

  it('writes MusicXML and MIDI that read back with the same pitches', async () => {
    const { code } = await run(
      ['transcribe', 'melody.wav', '-o', 'm.musicxml', '-o', 'm.mid', '--quantized'],
      dir,
    );
    expect(code).toBe(0);
    const xml = readMusicXml(readFileSync(join(dir, 'm.musicxml'), 'utf8'));
    expect(xml.parts[0]?.notes.map((n) => pitchName(n.pitch))).toEqual(MELODY);
    const midi = readMidi(new Uint8Array(readFileSync(join(dir, 'm.mid'))));
    expect(midi.parts.flatMap((p) => p.notes)).toHaveLength(MELODY.length);
  });

  it.each([
    [['transcribe', 'silence.wav'], 1, /'silence.wav' is silent/],
    [['transcribe', 'melody.wav', '--mode', 'fast'], 2, /--mode: 'fast' is not one of auto, mono, poly/],
    [['transcribe', 'melody.wav', '-o', 'x.doc'], 2, /cannot tell the format of 'x.doc'/],
    [['transcribe', 'missing.wav'], 1, /cannot open/],
  ])('%j exits %i naming the problem', async (argv, exit, message) => {
    const { code, err } = await run(argv, dir);
    expect(code).toBe(exit);
    expect(err).toMatch(message);
  });
});

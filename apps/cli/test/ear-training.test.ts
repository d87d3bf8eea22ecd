import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { midiOf } from '@cadenza/core';
import { readScore } from '@cadenza/formats';
import { generateEarTrainingQuestion } from '@cadenza/pedagogy';
import { decodeAudio } from '@cadenza/platform';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';
import { dictationAnswerText } from '../src/commands/ear-training.js';

async function run(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd });
  return { code, out, err };
}

describe('cadenza ear-training', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cadenza-cli-ear-'));
  });

  it('prints the prompt and choices and writes the question as WAV and MIDI', async () => {
    const q = generateEarTrainingQuestion({ type: 'interval_recognition', difficulty: 4, seed: 1234 });
    if (q.key.type !== 'interval_recognition') throw new Error('wrong type');
    const r = await run(
      ['ear-training', 'interval-recognition', '--difficulty', '4', '--seed', '1234', '-o', 'q.wav'],
      dir,
    );
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(q.prompt);
    for (const c of q.choices) expect(r.out).toContain(`${c.id.padEnd(7)} ${c.label}`);
    expect(r.out).toContain('seed 1234');
    const audio = await decodeAudio(new Uint8Array(readFileSync(join(dir, 'q.wav'))));
    expect(audio.channels[0]!.length / audio.sampleRate).toBeGreaterThanOrEqual((4 * 60) / q.tempo);
    const midi = await run(
      ['ear-training', 'interval_recognition', '--difficulty', '4', '--seed', '1234', '-o', 'q.mid'],
      dir,
    );
    expect(midi.code, midi.err).toBe(0);
    const notes = readScore(new Uint8Array(readFileSync(join(dir, 'q.mid'))), 'midi').parts.flatMap(
      (p) => p.notes,
    );
    expect(notes.map((n) => midiOf(n.pitch))).toEqual(q.key.notes.map(midiOf));
  });

  it('checks an answer: a choice, or a dictation typed as PITCH:LENGTH', async () => {
    const q = generateEarTrainingQuestion({ type: 'interval_recognition', difficulty: 4, seed: 1234 });
    if (q.key.type !== 'interval_recognition') throw new Error('wrong type');
    const right = await run(
      [
        'ear-training',
        'interval_recognition',
        '--difficulty',
        '4',
        '--seed',
        '1234',
        '--answer',
        q.key.answer,
      ],
      dir,
    );
    expect(right.code, right.err).toBe(0);
    expect(right.out).toContain('Correct.');
    const melody = generateEarTrainingQuestion({ type: 'melodic_dictation', difficulty: 2, seed: 5 });
    const typed = dictationAnswerText(melody);
    const graded = await run(
      ['ear-training', 'melodic_dictation', '--difficulty', '2', '--seed', '5', '--answer', typed, '--json'],
      dir,
    );
    expect(graded.code, graded.err).toBe(0);
    const json = JSON.parse(graded.out) as {
      check: { correct: boolean; score: number; wrong_notes: number[] };
    };
    expect(json.check).toMatchObject({ correct: true, score: 100, wrong_notes: [] });
    const tokens = typed.split(' ');
    tokens[0] = tokens[0]!.replace(/^([A-G])/, (l) => (l === 'G' ? 'A' : 'G'));
    const wrong = await run(
      [
        'ear-training',
        'melodic_dictation',
        '--difficulty',
        '2',
        '--seed',
        '5',
        '--answer',
        tokens.join(' '),
        '--json',
      ],
      dir,
    );
    expect((JSON.parse(wrong.out) as { check: { wrong_notes: number[] } }).check.wrong_notes).toEqual([0]);
  });

  it('refuses a bad type or difficulty with exit code 2', async () => {
    const type = await run(['ear-training', 'perfect_pitch'], dir);
    expect(type.code).toBe(2);
    expect(type.err).toContain("'perfect_pitch' is not an ear-training type");
    const level = await run(['ear-training', 'chord_quality', '--difficulty', '11'], dir);
    expect(level.code).toBe(2);
    expect(level.err).toContain('--difficulty must be a whole number from 1 to 10');
    const answer = await run(['ear-training', 'melodic_dictation', '--seed', '1', '--answer', 'H4:1'], dir);
    expect(answer.code).toBe(1);
    expect(answer.err).toContain('answer.0.pitch');
  });
});

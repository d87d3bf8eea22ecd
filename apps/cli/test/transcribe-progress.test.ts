import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toneMelodyWav } from '../../../packages/platform/test/fixtures/tone-melody.js';
import { runCli } from '../src/cli.js';
import { createProgressBar } from '../src/progress-bar.js';
import { transcriptionProgress, transcriptionStageWords } from '../src/commands/transcribe-progress.js';

// `cadenza transcribe`'s progress on stderr, driven by the analysis's own stages.
async function run(argv: string[], cwd: string, tty: boolean) {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    cwd,
    stderrIsTty: tty,
  });
  return { code, out, err };
}

describe('cadenza transcribe progress', () => {
  let dir: string;
  const melody = toneMelodyWav({ repeats: 1 });
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cadenza-cli-transcribe-progress-'));
    writeFileSync(join(dir, 'scale.wav'), melody.wav);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one line per stage off a terminal, the percent rising from reading to writing', async () => {
    const { code, out, err } = await run(['transcribe', 'scale.wav'], dir, false);
    expect(code).toBe(0);
    expect(out).toMatch(new RegExp(`notes +${melody.notes.length}\n`));
    const lines = err.trim().split('\n');
    const stages = lines.slice(0, -1).map((line) => /^\d+% (.*)$/.exec(line)?.[1]);
    expect(stages.slice(0, 3)).toEqual(['reading', 'decoding', 'tracking pitch']);
    expect(stages).toContain('finding note onsets');
    expect(stages.at(-1)).toBe('writing');
    const percents = lines.slice(0, -1).map((line) => Number(/^(\d+)%/.exec(line)?.[1]));
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents.slice(0, 3)).toEqual([0, 5, 10]);
    expect(lines.at(-1)).toBe(`${melody.notes.length} notes`);
  });

  it('redraws a bar with the stage on a terminal, and stays silent with --json', async () => {
    const { code, err } = await run(['transcribe', 'scale.wav'], dir, true);
    expect(code).toBe(0);
    // Each frame clears the rest of its line (ESC [K): marked '|' here to read the frames.
    const frames = err.replaceAll('\x1b[K', '|').split('\r').filter(Boolean);
    expect(frames[0]).toMatch(/^\[-{30}\] {3}0% reading\|$/);
    expect(frames.some((f) => /^\[#{3}-{27}\] {2}10% tracking pitch/.test(f))).toBe(true);
    expect(frames.at(-1)).toMatch(/^\[#{26}-{4}\] {2}85% writing\|\n\d+ notes\n$/);
    const json = await run(['transcribe', 'scale.wav', '--json'], dir, true);
    expect(json.err).toBe('');
    expect(JSON.parse(json.out)).toHaveProperty('notes');
  });

  it('spreads the analysis over 10–85 % and names its stages in words', () => {
    let drawn = '';
    const onProgress = transcriptionProgress(createProgressBar((t) => (drawn += t), { tty: false }));
    onProgress({ fraction: 0, stage: 'pitch' });
    onProgress({ fraction: 0.5, stage: 'rhythm' });
    onProgress({ fraction: 1, stage: 'done' });
    expect(drawn).toBe('10% tracking pitch\n48% tracking beat and meter\n');
    expect(transcriptionStageWords('key')).toBe('finding the key');
    expect(transcriptionStageWords('model')).toBe('model');
  });
});

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExerciseGenerateRequest } from '@cadenza/contracts';
import { encodeMidiFile, readMusicXml, type MidiEvent } from '@cadenza/formats';
import { expectedNotesFromScore, type PlayedNote } from '@cadenza/pedagogy';
import {
  encodeWav16,
  generatePracticeExercise,
  loadConfig,
  openBlobStore,
  openDatabase,
  storeExercise,
  synthesizeMidi,
} from '@cadenza/platform';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../src/cli.js';

async function run(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd });
  return { code, out, err };
}

/** Played notes as a Standard MIDI File at ♩ = 120 (960 ticks a quarter). */
function midiTake(played: readonly PlayedNote[]): Uint8Array {
  const tick = (s: number) => Math.round(s * 1920);
  const events: MidiEvent[] = played
    .flatMap((n): MidiEvent[] => [
      { type: 'noteOn', tick: tick(n.onset), channel: 0, key: n.midi, velocity: n.velocity },
      { type: 'noteOff', tick: tick(n.offset), channel: 0, key: n.midi, velocity: 0 },
    ])
    .sort((a, b) => a.tick - b.tick || (a.type === 'noteOff' ? -1 : 1));
  const end = Math.max(...events.map((e) => e.tick));
  return encodeMidiFile({
    format: 0,
    ticksPerQuarter: 960,
    tracks: [
      [
        { type: 'setTempo', tick: 0, microsecondsPerQuarter: 500_000 },
        ...events,
        { type: 'endOfTrack', tick: end },
      ],
    ],
  });
}

interface CliAnswer {
  attempt_id: null;
  exercise_id: string | null;
  notes: { verdict: string; expected: { name: string }; played_name?: string; timing_error_ms?: number }[];
  extra_notes: unknown[];
  score: number;
  tempo_played: number | null;
  counts: Record<string, number>;
}

// G major, right hand, one octave up and down in quarters at ♩ = 100 (15 notes).
const SCALE = ['exercise', 'scales', '--key', 'G', '--difficulty', '1', '--seed', '3', '--tempo', '100'];

describe('cadenza grade', () => {
  let dir: string;
  /** The take: 10 % slower, 0.5 s in; note 4 (C5) played as C#5, note 9 (E5) left out. */
  let played: PlayedNote[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cadenza-cli-grade-'));
    const made = await run([...SCALE, '--focus', 'right hand', '-o', 'g.musicxml', '-o', 'g.mid'], dir);
    expect(made.code, made.err).toBe(0);
    const expected = expectedNotesFromScore(readMusicXml(readFileSync(join(dir, 'g.musicxml'), 'utf8')));
    expect(expected).toHaveLength(15);
    played = expected.flatMap((e, i) =>
      i === 9
        ? []
        : [
            {
              onset: 0.5 + 1.1 * e.onset,
              offset: 0.5 + 1.1 * (e.onset + 0.9 * e.duration),
              midi: e.midi + (i === 3 ? 1 : 0),
              velocity: 80,
            },
          ],
    );
    writeFileSync(join(dir, 'take.mid'), midiTake(played));
  });

  it('prints a table per note with bar:beat, the verdicts, totals and the tempo played', async () => {
    const res = await run(['grade', '--exercise', 'g.musicxml', '--attempt', 'take.mid'], dir);
    expect(res.code, res.err).toBe(0);
    const lines = res.out.split('\n');
    expect(lines[0]).toBe('g.musicxml: 15 notes, ♩ = 100, timing tolerance ±75 ms');
    expect(res.out).toMatch(/^ # {2}bar:beat {2}expected {2}verdict {6}played {2}error$/m);
    expect(res.out).toMatch(/^ 1 {2}1:1 {7}G4 {8}correct {6}G4 {6}[+-]?\d+ ms$/m);
    expect(res.out).toMatch(/^ 4 {2}1:4 {7}C5 {8}wrong pitch {2}C#5 {5}/m);
    expect(res.out).toMatch(/^10 {2}3:2 {7}E5 {8}missed$/m);
    expect(res.out).toContain('totals      13 correct, 1 wrong pitch, 0 early, 0 late, 1 missed, 0 extra');
    expect(res.out).toContain('accuracy    pitch 86.7 %, rhythm 100 %');
    expect(res.out).toMatch(/tempo {7}played ♩ = 9\d(\.\d)? \(written 100\)/);
  });

  it('--json prints the API answer; --tempo sets the tempo meant', async () => {
    const res = await run(['grade', '--exercise', 'g.mid', '--attempt', 'take.mid', '--json'], dir);
    expect(res.code, res.err).toBe(0);
    const answer = JSON.parse(res.out) as CliAnswer;
    const wanted = Array<string>(15).fill('correct');
    wanted[3] = 'wrong_pitch';
    wanted[9] = 'missed';
    expect(answer.notes.map((n) => n.verdict)).toEqual(wanted);
    expect(answer.notes[3]?.played_name).toBe('C#5');
    expect(answer.attempt_id).toBeNull();
    expect(answer.exercise_id).toBeNull();
    expect(answer.tempo_played).toBeGreaterThan(89);
    expect(answer.tempo_played).toBeLessThan(93);
    const slow = await run(
      ['grade', '--exercise', 'g.mid', '--attempt', 'take.mid', '--tempo', '90', '--json'],
      dir,
    );
    const atNinety = JSON.parse(slow.out) as CliAnswer & { tempo_expected: number };
    expect(atNinety.tempo_expected).toBe(90);
    expect(atNinety.notes.map((n) => n.verdict)).toEqual(wanted);
  });

  it('grades a SoundFont recording of the take (WAV) the same way', async () => {
    writeFileSync(join(dir, 'take.wav'), encodeWav16(await synthesizeMidi(midiTake(played))));
    const res = await run(['grade', '--exercise', 'g.mid', '--attempt', 'take.wav', '--json'], dir);
    expect(res.code, res.err).toBe(0);
    const answer = JSON.parse(res.out) as CliAnswer;
    expect(answer.notes[3]?.verdict).toBe('wrong_pitch');
    expect(answer.notes[9]?.verdict).toBe('missed');
    expect(answer.counts.correct).toBeGreaterThanOrEqual(12);
  });

  describe('a stored exercise by id, from the studio data', () => {
    let id: string;
    beforeAll(async () => {
      vi.stubEnv('CADENZA_DATA_DIR', '');
      vi.stubEnv('CADENZA_DATABASE_URL', '');
      vi.stubEnv('CADENZA_BLOB_STORE', '');
      const studio = join(dir, 'studio');
      mkdirSync(studio);
      const config = loadConfig({}, studio);
      const database = await openDatabase(config);
      try {
        const body = ExerciseGenerateRequest.parse({
          skill_type: 'scales',
          key_signature: 'G',
          difficulty: 1,
          seed: 3,
          tempo: 100,
          special_focus: 'right hand',
        });
        id = (await storeExercise(openBlobStore(config, database), generatePracticeExercise(body))).id;
      } finally {
        await database.close();
      }
      writeFileSync(join(studio, 'take.mid'), midiTake(played));
    });
    afterAll(() => vi.unstubAllEnvs());

    it('grades against it with its difficulty and names it in --json', async () => {
      const res = await run(
        ['grade', '--exercise', id, '--attempt', 'take.mid', '--json'],
        join(dir, 'studio'),
      );
      expect(res.code, res.err).toBe(0);
      const answer = JSON.parse(res.out) as CliAnswer & { tolerance_ms: number };
      expect(answer.exercise_id).toBe(id);
      expect(answer.tolerance_ms).toBe(100);
      expect(answer.notes[3]).toMatchObject({ verdict: 'wrong_pitch', played_name: 'C#5' });
      expect(answer.notes[9]?.verdict).toBe('missed');
    });

    it('exits 1 naming an id the studio does not have', async () => {
      const missing = 'AAAAAAAAAAAAAAAAAAAAAA';
      const res = await run(['grade', '--exercise', missing, '--attempt', 'take.mid'], join(dir, 'studio'));
      expect(res.code).toBe(1);
      expect(res.err).toContain(`no exercise has the id '${missing}'`);
      const nowhere = await run(['grade', '--exercise', missing, '--attempt', 'take.mid'], dir);
      expect(nowhere.code).toBe(1);
      expect(nowhere.err).toContain('there is no studio data');
    });
  });

  it('exits 1 naming a missing or corrupt file, 2 for a missing option', async () => {
    const missing = await run(['grade', '--exercise', 'g.mid', '--attempt', 'nope.wav'], dir);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("cannot open '");
    expect(missing.err).toContain('nope.wav');
    writeFileSync(join(dir, 'broken.mid'), Buffer.from('MThd\0\0\0\x06garbage'));
    const brokenExercise = await run(['grade', '--exercise', 'broken.mid', '--attempt', 'take.mid'], dir);
    expect(brokenExercise.code).toBe(1);
    expect(brokenExercise.err).toContain("the exercise 'broken.mid' is not a readable score");
    const brokenTake = await run(['grade', '--exercise', 'g.mid', '--attempt', 'broken.mid'], dir);
    expect(brokenTake.code).toBe(1);
    expect(brokenTake.err).toContain("the take 'broken.mid'");
    writeFileSync(join(dir, 'noise.wav'), Buffer.from('definitely not a recording '.repeat(20)));
    const junk = await run(['grade', '--exercise', 'g.mid', '--attempt', 'noise.wav'], dir);
    expect(junk.code).toBe(1);
    expect(junk.err).toContain("the take 'noise.wav'");
    const usage = await run(['grade', '--exercise', 'g.mid'], dir);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('--attempt');
  });
});

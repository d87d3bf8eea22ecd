import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CurriculumResponse } from '@cadenza/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';

async function run(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd });
  return { code, out, err };
}

let dir = '';
const ANSWERS = {
  self_level: 3,
  practice_frequency: '3x_week',
  session_duration: 30,
  preferred_genres: ['folk'],
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cadenza-plan-'));
  writeFileSync(join(dir, 'answers.json'), JSON.stringify(ANSWERS));
  writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...ANSWERS, session_duration: 5 }));
  writeFileSync(join(dir, 'genre.json'), JSON.stringify({ ...ANSWERS, preferred_genres: ['folk', 'polka'] }));
  writeFileSync(join(dir, 'broken.json'), '{ not json');
});

describe('cadenza plan', () => {
  it('--json answers the API curriculum: the weeks asked, from the start date, reproducible by seed', async () => {
    const argv = [
      'plan',
      '--profile',
      'answers.json',
      '--weeks',
      '2',
      '--start',
      '2026-01-05',
      '--seed',
      '7',
      '--json',
    ];
    const res = await run(argv, dir);
    expect(res.code, res.err).toBe(0);
    const plan = CurriculumResponse.parse(JSON.parse(res.out));
    expect(plan.start_date).toBe('2026-01-05');
    expect(plan.seed).toBe(7);
    expect(plan.weeks.map((w) => w.start_date)).toEqual(['2026-01-05', '2026-01-12']);
    for (const week of plan.weeks) {
      expect(week.sessions).toHaveLength(3);
      for (const s of week.sessions) {
        expect(s.minutes).toBeGreaterThanOrEqual(27);
        expect(s.minutes).toBeLessThanOrEqual(33);
      }
    }
    expect((await run(argv, dir)).out).toBe(res.out);
  });

  it('prints a readable plan: each week with its focus, sessions with items and minutes, milestone, theory', async () => {
    const res = await run(
      ['plan', '--profile', 'answers.json', '--weeks', '1', '--start', '2026-01-05', '--seed', '7'],
      dir,
    );
    expect(res.code, res.err).toBe(0);
    const json = CurriculumResponse.parse(
      JSON.parse(
        (
          await run(
            [
              'plan',
              '--profile',
              'answers.json',
              '--weeks',
              '1',
              '--start',
              '2026-01-05',
              '--seed',
              '7',
              '--json',
            ],
            dir,
          )
        ).out,
      ),
    );
    const week = json.weeks[0];
    if (!week) throw new Error('no week');
    expect(res.out).toContain('Plan from 2026-01-05, 1 weeks (seed 7)');
    expect(res.out).toContain(`Week 1 (from 2026-01-05) · ${week.estimated_duration} min`);
    expect(res.out).toMatch(/ {2}Focus: \S/);
    expect(res.out).toContain('  Mon 2026-01-05 · ');
    for (const item of week.sessions[0]?.items ?? []) expect(res.out).toContain(`    - ${item.title} (`);
    expect(res.out).toContain('  Milestone: ');
    expect(res.out).toContain('  Theory: ');
  });

  it('exits 1 naming the field for a bad profile, 2 for bad options', async () => {
    const minutes = await run(['plan', '--profile', 'bad.json'], dir);
    expect(minutes.code).toBe(1);
    expect(minutes.err).toContain('session_duration');
    const genre = await run(['plan', '--profile', 'genre.json'], dir);
    expect(genre.code).toBe(1);
    expect(genre.err).toContain('preferred_genres[1]');
    const broken = await run(['plan', '--profile', 'broken.json'], dir);
    expect(broken.code).toBe(1);
    expect(broken.err).toContain('not JSON');
    const missing = await run(['plan', '--profile', 'nope.json'], dir);
    expect(missing.code).toBe(1);
    const weeks = await run(['plan', '--profile', 'answers.json', '--weeks', '0'], dir);
    expect(weeks.code).toBe(1);
    expect(weeks.err).toContain('weeks');
    const start = await run(['plan', '--profile', 'answers.json', '--start', '2026-13-01'], dir);
    expect(start.code).toBe(1);
    expect(start.err).toContain('start');
    expect((await run(['plan'], dir)).code).toBe(2);
    expect((await run(['plan', '--profile', 'answers.json', '--seed', 'x'], dir)).code).toBe(2);
  });
});

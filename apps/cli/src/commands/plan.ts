import { randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CurriculumResponse, PlanSessionView } from '@cadenza/contracts';
import { RequestFieldError, SKILL_LABELS } from '@cadenza/pedagogy';
import { isoDate, planForProfile, profileFromJson } from '@cadenza/platform';
import { stringOption, UsageError, type Command } from '../command.js';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** A whole-number option, or a usage error naming it. */
function intOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name}: must be a whole number, got '${value}'`);
  return Number(value);
}

function sessionLines(session: PlanSessionView): string[] {
  const weekday = WEEKDAYS[new Date(`${session.date}T00:00:00Z`).getUTCDay()] ?? '';
  return [
    `  ${weekday} ${session.date} · ${session.minutes} min`,
    ...session.items.map(
      (item) =>
        `    - ${item.title} (${item.kind.replace('_', ' ')}, ${item.minutes} min, difficulty ${item.difficulty})`,
    ),
  ];
}

/** The plan as a student reads it: per week its focus, reasons, sessions, milestone and theory. */
export function planText(plan: CurriculumResponse): string {
  const lines = [`Plan from ${plan.start_date}, ${plan.weeks.length} weeks (seed ${plan.seed})`];
  for (const week of plan.weeks) {
    lines.push(
      '',
      `Week ${week.week_number} (from ${week.start_date}) · ${week.estimated_duration} min`,
      `  Focus: ${week.focus_areas.map((s) => SKILL_LABELS[s]).join(', ') || '—'}`,
      ...week.reasons.map((r) => `  Why: ${r}`),
      ...week.sessions.flatMap(sessionLines),
      `  Milestone: ${week.milestone_song?.title ?? '—'}`,
      `  Theory: ${week.theory_topics.map((t) => t.title).join(', ') || '—'}`,
    );
  }
  return lines.join('\n') + '\n';
}

export const plan: Command = {
  path: ['plan'],
  summary: 'Plan practice weeks for a student profile (focus, sessions, milestone songs, theory)',
  help: `Usage: cadenza plan --profile profile.json [options]

Plans weeks of practice for a profile: each week's focus areas (weakest skills first), sessions that
fill the profile's minutes, exercises the generator makes as they are, a milestone song and theory topics.
profile.json is either the onboarding answers (the body of PUT /students/me/profile, e.g.
{"self_level": 3, "practice_frequency": "3x_week", "session_duration": 30, "preferred_genres": ["jazz"]})
or a profile as GET /students/me/profile answers it (its skills are kept).

Options:
  --profile FILE      the profile (required)
  --weeks N           weeks to plan, 1–12 (default 4)
  --start DATE        the first day, YYYY-MM-DD (default today, UTC)
  --seed N            the same seed plans the same weeks (default random, printed)
  --json              print the API's CurriculumResponse
  -h, --help          show this help

Examples:
  cadenza plan --profile me.json
  cadenza plan --profile me.json --weeks 2 --start 2026-01-05 --seed 7 --json`,
  options: {
    profile: { type: 'string' },
    weeks: { type: 'string' },
    start: { type: 'string' },
    seed: { type: 'string' },
  },
  async run(args, io) {
    if (args.positionals.length) {
      throw new UsageError(`cadenza plan takes no arguments (got '${args.positionals.join(' ')}')`);
    }
    if (stringOption(args, 'output') !== undefined)
      throw new UsageError('cadenza plan writes no files: use --json');
    const file = stringOption(args, 'profile');
    if (file === undefined) throw new UsageError('--profile FILE is required');
    const weeks = intOption(stringOption(args, 'weeks'), 'weeks') ?? 4;
    const seed = intOption(stringOption(args, 'seed'), 'seed') ?? randomInt(0, 2 ** 31 - 1);
    const startDate = stringOption(args, 'start') ?? isoDate(Date.now());
    const text = await readFile(resolve(io.cwd, file), 'utf8');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new RequestFieldError('profile', `${file} is not JSON: ${(error as Error).message}`);
    }
    const curriculum = planForProfile(profileFromJson(json), { weeks, startDate, seed });
    io.stdout(args.values.json ? JSON.stringify(curriculum, null, 2) + '\n' : planText(curriculum));
    return 0;
  },
};

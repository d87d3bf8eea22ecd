/**
 * Calendar arithmetic for streaks and weekly minutes on ISO dates (YYYY-MM-DD, UTC days): no time zones,
 * so a date names the same day on every server.
 */

const DAY_MS = 86_400_000;

/** The UTC date of an epoch-ms time. */
export const isoDate = (at: number): string => new Date(at).toISOString().slice(0, 10);

/** Epoch ms of a date's midnight UTC. */
export const dateMs = (date: string): number => Date.parse(`${date}T00:00:00Z`);

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const ms = dateMs(date);
  return Number.isFinite(ms) && isoDate(ms) === date;
}

/** The date `days` after `date` (negative: before). */
export const addDays = (date: string, days: number): string => isoDate(dateMs(date) + days * DAY_MS);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((dateMs(to) - dateMs(from)) / DAY_MS);

/** The Monday of the week holding `date`. */
export function weekStart(date: string): string {
  const weekday = new Date(dateMs(date)).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

export interface Streak {
  /** Days in a row with practice ending today (or yesterday, while today has none yet). */
  readonly current: number;
  readonly best: number;
  readonly practisedToday: boolean;
}

/** The practice streak on `today` from the minutes practised per date. */
export function streakOn(practiceDays: { readonly [date: string]: number }, today: string): Streak {
  const practised = (date: string) => (practiceDays[date] ?? 0) > 0;
  const practisedToday = practised(today);
  let current = 0;
  for (let day = practisedToday ? today : addDays(today, -1); practised(day); day = addDays(day, -1)) {
    current++;
  }
  const dates = Object.keys(practiceDays)
    .filter((d) => practised(d) && d <= today)
    .sort();
  let best = 0;
  let run = 0;
  let previous: string | undefined;
  for (const date of dates) {
    run = previous !== undefined && daysBetween(previous, date) === 1 ? run + 1 : 1;
    best = Math.max(best, run);
    previous = date;
  }
  return { current, best: Math.max(best, current), practisedToday };
}

/** Minutes practised per week (weeks starting Monday), oldest first; weeks without practice are left out. */
export function minutesByWeek(practiceDays: {
  readonly [date: string]: number;
}): { weekStart: string; minutes: number }[] {
  const weeks = new Map<string, number>();
  for (const [date, minutes] of Object.entries(practiceDays)) {
    const start = weekStart(date);
    weeks.set(start, (weeks.get(start) ?? 0) + minutes);
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([start, minutes]) => ({ weekStart: start, minutes: Math.round(minutes * 10) / 10 }));
}

/** Days with practice among the last 28 before and including `today`. */
export function daysPractisedInFourWeeks(
  practiceDays: { readonly [date: string]: number },
  today: string,
): number {
  const from = addDays(today, -27);
  return Object.entries(practiceDays).filter(
    ([date, minutes]) => minutes > 0 && date >= from && date <= today,
  ).length;
}

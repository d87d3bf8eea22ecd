import type { LearningSkill, PlanItemView } from '../../api/learning.js';

/**
 * The Learn page's words: skills, levels, item kinds, minutes, percentages and dates as a student reads
 * them. Pure, so the wording is tested without a browser.
 */

/** The six skills in the order the page lists and charts them (the contracts' order). */
export const SKILLS: readonly LearningSkill[] = [
  'pitch_accuracy',
  'rhythm_accuracy',
  'sight_reading',
  'music_theory',
  'ear_training',
  'technique',
];

export const SKILL_LABELS: Readonly<Record<LearningSkill, string>> = {
  pitch_accuracy: 'Pitch accuracy',
  rhythm_accuracy: 'Rhythm accuracy',
  sight_reading: 'Sight-reading',
  music_theory: 'Music theory',
  ear_training: 'Ear training',
  technique: 'Technique',
};

/** What each self-assessed level means, for the onboarding choice ("1 · never played"). */
const LEVEL_WORDS: readonly string[] = [
  'never played',
  'just started',
  'beginner',
  'simple pieces',
  'early intermediate',
  'intermediate',
  'upper intermediate',
  'confident',
  'fluent',
  'advanced',
];

/** "1 · never played" … "10 · advanced". */
export function levelLabel(level: number): string {
  const whole = Math.min(10, Math.max(1, Math.round(level)));
  return `${whole} · ${LEVEL_WORDS[whole - 1] ?? ''}`;
}

/** A plan item's kind with a mark a sighted reader scans for (in everyday fonts, not emoji) and a word everyone reads. */
export const KIND_LABELS: Readonly<
  Record<PlanItemView['kind'], { readonly icon: string; readonly label: string }>
> = {
  exercise: { icon: '♫', label: 'Exercise' },
  ear_training: { icon: '◎', label: 'Ear training' },
  theory: { icon: '✎', label: 'Theory' },
  song: { icon: '♪', label: 'Song' },
  review: { icon: '↻', label: 'Review' },
};

/** "25 min", "1 h", "1 h 5 min". */
export function minutesText(minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  if (whole < 60) return `${whole} min`;
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** 0.64 → "64 %". */
export function percentText(value: number): string {
  return `${Math.round(value * 100)} %`;
}

/** A difficulty on the 1–10 scale, halves kept: "3.5 / 10". */
export function difficultyText(difficulty: number): string {
  const rounded = Math.round(difficulty * 2) / 2;
  return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)} / 10`;
}

const DAY = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

/** "2026-11-30" (or an ISO time) → "Mon 30 Nov"; the calendar day as written, whatever the time zone. */
export function dayText(isoDate: string): string {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? `${isoDate}T00:00:00Z` : isoDate);
  return Number.isNaN(date.getTime()) ? isoDate : DAY.format(date).replace(',', '');
}

/** "1 day", "3 days". */
export function daysText(days: number): string {
  return `${days} ${days === 1 ? 'day' : 'days'}`;
}

/** The sum of a session's item minutes and how it compares with the session's own length. */
export function sessionMinutes(items: readonly Pick<PlanItemView, 'minutes'>[]): number {
  return items.reduce((sum, item) => sum + item.minutes, 0);
}

/** One skill's move in words: "Rhythm accuracy 40 % → 55 % (level 3 → 3.5)". */
export function skillMoveText(
  skill: LearningSkill,
  before: { readonly value: number; readonly level: number },
  after: { readonly value: number; readonly level: number },
): string {
  const level =
    before.level === after.level
      ? `level ${difficultyText(after.level)}`
      : `level ${difficultyText(before.level)} → ${difficultyText(after.level)}`;
  return `${SKILL_LABELS[skill]} ${percentText(before.value)} → ${percentText(after.value)} (${level})`;
}

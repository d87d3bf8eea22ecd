import { createRng, hashSeed } from '@cadenza/core';
import { RequestFieldError } from '../arrange/request/resolve-request.js';
import type { SongSummary } from '../songs/song-types.js';
import {
  accuracyTrend,
  LOWER_BELOW,
  MIN_EVIDENCE,
  RAISE_ABOVE,
  ruleEvidence,
  TREND_WINDOW,
} from './adaptation.js';
import type {
  Curriculum,
  LearnerProfile,
  PlanItem,
  PlanSession,
  ReviewCard,
  Skill,
  SkillMap,
  SkillResult,
  WeekPlan,
} from './learning-types.js';
import { SKILLS } from './learning-types.js';
import { checkOnboardingAnswers } from './onboarding.js';
import { addDays, dayNumber } from './plan-dates.js';
import { chooseFocus, plannedGenres } from './plan-focus.js';
import { chooseMilestone } from './plan-milestone.js';
import { SESSION_DAYS, layoutWeek } from './plan-sessions.js';
import { knownTheory, planTheoryTopics, sessionItems } from './plan-items.js';
import { clampLevel, levelText, percent, SKILL_LABELS, SKILL_SUBJECTS, skillMap } from './skill-words.js';

/** Longest plan, weeks. */
export const MAX_PLAN_WEEKS = 52;
/** How much a week's planned difficulty rises over the last when the results say the student is ready: the rule's step. */
export const WEEKLY_RISE = 0.5;

export interface CurriculumOptions {
  readonly weeks: number;
  /** ISO date (YYYY-MM-DD) of the first week's day 0; a Monday puts weekend sessions on Saturday and Sunday. */
  readonly startDate: string;
  readonly seed: number;
  /** The song catalogue to choose milestones from. */
  readonly songs: readonly SongSummary[];
  /** Recent graded results, oldest first: their trends decide which skills may rise week on week. */
  readonly recentResults?: readonly SkillResult[];
  /** Spaced-repetition items due now: they open the first week's first sessions. */
  readonly dueReviews?: readonly ReviewCard[];
  /** Number of the first week (default 1), for re-planning from the middle of a course. */
  readonly firstWeekNumber?: number;
}

function checkOptions(options: CurriculumOptions): void {
  const { weeks, seed, firstWeekNumber } = options;
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_PLAN_WEEKS) {
    throw new RequestFieldError('weeks', `must be a whole number from 1 to ${MAX_PLAN_WEEKS}, got ${weeks}`);
  }
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new RequestFieldError('seed', `must be a whole number of at least 0, got ${seed}`);
  }
  if (firstWeekNumber !== undefined && (!Number.isInteger(firstWeekNumber) || firstWeekNumber < 1)) {
    throw new RequestFieldError(
      'first_week_number',
      `must be a whole number of at least 1, got ${firstWeekNumber}`,
    );
  }
  dayNumber(options.startDate);
}

/**
 * Each skill's trend by the adaptation rule's own evidence (`ruleEvidence`: its results since its last
 * difficulty change, played within half a level of its current difficulty; the mean of the last up to five);
 * undefined with fewer than `MIN_EVIDENCE` such results — too little to judge the difficulty by.
 */
function skillTrends(
  profile: LearnerProfile,
  results: readonly SkillResult[],
): SkillMap<{ trend: number | undefined; count: number }> {
  return skillMap((skill) => {
    const accuracies = ruleEvidence(profile, skill, results).map((r) => r.accuracy);
    return accuracies.length < MIN_EVIDENCE
      ? { trend: undefined, count: accuracies.length }
      : { trend: accuracyTrend(accuracies), count: Math.min(TREND_WINDOW, accuracies.length) };
  });
}

/**
 * Next week's planned difficulties, by the rule's own evidence: half a step up (at most 10) for a skill whose
 * trend is above 0.90 (the student is ready), half a step down (at least 1) for one below 0.70, held
 * otherwise — and held without evidence at the current difficulty (no trend). Each new week is re-planned
 * from real results anyway; this only says what the results so far allow.
 */
export function projectSkillLevels(
  levels: SkillMap<number>,
  trends: SkillMap<{ trend: number | undefined }>,
): SkillMap<number> {
  return skillMap((s) => {
    const trend = trends[s].trend;
    if (trend === undefined) return levels[s];
    if (trend > RAISE_ABOVE) return clampLevel(levels[s] + WEEKLY_RISE);
    if (trend < LOWER_BELOW) return clampLevel(levels[s] - WEEKLY_RISE);
    return levels[s];
  });
}

/**
 * The trends later weeks are projected with: a skill found struggling steps down once (the next week) and
 * then holds — the easier work has to be tried before the plan says more; a ready skill keeps rising week
 * on week while its results say it cruises.
 */
const afterFirstProjection = (
  trends: SkillMap<{ trend: number | undefined; count: number }>,
): SkillMap<{ trend: number | undefined; count: number }> =>
  skillMap((s) => {
    const t = trends[s];
    return t.trend !== undefined && t.trend < LOWER_BELOW ? { trend: undefined, count: t.count } : t;
  });

/** The overall level a week is planned at: the rounded mean of its skill levels. */
export const weekLevel = (levels: SkillMap<number>): number =>
  Math.round(clampLevel(SKILLS.reduce((sum, s) => sum + levels[s], 0) / SKILLS.length));

function trendReasons(trends: SkillMap<{ trend: number | undefined; count: number }>): string[] {
  return SKILLS.flatMap((s) => {
    const { trend, count } = trends[s];
    if (trend === undefined) return [];
    const over = count === 1 ? 'on your last attempt' : `over your last ${count} attempts`;
    if (trend < LOWER_BELOW)
      return [`${SKILL_LABELS[s]} ${percent(trend)} ${over} → easier ${SKILL_SUBJECTS[s]} this week`];
    if (trend > RAISE_ABOVE)
      return [`${SKILL_LABELS[s]} at ${percent(trend)} ${over} → harder ${SKILL_SUBJECTS[s]} this week`];
    return [];
  });
}

function riseReason(
  before: SkillMap<number>,
  after: SkillMap<number>,
  trends: SkillMap<{ trend: number | undefined; count: number }>,
): string[] {
  const up = SKILLS.filter((s) => after[s] > before[s]);
  const down = SKILLS.filter((s) => after[s] < before[s]);
  const held = SKILLS.filter((s) => after[s] === before[s]);
  const why = (s: Skill): string => {
    const { trend, count } = trends[s];
    return trend === undefined ? '' : ` (${percent(trend)} over your last ${count} attempts)`;
  };
  const list = (skills: readonly Skill[]): string =>
    skills
      .map((s) => `${SKILL_LABELS[s]} ${levelText(before[s])} → ${levelText(after[s])}${why(s)}`)
      .join(', ');
  const reasons: string[] = [];
  if (up.length > 0)
    reasons.push(`Half a step harder than last week, as your results say you are ready: ${list(up)}`);
  if (down.length > 0)
    reasons.push(`Half a step easier than last week, until the work feels secure: ${list(down)}`);
  const heldText = held.map((s) => `${SKILL_LABELS[s]} at ${levelText(after[s])}`).join(', ');
  if (held.length > 0)
    reasons.push(
      held.some((s) => after[s] < 10)
        ? `Staying put: ${heldText} — it rises once ${MIN_EVIDENCE} or more attempts at it average above ${percent(RAISE_ABOVE)}`
        : `Staying put: ${heldText}`,
    );
  return reasons;
}

/**
 * A plan of `weeks` weeks for the profile (spec LessonPlan per week), deterministic for (profile, options):
 * sessions on the frequency's days, each exactly `sessionMinutes` long; the three focus skills (the two
 * weakest and a goal's) hold at least half of each week and every skill appears every week; concrete
 * exercise and ear-training requests at each skill's level; theory topics whose prerequisites are learned
 * or planned in an earlier week; one milestone song a week (genre, target songs and level as in
 * `chooseMilestone`; '' with an empty song list); due reviews first. Week n+1 is planned from the
 * adaptation rule's evidence (`projectSkillLevels`): half a step harder than week n for a skill whose trend
 * at its current difficulty is above 0.90, half a step easier the next week for one below 0.70, held
 * otherwise; the week's reasons say which.
 */
export function generateCurriculum(profile: LearnerProfile, options: CurriculumOptions): Curriculum {
  checkOptions(options);
  checkOnboardingAnswers({
    sessionMinutes: profile.sessionMinutes,
    practiceFrequency: profile.practiceFrequency,
  });
  const first = options.firstWeekNumber ?? 1;
  const trends = skillTrends(profile, options.recentResults ?? []);
  const focus = chooseFocus(profile);
  const genres = plannedGenres(profile);
  const rng = createRng(hashSeed(`curriculum:${options.seed}`));
  const days = SESSION_DAYS[profile.practiceFrequency];
  const turns = new Map<Skill, number>();
  const milestones: string[] = [];
  const known = knownTheory(profile);
  let planned: string[] = [];
  let levels = profile.skillLevels;
  const weeks: WeekPlan[] = [];
  for (let w = 0; w < options.weeks; w++) {
    const weekNumber = first + w;
    const previous = levels;
    const weekTrends = w > 1 ? afterFirstProjection(trends) : trends;
    if (w > 0) levels = projectSkillLevels(levels, weekTrends);
    const level = weekLevel(levels);
    const milestone = chooseMilestone(profile, {
      songs: options.songs,
      level,
      genres,
      used: milestones,
      rng: rng.fork(),
    });
    if (milestone.songId !== '') milestones.push(milestone.songId);
    const reviews = w === 0 ? [...(options.dueReviews ?? [])].sort((a, b) => a.due - b.due) : [];
    const layout = layoutWeek({
      days,
      sessionMinutes: profile.sessionMinutes,
      focus: focus.skills,
      reviews,
      hasSong: milestone.song !== undefined,
    });
    const theorySlots = layout.reduce(
      (n, s) => n + s.slots.filter((x) => x.skill === 'music_theory').length,
      0,
    );
    const theory = planTheoryTopics([...known, ...planned], theorySlots);
    planned = [...planned, ...theory.topics.filter((t) => !planned.includes(t))];
    const theoryTurn = { next: 0 };
    const sessions: PlanSession[] = layout.map((session) => {
      const items: PlanItem[] = sessionItems(session, {
        weekNumber,
        planSeed: options.seed,
        levels,
        genres,
        turns,
        theoryTopics: theory.topics,
        theoryTurn,
        milestone: milestone.song,
      });
      return { day: session.day, items, minutes: items.reduce((sum, i) => sum + i.minutes, 0) };
    });
    const placedReviews = layout.reduce((n, s) => n + s.reviews.length, 0);
    const reasons = [
      focus.reason,
      ...(w === 0 ? trendReasons(trends) : riseReason(previous, levels, weekTrends)),
      milestone.reason,
      ...theory.reasons,
      ...(placedReviews > 0
        ? [
            `${placedReviews} review${placedReviews > 1 ? 's' : ''} due first: what you are about to forget, before it slips`,
          ]
        : []),
    ];
    weeks.push({
      weekNumber,
      startDate: addDays(options.startDate, 7 * w),
      focusAreas: focus.skills,
      sessions,
      milestoneSong: milestone.songId,
      theoryTopics: theory.topics,
      estimatedMinutes: sessions.reduce((sum, s) => sum + s.minutes, 0),
      skillLevels: levels,
      reasons,
      level,
    });
  }
  return { weeks, seed: options.seed };
}

/**
 * The plan for a date: the week containing it (startDate ≤ date < startDate + 7) and the session on that
 * day of the week, if any (undefined on a rest day); undefined when the date is outside the plan.
 */
export function todayPlan(
  curriculum: Curriculum,
  date: string,
): { week: WeekPlan; session: PlanSession | undefined; dayIndex: number } | undefined {
  const today = dayNumber(date, 'date');
  for (const week of curriculum.weeks) {
    const dayIndex = today - dayNumber(week.startDate);
    if (dayIndex >= 0 && dayIndex < 7) {
      return { week, session: week.sessions.find((s) => s.day === dayIndex), dayIndex };
    }
  }
  return undefined;
}

import type { LearnerProfile, Skill, SkillResult } from './learning-types.js';
import { deriveProfile } from './onboarding.js';
import { clampLevel, clampShare, levelText, percent, SKILL_LABELS, SKILL_SUBJECTS } from './skill-words.js';

/** How many of the most recent accuracies make the trend. */
export const TREND_WINDOW = 5;
/** The spec's thresholds: a trend above this raises the difficulty … */
export const RAISE_ABOVE = 0.9;
/** … and below this lowers it. */
export const LOWER_BELOW = 0.7;
/**
 * The fewest results at the current difficulty before the rule may move it: one or two attempts are too
 * noisy to judge a level by (a good day, a bad day), three are the least that say "this is easy now".
 */
export const MIN_EVIDENCE = 3;
/**
 * How far from the skill's current difficulty an attempt may have been played and still count as evidence
 * for it: a half level either way covers the whole-number difficulties the generators take (a level of 4.5
 * is played at 4 and at 5). A theory topic or a milestone song set well away from the skill's difficulty
 * still teaches the skill estimate, but says nothing about whether this difficulty is right.
 */
export const EVIDENCE_BAND = 0.5;

export interface DifficultyAdaptation {
  /** The new difficulty, clamped to 1–10. */
  readonly level: number;
  /** What the rule decided (the level may move less at the clamps: 9.8 + 0.5 → 10). */
  readonly change: -0.5 | 0 | 0.5;
  /** The mean of the last (up to) five accuracies; undefined when there are none. */
  readonly trend: number | undefined;
}

/** The accuracy trend: the mean of the most recent (up to) five accuracies (oldest first in the list). */
export function accuracyTrend(recentAccuracies: readonly number[]): number | undefined {
  const latest = recentAccuracies.slice(-TREND_WINDOW);
  if (latest.length === 0) return undefined;
  return latest.reduce((sum, a) => sum + a, 0) / latest.length;
}

/**
 * The spec's adaptive-difficulty rule (AdaptiveDifficultySystem.calculate_optimal_difficulty).
 * The trend is the mean of the most recent up to 5 accuracies (`recentAccuracies` oldest first, each 0–1);
 * a trend above 0.90 raises the level by 0.5, below 0.70 lowers it by 0.5, anything from 0.70 to 0.90
 * (both included) keeps it; the result is clamped to 1–10. With no accuracies nothing changes.
 */
export function adaptDifficulty(
  currentLevel: number,
  recentAccuracies: readonly number[],
): DifficultyAdaptation {
  const trend = accuracyTrend(recentAccuracies);
  const change: DifficultyAdaptation['change'] =
    trend === undefined ? 0 : trend > RAISE_ABOVE ? 0.5 : trend < LOWER_BELOW ? -0.5 : 0;
  return { level: clampLevel(currentLevel + change), change, trend };
}

/** One skill's difficulty moved by the rule, with the sentence the student sees. */
export interface SkillChange {
  readonly skill: Skill;
  /** Difficulty before and after, 1–10. */
  readonly from: number;
  readonly to: number;
  readonly trend: number | undefined;
  readonly reason: string;
}

/** How fast the skill estimate follows new results (exponential moving average weight of the newest). */
export const SKILL_SMOOTHING = 0.3;
/** Levels gained (lost) per unit of accuracy above (below) the comfortable 80 %. */
export const ACCURACY_LEVELS = 5;
/** The accuracy at which a level counts as the student's comfortable level. */
export const COMFORTABLE_ACCURACY = 0.8;

/**
 * Where on 0–1 one result puts the student: the level they played at, moved up by half a level for every
 * 10 % above 80 % accuracy and down the same below it, on the profile's scale (level 1 = 0, level 10 = 1).
 * 95 % at level 3 → level 3.75 → 0.31, not 0.95; 80 % at level 5 → 0.44; 40 % at level 5 → level 3 → 0.22.
 */
export function skillTarget(result: SkillResult): number {
  const level = result.difficulty + (result.accuracy - COMFORTABLE_ACCURACY) * ACCURACY_LEVELS;
  return clampShare((level - 1) / 9);
}

/** The sentence for a difficulty change ("rhythm accuracy 64 % over your last 5 attempts → easier rhythm"). */
export function changeReason(
  skill: Skill,
  from: number,
  to: number,
  trend: number,
  attempts: number,
): string {
  const over = attempts === 1 ? 'on your last attempt' : `over your last ${attempts} attempts`;
  const label = SKILL_LABELS[skill];
  const subject = SKILL_SUBJECTS[skill];
  return to < from
    ? `${label} ${percent(trend)} ${over} → easier ${subject} (difficulty ${levelText(from)} → ${levelText(to)})`
    : `${label} at ${percent(trend)} ${over} → harder ${subject} (difficulty ${levelText(from)} → ${levelText(to)})`;
}

const sameResult = (a: SkillResult | undefined, b: SkillResult): boolean =>
  a !== undefined &&
  a.skill === b.skill &&
  a.at === b.at &&
  a.accuracy === b.accuracy &&
  a.difficulty === b.difficulty;

/** Whether a result was played close enough to `level` to count as evidence for that difficulty. */
export const playedAtLevel = (result: SkillResult, level: number): boolean =>
  Math.abs(result.difficulty - level) <= EVIDENCE_BAND;

/**
 * The evidence the difficulty rule judges a skill's current difficulty by (oldest first): that skill's
 * results since its difficulty last changed (`profile.difficultySince`; all of them when no change is
 * recorded) that were played within `EVIDENCE_BAND` of the current difficulty. Attempts at the previous
 * difficulty never count toward the next change, so a skill moves at most one step per window of evidence.
 */
export function ruleEvidence(
  profile: LearnerProfile,
  skill: Skill,
  results: readonly SkillResult[],
): SkillResult[] {
  const level = profile.skillLevels[skill];
  const since = profile.difficultySince?.[skill];
  return results.filter(
    (r) => r.skill === skill && (since === undefined || r.at > since) && playedAtLevel(r, level),
  );
}

/**
 * Learns from one graded result, after every attempt:
 * 1. the skill estimate moves 30 % of the way toward `skillTarget(newResult)` (a moving average, so one
 *    lucky or bad attempt does not swing it) — every result counts here, at whatever difficulty it was
 *    played (a theory topic at its own level, a song at the song's);
 * 2. the skill's difficulty follows the spec rule (`adaptDifficulty`: trend of the last up to 5 > 0.90 →
 *    +0.5, < 0.70 → −0.5, clamped to 1–10) over the rule's evidence (`ruleEvidence`: results since the
 *    skill's last change played within half a level of its current difficulty, `newResult` included — not
 *    counted twice when `results` already ends with it), and only once there are at least `MIN_EVIDENCE`
 *    of them. A change restarts the evidence (`difficultySince` = the changing result's `at`);
 * 3. the overall level and the weaknesses are derived again.
 * `changes` lists the difficulty that moved, if it did, with the reason in words.
 */
export function applyResults(
  profile: LearnerProfile,
  results: readonly SkillResult[],
  newResult: SkillResult,
): { profile: LearnerProfile; changes: SkillChange[] } {
  const skill = newResult.skill;
  const earlier = sameResult(results[results.length - 1], newResult) ? results.slice(0, -1) : results;
  const before = profile.skills[skill];
  const estimate = Math.round((before + SKILL_SMOOTHING * (skillTarget(newResult) - before)) * 1000) / 1000;
  const from = profile.skillLevels[skill];
  const evidence = ruleEvidence(profile, skill, [...earlier, newResult]);
  const counts = playedAtLevel(newResult, from) && evidence.length >= MIN_EVIDENCE;
  const adapted = counts
    ? adaptDifficulty(
        from,
        evidence.map((r) => r.accuracy),
      )
    : undefined;
  const moved = adapted !== undefined && adapted.trend !== undefined && adapted.level !== from;
  const changes: SkillChange[] =
    moved && adapted.trend !== undefined
      ? [
          {
            skill,
            from,
            to: adapted.level,
            trend: adapted.trend,
            reason: changeReason(
              skill,
              from,
              adapted.level,
              adapted.trend,
              Math.min(TREND_WINDOW, evidence.length),
            ),
          },
        ]
      : [];
  return {
    profile: deriveProfile({
      ...profile,
      skills: { ...profile.skills, [skill]: estimate },
      skillLevels: { ...profile.skillLevels, [skill]: moved ? adapted.level : from },
      ...(moved ? { difficultySince: { ...profile.difficultySince, [skill]: newResult.at } } : {}),
    }),
    changes,
  };
}

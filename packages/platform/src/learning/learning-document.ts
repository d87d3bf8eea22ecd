import type { LearnerProfile, PlanItem, ReviewCard, Skill, SkillResult, WeekPlan } from '@cadenza/pedagogy';
import type { JsonObject } from '../db/json.js';

/**
 * Everything the learning paths keep for one student, stored as one JSON document in `student_profiles`
 * (see README.md in this folder for the layout). Lists that grow with practice are capped so the
 * document stays a few hundred kilobytes at most.
 */
export const LEARNING_DOCUMENT_VERSION = 1;

/** How many of each growing list the document keeps (the oldest go first). */
export const LEARNING_CAPS = {
  results: 200,
  history: 500,
  changes: 100,
  recentScores: 20,
  doneItems: 2000,
  practiceDays: 400,
} as const;

/** The curriculum in force: the weeks as planned (or as a teacher edited them). */
export interface StoredCurriculum {
  /** ISO date of week 1's first day. */
  readonly startDate: string;
  readonly seed: number;
  readonly weeks: readonly WeekPlan[];
  /** The teacher who last edited it; null while it is as generated. */
  readonly editedBy: string | null;
  /** Epoch ms it was made. */
  readonly createdAt: number;
  /** The last week number re-planned from the results (weeks after the first are re-planned as they start). */
  readonly replannedThrough?: number;
}

/** A spaced-repetition card: the core's ReviewCard (FSRS memory as JSON, due as epoch ms). */
export type StoredReviewCard = ReviewCard;

/** A skill's difficulty moved by the adaptation rule (or the placement test), with the sentence shown. */
export interface StoredSkillChange {
  readonly skill: Skill;
  readonly from: number;
  readonly to: number;
  readonly trend: number | null;
  readonly reason: string;
  /** Epoch ms. */
  readonly at: number;
}

/** One point of the progress charts. */
export interface StoredHistoryPoint {
  readonly at: number;
  readonly skills: LearnerProfile['skills'];
  readonly skillLevels: LearnerProfile['skillLevels'];
}

/** A teacher's assignment: a plan item on a date. */
export interface StoredAssignment {
  readonly date: string;
  readonly item: PlanItem;
  readonly at: number;
}

export interface LearningDocument {
  readonly version: typeof LEARNING_DOCUMENT_VERSION;
  readonly profile: LearnerProfile;
  readonly curriculum: StoredCurriculum | null;
  readonly reviewCards: readonly StoredReviewCard[];
  /** Graded results the adaptation reads, oldest first. */
  readonly results: readonly SkillResult[];
  readonly history: readonly StoredHistoryPoint[];
  /** Oldest first. */
  readonly changes: readonly StoredSkillChange[];
  readonly assignments: readonly StoredAssignment[];
  /** Plan and assignment item ids checked off (by hand or by a graded attempt naming them). */
  readonly doneItems: readonly string[];
  /** Minutes practised per ISO date (UTC), for streaks and the weekly chart. */
  readonly practiceDays: { readonly [date: string]: number };
  /** Graded practice attempts per exercise type. */
  readonly attemptCounts: { readonly [skillType: string]: number };
  /** The last 20 practice scores, 0–100, oldest first. */
  readonly recentScores: readonly number[];
  /** Theory answers right in a row per topic (a topic is learned at THEORY_LEARNED_STREAK). */
  readonly theoryStreaks: { readonly [topicId: string]: number };
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** The newest `cap` entries of a list. */
export const keepLast = <T>(items: readonly T[], cap: number): T[] =>
  items.length > cap ? items.slice(items.length - cap) : [...items];

/** A fresh document for a new profile, its first history point at `at`. */
export function newLearningDocument(profile: LearnerProfile, at: number): LearningDocument {
  return {
    version: LEARNING_DOCUMENT_VERSION,
    profile,
    curriculum: null,
    reviewCards: [],
    results: [],
    history: [{ at, skills: profile.skills, skillLevels: profile.skillLevels }],
    changes: [],
    assignments: [],
    doneItems: [],
    practiceDays: {},
    attemptCounts: {},
    recentScores: [],
    theoryStreaks: {},
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * Reads a stored document. Unknown (future) versions are refused rather than half-read; missing lists
 * (a document written before a list existed) read as empty.
 */
export function readLearningDocument(json: JsonObject): LearningDocument | undefined {
  const raw = json as unknown as Partial<LearningDocument>;
  if (raw.version !== LEARNING_DOCUMENT_VERSION || raw.profile === undefined) return undefined;
  return {
    version: LEARNING_DOCUMENT_VERSION,
    profile: raw.profile,
    curriculum: raw.curriculum ?? null,
    reviewCards: raw.reviewCards ?? [],
    results: raw.results ?? [],
    history: raw.history ?? [],
    changes: raw.changes ?? [],
    assignments: raw.assignments ?? [],
    doneItems: raw.doneItems ?? [],
    practiceDays: raw.practiceDays ?? {},
    attemptCounts: raw.attemptCounts ?? {},
    recentScores: raw.recentScores ?? [],
    theoryStreaks: raw.theoryStreaks ?? {},
    createdAt: raw.createdAt ?? 0,
    updatedAt: raw.updatedAt ?? 0,
  };
}

/** The document as the repository stores it. */
export const learningDocumentJson = (doc: LearningDocument): JsonObject => doc as unknown as JsonObject;

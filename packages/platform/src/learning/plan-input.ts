import type { Curriculum, LearnerProfile, ReviewCard, SkillResult } from '@cadenza/pedagogy';

/** What a curriculum is planned from. */
export interface PlanRequest {
  readonly profile: LearnerProfile;
  /** ISO date of the first week's first day. */
  readonly startDate: string;
  readonly weeks: number;
  readonly seed: number;
  /** Recent graded results, oldest first. */
  readonly results: readonly SkillResult[];
  /** Review cards due by the start date (spaced repetition): they open the first sessions. */
  readonly dueReviews: readonly ReviewCard[];
  /** The first week's number (re-planning from the middle of a plan); default 1. */
  readonly firstWeekNumber?: number;
}

/** Makes the weeks (the core's generateCurriculum with the song catalogue; tests may pass another). */
export type Planner = (request: PlanRequest) => Curriculum;

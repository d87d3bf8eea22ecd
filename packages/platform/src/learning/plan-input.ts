import type { Curriculum, LearnerProfile, SkillResult } from '@cadenza/pedagogy';

/** What a curriculum is planned from. */
export interface PlanRequest {
  readonly profile: LearnerProfile;
  /** ISO date of the first week's first day. */
  readonly startDate: string;
  readonly weeks: number;
  readonly seed: number;
  /** Recent graded results, oldest first. */
  readonly results: readonly SkillResult[];
  /** Review items due by the start date (spaced repetition), by id. */
  readonly dueReviewIds: readonly string[];
}

/** Makes the weeks (the core's generateCurriculum with the song catalogue; tests may pass another). */
export type Planner = (request: PlanRequest) => Curriculum;

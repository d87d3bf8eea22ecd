import { generateCurriculum, songSummaries } from '@cadenza/pedagogy';
import type { Planner } from './plan-input.js';

/**
 * The core's planner (`generateCurriculum`) with the whole song catalogue for milestones, the student's
 * recent results for the week-on-week rises and the reviews due to open the first sessions.
 */
export const corePlanner: Planner = (request) =>
  generateCurriculum(request.profile, {
    weeks: request.weeks,
    startDate: request.startDate,
    seed: request.seed,
    songs: songSummaries(),
    recentResults: request.results,
    dueReviews: request.dueReviews,
    ...(request.firstWeekNumber !== undefined ? { firstWeekNumber: request.firstWeekNumber } : {}),
  });

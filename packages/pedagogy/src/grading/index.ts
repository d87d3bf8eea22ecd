/** Grading a played attempt against an exercise (issue 7): alignment, verdicts per note, totals. */
export * from './grading-types.js';
export { gradeAttempt } from './grade-attempt.js';
export { expectedNotesFromScore, type ExpectedNotesOptions } from './expected-notes.js';
export { DEFAULT_TOLERANCE_MS, timingTolerance } from './timing-tolerance.js';
export { EXTRA_NOTE_COST, gradeTotals, SCORE_CREDIT } from './attempt-score.js';

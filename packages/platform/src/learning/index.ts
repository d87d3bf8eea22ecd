/** Learning paths (issue 8), the Node side: one document per student, the service the API and CLI call. */
export * from './learning.js';
export * from './learning-document.js';
export * from './learning-error.js';
export * from './learning-store.js';
export * from './learning-service.js';
export * from './learning-plans.js';
export * from './learning-theory.js';
export * from './learning-ear-training.js';
export * from './learning-views.js';
export * from './check-curriculum-edit.js';
export * from './plan-calendar.js';
export * from './plan-input.js';
export * from './core-planner.js';
export * from './review-cards.js';
export * from './per-user-queue.js';
export * from './practice-days.js';
export * from './learn-from-results.js';

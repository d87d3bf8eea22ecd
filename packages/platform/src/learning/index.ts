/** Learning paths (issue 8), the Node side: one document per student, the service the API and CLI call. */
export * from './learning-document.js';
export * from './learning-error.js';
export * from './learning-store.js';
export * from './learning-service.js';
export * from './learning-views.js';
export * from './per-user-queue.js';
export * from './practice-days.js';
export * from './learn-from-results.js';

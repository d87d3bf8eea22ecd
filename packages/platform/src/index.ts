/** @cadenza/platform: the Node side. Configuration, persistence, blobs, jobs, accounts, audio and use cases. */
export * from './config/config.js';
export * from './db/index.js';
export * from './blobs/index.js';
export * from './jobs/index.js';
export * from './auth/index.js';
export * from './audio/index.js';
export * from './engraving/index.js';
export * from './media/index.js';
export * from './video/index.js';
export * from './use-cases/index.js';
export * from './export/index.js';
export * from './generate/index.js';
export * from './transcribe/index.js';
export * from './practice/generate-exercise.js';
export * from './practice/grade-attempt.js';
export * from './practice/attempt-report.js';
export * from './practice/grade-exercise-attempt.js';

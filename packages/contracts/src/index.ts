export * from './common.js';
export * from './errors.js';
export * from './health.js';
export * from './theory.js';
export * from './convert.js';
export * from './auth.js';
export * from './library.js';
export * from './jobs.js';

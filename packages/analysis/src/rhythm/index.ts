export * from './tempo.js';
export * from './beat-tracker.js';
export * from './local-tempo.js';
export * from './meter.js';
export * from './notated-tempo.js';

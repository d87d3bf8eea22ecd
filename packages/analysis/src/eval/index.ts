export * from './match-notes.js';
export * from './maximum-matching.js';
export * from './note-event.js';
export * from './note-metrics.js';

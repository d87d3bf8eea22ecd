export * from './export-error.js';
export * from './export-file-name.js';
export * from './item-sources.js';
export * from './zip-stream.js';
export * from './batch-export.js';
export * from './export-length.js';
export * from './export-score.js';

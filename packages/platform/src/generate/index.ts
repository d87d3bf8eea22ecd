export * from './generate-arrangement.js';
export * from './generation-report.js';
export * from './progression-cache.js';
export * from './store-generation.js';

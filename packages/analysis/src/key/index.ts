export * from './profiles.js';
export * from './estimate-key.js';
export * from './mirex-score.js';

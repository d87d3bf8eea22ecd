export * from './wav.js';
export * from './synth/index.js';
export * from './decode/index.js';
export * from './encode/index.js';

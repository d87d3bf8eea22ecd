export * from './wav.js';
export * from './synth/index.js';

export * from './wav.js';
export * from './preview-synth.js';
export * from './synth/index.js';

export * from './wav.js';
export * from './preview-synth.js';

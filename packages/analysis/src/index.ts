/** @cadenza/analysis: pure audio analysis for transcription. Float32Array PCM in, notes and facts out. */
export * from './signal/index.js';
export * from './eval/index.js';
export * from './onset/index.js';
export * from './pitch/index.js';
export * from './rhythm/index.js';
export * from './key/index.js';
export * from './transcribe/index.js';
export * from './poly/index.js';
export * from './notation/index.js';

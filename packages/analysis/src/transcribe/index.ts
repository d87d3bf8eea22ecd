export * from './segment-notes.js';
export * from './transcribe-monophonic.js';

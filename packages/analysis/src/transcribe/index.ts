export * from './segment-notes.js';
export * from './transcribe-monophonic.js';
export * from './musical-context.js';
export * from './harmonic-phase-deviation.js';

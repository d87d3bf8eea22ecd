export * from './note-activations.js';
export * from './notes-from-activations.js';
export * from './transcribe-polyphonic.js';

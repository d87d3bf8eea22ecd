export * from './transcribe-audio.js';
export * from './transcription-error.js';

export * from './transcribe-audio.js';
export * from './transcription-error.js';
export * from './transcription-score.js';
export * from './store-transcription.js';
export * from './transcription-report.js';
export * from './note-activation-model.js';

/** Practice exercises (issue 7): generated, seeded, rule-checked. */
export * from './exercise-catalogue.js';
export * from './difficulty-model.js';
export * from './note-values.js';
export * from './exercise-request.js';
export * from './exercise-types.js';
export * from './scale-fingering.js';
export * from './arpeggio-fingering.js';
export type { RhythmEvent } from './rhythm-cells.js';
export { progressionNumerals } from './progression-exercise.js';
export { voiceProgression, parallels, MAX_UPPER_MOVE, type FourVoices } from './progression-voicing.js';
export { rhythmValues, RHYTHM_FOCUS, PERCUSSION_PITCH } from './rhythm-exercise.js';
export { keyPitchClasses } from './sight-reading-exercise.js';
export { generateExercise, generateFromRequest, defaultTempo, estimateSeconds } from './generate-exercise.js';
export * from './exercise-midi-notes.js';
export * from './exercise-clicks.js';

/** Ear-training questions and answer checking (issue 7): intervals, chord qualities, melodic and rhythm dictation. */
export * from './question-types.js';
export * from './difficulty-model.js';
export * from './rhythm-cells.js';
export * from './rhythm-writer.js';
export * from './interval-references.js';
export { EVERYDAY_SPELLINGS, INTERVAL_RANGE, intervalQuestion } from './interval-question.js';
export { CHORD_QUALITY_LABELS, chordQualityLabel, chordQuestion, voiceChord } from './chord-question.js';
export { dictationScale, degreePitches, melodicDictationQuestion } from './melodic-dictation.js';
export { rhythmDictationQuestion } from './rhythm-dictation.js';
export { intervalLabel, valueName } from './music-words.js';
export { explainInterval } from './explain-interval.js';
export { explainChord, qualityAnatomy } from './explain-chord.js';
export * from './grade-dictation.js';
export * from './read-answer.js';
export * from './check-answer.js';
export * from './generate-question.js';

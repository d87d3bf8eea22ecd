/**
 * Ear-training questions and answer checking (issue 7): intervals, chord qualities, melodic and rhythm
 * dictation. Exported by name (not `export *`) so helpers with everyday names (rhythm cells, level
 * lookup) stay private and never collide with the exercises' own in the package index.
 */
export * from './question-types.js';
export {
  CHORD_LEVELS,
  INTERVAL_LEVELS,
  MELODIC_DICTATION_LEVELS,
  RHYTHM_DICTATION_LEVELS,
  type ChordLevel,
  type IntervalLevel,
  type MelodicDictationLevel,
  type RhythmDictationLevel,
} from './difficulty-model.js';
export {
  RHYTHM_CELLS as DICTATION_RHYTHM_CELLS,
  rhythmCell as dictationRhythmCell,
  type RhythmCell as DictationRhythmCell,
} from './rhythm-cells.js';
export { INTERVAL_REFERENCES, type IntervalReference } from './interval-references.js';
export { EVERYDAY_SPELLINGS, INTERVAL_RANGE, intervalQuestion } from './interval-question.js';
export { CHORD_QUALITY_LABELS, chordQualityLabel, chordQuestion, voiceChord } from './chord-question.js';
export { degreePitches, dictationScale, melodicDictationQuestion } from './melodic-dictation.js';
export { rhythmDictationQuestion } from './rhythm-dictation.js';
export { intervalLabel } from './music-words.js';
export { explainInterval } from './explain-interval.js';
export { explainChord, qualityAnatomy } from './explain-chord.js';
export { gradeDictation, type DictationGrade, type NoteGrade } from './grade-dictation.js';
export { readStudentAnswer } from './read-answer.js';
export { checkAnswer, rhythmText, writeOutNotes, type AnswerCheck } from './check-answer.js';
export { generateEarTrainingQuestion, type EarTrainingRequest } from './generate-question.js';

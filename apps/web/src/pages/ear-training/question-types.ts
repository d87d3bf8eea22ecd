import type { EarTrainingQuestionType } from '../../api/ear-training.js';
import type { Choice } from '../../components/export/export-options.js';

/** The four kinds of question, as the API names them, with what each asks of the student. */
export const QUESTION_TYPES: readonly Choice<EarTrainingQuestionType>[] = [
  { value: 'interval_recognition', label: 'Intervals', hint: 'two notes: name the distance' },
  { value: 'chord_quality', label: 'Chord quality', hint: 'major, minor, diminished, sevenths…' },
  { value: 'melodic_dictation', label: 'Melodic dictation', hint: 'write down a short melody' },
  { value: 'rhythm_dictation', label: 'Rhythm dictation', hint: 'write down note values and rests' },
];

export const isDictation = (type: EarTrainingQuestionType): boolean =>
  type === 'melodic_dictation' || type === 'rhythm_dictation';

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

/**
 * The kind and difficulty asked for in the address (`/ear-training?type=chord_quality&difficulty=4`, as
 * the Learn page's plan links them); anything unknown or out of 1–10 is left to the page's defaults.
 */
export function settingsFromQuery(params: URLSearchParams): {
  readonly type?: EarTrainingQuestionType;
  readonly difficulty?: number;
} {
  const type = QUESTION_TYPES.find((choice) => choice.value === params.get('type'))?.value;
  const raw = params.get('difficulty');
  const difficulty = raw === null ? NaN : Number(raw);
  return {
    ...(type ? { type } : {}),
    ...(Number.isInteger(difficulty) && difficulty >= 1 && difficulty <= 10 ? { difficulty } : {}),
  };
}

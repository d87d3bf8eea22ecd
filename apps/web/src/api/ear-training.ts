// Types only: importing values from contracts would bundle zod into the studio.
import type {
  DictationNoteOutput,
  EarTrainingAnswerResponse,
  EarTrainingQuestionRequest,
  EarTrainingQuestionResponse,
  EarTrainingQuestionType,
} from '@cadenza/contracts';
import { requestJson } from './http.js';

export type {
  DictationNoteOutput,
  EarTrainingAnswerResponse,
  EarTrainingQuestionRequest,
  EarTrainingQuestionResponse,
  EarTrainingQuestionType,
};

/** A dictation note as POST /ear-training/answers reads it: durations in quarter notes ("1/2", "3/2"). */
export interface DictationNoteInput {
  /** Melodic dictation only: a spelled pitch such as "F#4". */
  readonly pitch?: string;
  readonly duration: string;
  /** Rhythm dictation only: a rest. */
  readonly rest?: true;
}

/** A choice id (interval, chord quality) or the notes written down (dictation). */
export type EarTrainingAnswer = string | readonly DictationNoteInput[];

/** The grading of one dictation answer, note by note (null for recognition questions). */
export type DictationGrading = NonNullable<EarTrainingAnswerResponse['grading']>;
export type DictationNoteGrade = DictationGrading['notes'][number];

/** POST /ear-training/questions: a new question (its answer stays on the server) with its audio URLs. */
export const askEarTrainingQuestion = (body: EarTrainingQuestionRequest) =>
  requestJson<EarTrainingQuestionResponse>('/ear-training/questions', { method: 'POST', body });

/** POST /ear-training/answers: right or wrong, the right answer, an explanation and (dictation) a grading. */
export const answerEarTrainingQuestion = (questionId: string, answer: EarTrainingAnswer) =>
  requestJson<EarTrainingAnswerResponse>('/ear-training/answers', {
    method: 'POST',
    body: { question_id: questionId, answer },
  });

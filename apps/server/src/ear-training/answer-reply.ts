import type { DictationNoteOutput, EarTrainingAnswerResponse } from '@cadenza/contracts';
import { formatRational, pitchName } from '@cadenza/core';
import type { AnswerCheck, DictationNote, EarTrainingQuestion } from '@cadenza/pedagogy';

/** A dictation note as the API writes it: pitch name (♯/♭), duration in quarter notes, rest flag. */
export const noteOutput = (n: DictationNote): DictationNoteOutput => ({
  pitch: n.pitch && !n.rest ? pitchName(n.pitch, true) : null,
  duration: formatRational(n.duration),
  rest: n.rest === true,
});

/** The checked answer in the API's snake_case shape. */
export function answerResponse(
  questionId: string,
  question: EarTrainingQuestion,
  check: AnswerCheck,
): EarTrainingAnswerResponse {
  const key = question.key;
  const grading = check.grading;
  return {
    question_id: questionId,
    correct: check.correct,
    correct_answer: check.correctAnswer,
    correct_choice: check.correctChoice,
    correct_notes:
      key.type === 'melodic_dictation' || key.type === 'rhythm_dictation' ? key.answer.map(noteOutput) : null,
    explanation: check.explanation,
    grading: grading
      ? {
          notes: grading.notes.map((g) => ({
            index: g.index,
            expected: noteOutput(g.expected),
            given: g.given ? noteOutput(g.given) : null,
            given_index: g.givenIndex,
            pitch_correct: g.pitchCorrect,
            rhythm_correct: g.rhythmCorrect,
            correct: g.correct,
            comment: g.comment,
          })),
          extra: grading.extra.map((x) => ({ given_index: x.givenIndex, given: noteOutput(x.given) })),
          pitch_accuracy: grading.pitchAccuracy,
          rhythm_accuracy: grading.rhythmAccuracy,
          score: grading.score,
        }
      : null,
  };
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  answerTheoryQuestion,
  fetchTheoryQuestions,
  LEARN_KEY,
  type TheoryAnswerResult,
} from '../../api/learning.js';
import { ErrorPanel } from '../../components/error-panel.js';
import { ChoiceButtons } from '../ear-training/choice-buttons.js';
import { dayText } from './learn-format.js';

/**
 * A theory item done in place: the topic's questions one after another (GET /theory/topics/{id}/questions),
 * each answer checked by POST /students/me/theory/answers with the explanation and when the topic
 * comes back for review.
 */
export function TheoryQuestions({
  topicId,
  planItemId,
}: {
  readonly topicId: string;
  readonly planItemId: string;
}) {
  const client = useQueryClient();
  const questions = useQuery({
    queryKey: ['theory-questions', topicId],
    queryFn: () => fetchTheoryQuestions(topicId),
    staleTime: Infinity,
    retry: false,
  });
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState<readonly { chosen: string; result: TheoryAnswerResult }[]>([]);
  const answer = useMutation({
    mutationFn: answerTheoryQuestion,
    onSuccess: (result, body) => {
      setAnswers((list) => [...list, { chosen: body.choice, result }]);
      void client.invalidateQueries({ queryKey: LEARN_KEY });
    },
  });

  if (questions.isPending) return <p className="muted">Loading the questions…</p>;
  if (questions.isError) return <ErrorPanel title="Could not load the questions." error={questions.error} />;
  const list = questions.data.questions;
  const question = list[index];
  if (!question) return <p className="muted">No questions on this topic yet.</p>;
  const answered = answers[index];
  const right = answers.filter((a) => a.result.correct).length;
  const last = index === list.length - 1;
  return (
    <div className="learn-theory" role="group" aria-label={`Question ${index + 1} of ${list.length}`}>
      <p className="muted">
        Question {index + 1} of {list.length} · {right} right so far
      </p>
      <p className="ear-prompt">{question.prompt}</p>
      <ChoiceButtons
        choices={question.choices}
        chosen={answered?.chosen}
        result={
          answered
            ? {
                question_id: question.question_ref,
                correct: answered.result.correct,
                correct_notes: null,
                correct_choice: answered.result.answer,
                explanation: answered.result.explanation,
                correct_answer: answered.result.answer,
                grading: null,
              }
            : undefined
        }
        busy={answer.isPending}
        onChoose={(choice) =>
          answer.mutate({ question_ref: question.question_ref, choice, plan_item_id: planItemId })
        }
      />
      {answer.isError && <ErrorPanel title="Could not check the answer." error={answer.error} />}
      {answered && (
        <div
          className={answered.result.correct ? 'ear-feedback is-right' : 'ear-feedback is-wrong'}
          role="status"
        >
          <p>
            <strong>{answered.result.correct ? 'Right!' : 'Not quite.'}</strong> {answered.result.explanation}
          </p>
          {answered.result.next_review && (
            <p className="muted">
              This topic comes back for review on {dayText(answered.result.next_review)}.
            </p>
          )}
          {!last && (
            <button type="button" onClick={() => setIndex(index + 1)}>
              Next question
            </button>
          )}
          {last && (
            <p>
              Done: {right} of {list.length} right.
            </p>
          )}
        </div>
      )}
    </div>
  );
}

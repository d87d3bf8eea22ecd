import { createRng } from '@cadenza/core';
import { RequestFieldError } from '../arrange/request/resolve-request.js';
import type { TheoryQuestion } from './learning-types.js';
import { finishQuestion, type QuestionMaker } from './theory-choices.js';
import { theoryTopic } from './theory-graph.js';
import { CHORD_QUESTIONS } from './theory-questions-chords.js';
import { PITCH_QUESTIONS } from './theory-questions-pitch.js';
import { TIME_AND_HARMONY_QUESTIONS } from './theory-questions-time.js';

const MAKERS: Readonly<Record<string, QuestionMaker>> = {
  ...PITCH_QUESTIONS,
  ...CHORD_QUESTIONS,
  ...TIME_AND_HARMONY_QUESTIONS,
};

/** Most questions one call makes. */
export const MAX_THEORY_QUESTIONS = 50;

/**
 * `count` multiple-choice questions on a theory topic, reproducible from (topicId, seed). Every answer is
 * computed with `@cadenza/core` (intervals, scales, keys, chords, Roman numerals, meters), never typed in.
 * An unknown topic or a bad count is a `RequestFieldError` (`topic`, `count`).
 */
export function theoryQuestions(topicId: string, seed: number, count: number): TheoryQuestion[] {
  const maker = theoryTopic(topicId) ? MAKERS[topicId] : undefined;
  if (!maker) throw new RequestFieldError('topic', `'${topicId.slice(0, 40)}' is not a theory topic`);
  if (!Number.isInteger(count) || count < 1 || count > MAX_THEORY_QUESTIONS) {
    throw new RequestFieldError(
      'count',
      `must be a whole number from 1 to ${MAX_THEORY_QUESTIONS}, got ${count}`,
    );
  }
  const rng = createRng(`${topicId}:${seed}`);
  return Array.from({ length: count }, (_, i) =>
    finishQuestion(maker(rng), `${topicId}-${seed}-${i}`, topicId, rng),
  );
}

/** Whether a choice is right, and the explanation (naming the right answer when it was wrong). */
export function checkTheoryAnswer(
  question: TheoryQuestion,
  choiceId: string,
): { correct: boolean; explanation: string } {
  if (!question.choices.some((c) => c.id === choiceId)) {
    throw new RequestFieldError('answer', `'${choiceId.slice(0, 40)}' is not one of this question's choices`);
  }
  const correct = choiceId === question.answer;
  const right = question.choices.find((c) => c.id === question.answer)?.label ?? question.answer;
  return {
    correct,
    explanation: correct ? question.explanation : `The answer is ${right}. ${question.explanation}`,
  };
}

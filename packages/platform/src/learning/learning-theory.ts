import type { TheoryQuestionView } from '@cadenza/contracts';
import {
  checkTheoryAnswer,
  RequestFieldError,
  theoryQuestions,
  theoryTopic,
  type TheoryQuestion,
} from '@cadenza/pedagogy';
import { keepLast, LEARNING_CAPS, type LearningDocument } from './learning-document.js';
import { countPractice, learnFromResults } from './learn-from-results.js';
import type { LearningProfiles } from './learning-service.js';
import { reviewed } from './review-cards.js';

/**
 * A theory topic counts as learned after this many right answers in a row on it (a wrong answer starts
 * the count again): one lucky guess among four choices is 25 %, three in a row 1.6 %.
 */
export const THEORY_LEARNED_STREAK = 3;

/** Minutes a theory question counts toward the day's practice. */
const THEORY_MINUTES_PER_QUESTION = 0.5;

/** `{topic}:{seed}:{index}`: enough to make the same question again on the server. */
export const questionRef = (topicId: string, seed: number, index: number): string =>
  `${topicId}:${seed}:${index}`;

/** The question a ref names, or RequestFieldError('question_ref'). */
export function questionOfRef(ref: string): TheoryQuestion {
  const match = /^([a-z0-9-]+):(\d{1,10}):(\d{1,2})$/.exec(ref);
  const [, topicId = '', seed = '', index = ''] = match ?? [];
  if (!match || !theoryTopic(topicId)) {
    throw new RequestFieldError(
      'question_ref',
      'is not a question of GET /theory/topics/{id}/questions',
      ref.slice(0, 40),
    );
  }
  const i = Number(index);
  const question = theoryQuestions(topicId, Number(seed), i + 1)[i];
  if (!question) throw new RequestFieldError('question_ref', 'names no question', ref.slice(0, 40));
  return question;
}

/** The questions as the API shows them (no answer). */
export function theoryQuestionViews(topicId: string, seed: number, count: number): TheoryQuestionView[] {
  return theoryQuestions(topicId, seed, count).map((q, i) => ({
    question_ref: questionRef(topicId, seed, i),
    topic_id: q.topicId,
    prompt: q.prompt,
    choices: q.choices.map((c) => ({ id: c.id, label: c.label })),
  }));
}

/**
 * What one theory answer changes in the document: a music_theory result at the topic's level (right 1,
 * wrong 0) through the adaptation, the topic's spaced-repetition card (FSRS: right = Good, wrong = Again),
 * the run of right answers (THEORY_LEARNED_STREAK in a row: learned), half a minute of practice and the
 * plan item checked off when named.
 */
export function learnTheoryAnswer(
  doc: LearningDocument,
  question: TheoryQuestion,
  correct: boolean,
  at: number,
  planItemId: string | undefined,
): LearningDocument {
  const topic = theoryTopic(question.topicId);
  const level = topic?.level ?? 1;
  let next = learnFromResults(
    doc,
    [{ skill: 'music_theory', accuracy: correct ? 1 : 0, difficulty: level, at }],
    at,
  ).doc;
  const id = `theory:${question.topicId}`;
  const review = reviewed(
    next.reviewCards,
    { itemId: id, kind: 'theory', title: topic?.title ?? question.topicId },
    correct,
    at,
  );
  const run = correct ? (next.theoryStreaks[question.topicId] ?? 0) + 1 : 0;
  const learned =
    run >= THEORY_LEARNED_STREAK && !next.profile.theoryLearned.includes(question.topicId)
      ? [...next.profile.theoryLearned, question.topicId]
      : next.profile.theoryLearned;
  next = {
    ...next,
    reviewCards: review.cards,
    theoryStreaks: { ...next.theoryStreaks, [question.topicId]: run },
    profile: { ...next.profile, theoryLearned: learned },
  };
  if (planItemId !== undefined && !next.doneItems.includes(planItemId)) {
    next = { ...next, doneItems: keepLast([...next.doneItems, planItemId], LEARNING_CAPS.doneItems) };
  }
  return countPractice(next, THEORY_MINUTES_PER_QUESTION, at, { exercise: false });
}

/** POST /students/me/theory/answers' answer (the contract's TheoryAnswerResponse). */
export interface TheoryAnswer {
  readonly correct: boolean;
  readonly answer: string;
  readonly explanation: string;
  readonly next_review: string | null;
}

export interface LearningTheory {
  /** Checks an answer; for a student with a profile, learns from it and schedules the topic's review. */
  answerTheory(
    userId: string,
    answer: {
      readonly questionRef: string;
      readonly choice: string;
      readonly planItemId?: string | undefined;
    },
  ): Promise<TheoryAnswer>;
}

export function createLearningTheory(profiles: LearningProfiles): LearningTheory {
  const { store, now } = profiles;
  return {
    async answerTheory(userId, answer) {
      const question = questionOfRef(answer.questionRef);
      const checked = checkTheoryAnswer(question, answer.choice);
      const base = { correct: checked.correct, answer: question.answer, explanation: checked.explanation };
      if (!(await store.read(userId))) return { ...base, next_review: null };
      const { saved } = await store.update(userId, (doc) => ({
        doc: learnTheoryAnswer(doc, question, checked.correct, now(), answer.planItemId),
        result: undefined,
      }));
      const card = saved.reviewCards.find((c) => c.itemId === `theory:${question.topicId}`);
      return { ...base, next_review: card ? new Date(card.due).toISOString() : null };
    },
  };
}

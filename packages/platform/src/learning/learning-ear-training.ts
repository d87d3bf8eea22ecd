import type { LearningDocument } from './learning-document.js';
import { countPractice, learnFromResults } from './learn-from-results.js';
import { reviewed } from './review-cards.js';

/** One checked ear-training answer of a signed-in student. */
export interface EarTrainingAnswerInput {
  /** interval_recognition, chord_quality, melodic_dictation, rhythm_dictation. */
  readonly type: string;
  /** What was asked, in a word the review card is named by: the right choice id ("P5", "maj7") or "dictation". */
  readonly answerKey: string;
  /** How the review reads ("Interval: perfect fifth"). */
  readonly title: string;
  readonly correct: boolean;
  /** 0–1; dictation's note-by-note share, else 1 or 0. */
  readonly accuracy: number;
  /** 1–10. */
  readonly difficulty: number;
}

/** Minutes one ear-training question counts toward the day's practice. */
const EAR_MINUTES_PER_QUESTION = 0.5;

/**
 * Learns from an ear-training answer: an ear_training result through the adaptation, and the FSRS card of
 * (type, answer) reviewed (right = Good, wrong = Again) so the intervals and chords a student misses come
 * back soonest.
 */
export function learnEarTrainingAnswer(
  doc: LearningDocument,
  answer: EarTrainingAnswerInput,
  at: number,
): LearningDocument {
  const difficulty = Math.min(10, Math.max(1, answer.difficulty));
  const accuracy = Math.min(1, Math.max(0, answer.accuracy));
  const next = learnFromResults(doc, [{ skill: 'ear_training', accuracy, difficulty, at }], at).doc;
  const id = `ear_training:${answer.type}:${answer.answerKey}`;
  const review = reviewed(
    next.reviewCards,
    { itemId: id, kind: 'ear_training', title: answer.title },
    answer.correct,
    at,
  );
  return countPractice(
    {
      ...next,
      reviewCards: review.cards,
    },
    EAR_MINUTES_PER_QUESTION,
    at,
    { exercise: false },
  );
}

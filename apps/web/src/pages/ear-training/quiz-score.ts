/**
 * The session's score on the ear-training page: questions answered, how many were right, the current
 * run of right answers and the best run. Pure, so the page and the tests share it; the page keeps it
 * in sessionStorage (a reload keeps the streak, a new tab starts afresh).
 */
export interface QuizScore {
  /** Questions answered (a question skipped with Next is not counted). */
  readonly asked: number;
  readonly correct: number;
  /** Right answers in a row, up to now. */
  readonly streak: number;
  /** The longest streak this session. */
  readonly best: number;
}

export const NEW_SCORE: QuizScore = { asked: 0, correct: 0, streak: 0, best: 0 };

export const SCORE_STORAGE_KEY = 'cadenza.ear-training.score';

/** The score after one more answer: a right one extends the streak, a wrong one ends it. */
export function recordAnswer(score: QuizScore, correct: boolean): QuizScore {
  const streak = correct ? score.streak + 1 : 0;
  return {
    asked: score.asked + 1,
    correct: score.correct + (correct ? 1 : 0),
    streak,
    best: Math.max(score.best, streak),
  };
}

/** "3 of 5 right (60 %)" or "No answers yet". */
export function scoreWords(score: QuizScore): string {
  if (score.asked === 0) return 'No answers yet';
  return `${score.correct} of ${score.asked} right (${Math.round((100 * score.correct) / score.asked)} %)`;
}

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** A score saved earlier, or a new one when the text is missing or not a score that adds up. */
export function readSavedScore(text: string | null): QuizScore {
  if (!text) return NEW_SCORE;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return NEW_SCORE;
  }
  if (typeof data !== 'object' || data === null) return NEW_SCORE;
  const { asked, correct, streak, best } = data as Record<string, unknown>;
  if (!isCount(asked) || !isCount(correct) || !isCount(streak) || !isCount(best)) return NEW_SCORE;
  if (correct > asked || streak > correct || best > correct || streak > best) return NEW_SCORE;
  return { asked, correct, streak, best };
}

import { createEmptyCard, fsrs, Rating, type Card, type Grade } from 'ts-fsrs';
import type { ReviewCard, ReviewMemory } from './learning-types.js';

/** How a review went; `true` is Good and `false` Again. */
export type ReviewRating = 'again' | 'hard' | 'good' | 'easy';

const GRADES: { readonly [R in ReviewRating]: Grade } = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

const toMemory = (card: Card): ReviewMemory => ({
  due: card.due.getTime(),
  stability: card.stability,
  difficulty: card.difficulty,
  elapsed_days: card.elapsed_days,
  scheduled_days: card.scheduled_days,
  learning_steps: card.learning_steps,
  reps: card.reps,
  lapses: card.lapses,
  state: card.state,
  ...(card.last_review ? { last_review: card.last_review.getTime() } : {}),
});

const toCard = (memory: ReviewMemory): Card => ({
  ...memory,
  due: new Date(memory.due),
  state: memory.state,
  ...(memory.last_review !== undefined
    ? { last_review: new Date(memory.last_review) }
    : { last_review: undefined }),
});

/**
 * A new review item, due at `now` (epoch ms). Ear-training items train ear training, theory items music
 * theory. The clock is never read: every date comes from the caller.
 */
export function newReviewCard(
  itemId: string,
  kind: ReviewCard['kind'],
  title: string,
  now: number,
): ReviewCard {
  const memory = toMemory(createEmptyCard(new Date(now)));
  return {
    itemId,
    kind,
    title,
    skill: kind === 'ear_training' ? 'ear_training' : 'music_theory',
    due: memory.due,
    card: memory,
  };
}

/**
 * The item after a review at `now`: FSRS (ts-fsrs, default parameters, no fuzz) schedules the next one.
 * A right answer is rated Good and a wrong one Again, unless a rating is given.
 */
export function reviewCard(card: ReviewCard, result: boolean | ReviewRating, now: number): ReviewCard {
  const grade = typeof result === 'boolean' ? (result ? Rating.Good : Rating.Again) : GRADES[result];
  const next = fsrs().next(toCard(card.card), new Date(now), grade);
  const memory = toMemory(next.card);
  return { ...card, due: memory.due, card: memory };
}

/** Items due at `now` (due ≤ now), the most overdue first (ties by item id). */
export function dueCards(cards: readonly ReviewCard[], now: number): ReviewCard[] {
  return cards
    .filter((c) => c.due <= now)
    .sort((a, b) => a.due - b.due || (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
}

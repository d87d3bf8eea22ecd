import type { TodayResponse } from '@cadenza/contracts';
import { dueCards, newReviewCard, reviewCard, type ReviewCard } from '@cadenza/pedagogy';
import type { StoredReviewCard } from './learning-document.js';
import { addDays, dateMs } from './practice-days.js';

/** Cards due by the end of `date` (UTC), the most overdue first. */
export function dueReviewCards(cards: readonly StoredReviewCard[], date: string): StoredReviewCard[] {
  return dueCards(cards, dateMs(addDays(date, 1)) - 1);
}

export const reviewView = (card: StoredReviewCard): TodayResponse['due_reviews'][number] => ({
  review_item_id: card.itemId,
  kind: card.kind,
  title: card.title,
  due: new Date(card.due).toISOString(),
});

/**
 * The cards after one review of `itemId` (FSRS through the core: right = Good, wrong = Again); a new
 * card is made on the first review.
 */
export function reviewed(
  cards: readonly StoredReviewCard[],
  item: { readonly itemId: string; readonly kind: ReviewCard['kind']; readonly title: string },
  correct: boolean,
  at: number,
): { readonly cards: StoredReviewCard[]; readonly card: StoredReviewCard } {
  const existing = cards.find((c) => c.itemId === item.itemId);
  const card = reviewCard(existing ?? newReviewCard(item.itemId, item.kind, item.title, at), correct, at);
  return { cards: [...cards.filter((c) => c.itemId !== item.itemId), card], card };
}

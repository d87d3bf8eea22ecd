import { fsrs, Rating, createEmptyCard } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { dueCards, newReviewCard, reviewCard } from '../src/index.js';

const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);
const DAY = 86_400_000;

describe('spaced repetition (FSRS)', () => {
  it('a new card is due at once and is JSON-safe', () => {
    const card = newReviewCard('theory:triads', 'theory', 'Triads', T0);
    expect(card.due).toBe(T0);
    expect(card.skill).toBe('music_theory');
    expect(newReviewCard('ear:intervals', 'ear_training', 'Intervals', T0).skill).toBe('ear_training');
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);
    expect(card.card.reps).toBe(0);
  });

  it('right is due later than wrong, and reviews move the due date past now', () => {
    const card = newReviewCard('theory:triads', 'theory', 'Triads', T0);
    const right = reviewCard(card, true, T0);
    const wrong = reviewCard(card, false, T0);
    expect(right.due).toBeGreaterThan(wrong.due);
    expect(wrong.due).toBeGreaterThan(T0);
    expect(right.card.reps).toBe(1);
    expect(wrong.card.last_review).toBe(T0);
  });

  it('intervals grow while the answers stay right', () => {
    let card = newReviewCard('ear:chords', 'ear_training', 'Chord qualities', T0);
    let now = T0;
    const gaps: number[] = [];
    for (let i = 0; i < 6; i++) {
      card = reviewCard(card, true, now);
      gaps.push(card.due - now);
      now = card.due;
    }
    for (let i = 2; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThan(gaps[i - 1] ?? 0);
    expect(gaps[gaps.length - 1]).toBeGreaterThan(7 * DAY);
    // a lapse brings it back soon
    const lapsed = reviewCard(card, false, now);
    expect(lapsed.due - now).toBeLessThan(DAY);
    expect(lapsed.card.lapses).toBe(1);
  });

  it('due dates are exactly what ts-fsrs computes for the same dates', () => {
    const f = fsrs();
    let reference = createEmptyCard(new Date(T0));
    let card = newReviewCard('theory:modes', 'theory', 'Modes', T0);
    const steps: [boolean, number][] = [
      [true, T0],
      [true, T0 + 10 * 60_000],
      [false, T0 + 3 * DAY],
      [true, T0 + 4 * DAY],
    ];
    for (const [right, at] of steps) {
      reference = f.next(reference, new Date(at), right ? Rating.Good : Rating.Again).card;
      card = reviewCard(card, right, at);
      expect(card.due).toBe(reference.due.getTime());
      expect(card.card.stability).toBe(reference.stability);
      expect(card.card.state).toBe(reference.state);
    }
    expect(reviewCard(card, 'easy', T0 + 5 * DAY).due).toBeGreaterThan(
      reviewCard(card, 'hard', T0 + 5 * DAY).due,
    );
  });

  it('dueCards: nothing before its date; the most overdue first', () => {
    const a = { ...newReviewCard('a', 'theory', 'A', T0), due: T0 + 2 * DAY };
    const b = { ...newReviewCard('b', 'theory', 'B', T0), due: T0 + DAY };
    const c = { ...newReviewCard('c', 'ear_training', 'C', T0), due: T0 + 5 * DAY };
    expect(dueCards([a, b, c], T0)).toEqual([]);
    expect(dueCards([a, b, c], T0 + DAY - 1)).toEqual([]);
    expect(dueCards([a, b, c], T0 + DAY).map((x) => x.itemId)).toEqual(['b']);
    expect(dueCards([a, b, c], T0 + 6 * DAY).map((x) => x.itemId)).toEqual(['b', 'a', 'c']);
  });
});

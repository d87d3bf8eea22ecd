import { withQuery } from '../../api/http.js';
import type { PlanItemView } from '../../api/learning.js';

/** Where "Start" takes an ear-training item: the Ear training page set to its type and difficulty. */
export function earTrainingHref(item: PlanItemView): string | undefined {
  const ear = item.ear_training;
  if (!ear) return undefined;
  return withQuery('/ear-training', {
    type: ear.type,
    difficulty: String(ear.difficulty),
    plan_item: item.item_id,
  });
}

/** The Practice page for an exercise made for a plan item (the page sends the item's id with the attempt). */
export function practiceHref(exerciseId: string, planItemId: string): string {
  return withQuery('/practice', { exercise: exerciseId, plan_item: planItemId });
}

/** The largest seed POST /exercises/generate takes (a 32-bit signed whole number). */
const MAX_SEED = 2 ** 31 - 1;

/**
 * A plan item's exercise request as POST /exercises/generate takes it. The plan's contract allows any
 * whole seed while the generator takes 0 … 2^31 − 1, so a larger one is folded into that range (the same
 * item still gives the same exercise every time).
 */
export function exerciseRequestOf(
  exercise: NonNullable<PlanItemView['exercise']>,
): NonNullable<PlanItemView['exercise']> {
  const seed = Math.abs(exercise.seed) % (MAX_SEED + 1);
  return seed === exercise.seed ? exercise : { ...exercise, seed };
}

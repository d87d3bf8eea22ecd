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

import type { AssignmentBody } from '../../api/learning.js';
import { SKILL_CHOICES } from '../practice/exercise-form-model.js';

/**
 * A teacher's "assign something" form: an exercise (type and difficulty, the generator fills in the
 * rest) or a song id, on a day or the student's next session, for so many minutes. Pure.
 */

export const EXERCISE_TYPES = SKILL_CHOICES.map((choice) => ({ value: choice.id, label: choice.label }));

export interface AssignmentForm {
  readonly what: 'exercise' | 'song';
  readonly skillType: string;
  readonly difficulty: string;
  readonly songId: string;
  /** YYYY-MM-DD from a date input, or empty for the next session. */
  readonly date: string;
  readonly minutes: string;
}

export function assignmentBody(
  form: AssignmentForm,
): { readonly body: AssignmentBody } | { readonly error: string } {
  const minutes = Number(form.minutes.trim());
  if (form.minutes.trim() === '' || !Number.isInteger(minutes)) {
    return { error: 'Minutes must be a whole number, e.g. 10.' };
  }
  const when = form.date ? { date: form.date } : {};
  if (form.what === 'song') {
    return { body: { song_id: form.songId.trim(), minutes, ...when } };
  }
  return {
    body: {
      exercise: { skill_type: form.skillType, difficulty: Number(form.difficulty) },
      minutes,
      ...when,
    },
  };
}

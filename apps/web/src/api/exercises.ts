// Types only: importing values from contracts would bundle zod into the studio.
import type { ExerciseGenerateRequest, ExerciseResponse } from '@cadenza/contracts';
import { requestJson } from './http.js';

export type { ExerciseResponse };
export type ExerciseMidiNote = ExerciseResponse['midi_notes'][number];
export type ExerciseFingering = NonNullable<ExerciseResponse['fingering']>[number];

/**
 * The JSON body of POST /exercises/generate as the studio sends it: the fields the musician chose
 * (the server fills in the key, bars and tempo the difficulty suggests when they are left out).
 */
export type ExerciseBody = Partial<ExerciseGenerateRequest> & {
  readonly skill_type: string;
};

/** POST /exercises/generate: a new exercise with its notes, tips, fingering, score and audio URLs. */
export const generateExercise = (body: ExerciseBody) =>
  requestJson<ExerciseResponse>('/exercises/generate', { method: 'POST', body });

/** GET /exercises/{id}: an exercise made earlier (a link from a learning path, a reload). */
export const fetchExercise = (id: string) =>
  requestJson<ExerciseResponse>(`/exercises/${encodeURIComponent(id)}`);

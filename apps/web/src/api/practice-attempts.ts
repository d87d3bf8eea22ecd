// Types only: importing values from contracts would bundle zod into the studio.
import type {
  PracticeAttemptNotesBody,
  PracticeAttemptResponse,
  PracticeNoteResult,
  PracticePlayedNote,
  PracticeVerdict,
} from '@cadenza/contracts';
import { ApiError, request } from './http.js';

export type { PracticeAttemptResponse, PracticeNoteResult, PracticePlayedNote, PracticeVerdict };
export type PracticeExtraNote = PracticeAttemptResponse['extra_notes'][number];

/** The graded attempt from a response, or an ApiError when the server answered something else. */
async function attemptFrom(response: Response): Promise<PracticeAttemptResponse> {
  if (!(response.headers.get('content-type') ?? '').includes('json')) {
    throw new ApiError(0, 'not-json', 'This server does not offer /practice/attempts yet.');
  }
  return (await response.json()) as PracticeAttemptResponse;
}

/**
 * The learning plan's item an attempt belongs to (from the Learn page's "Start": /practice?plan_item=ID);
 * the server ticks it off and adapts the plan from the grade.
 */
export interface AttemptPlanLink {
  readonly planItemId?: string | undefined;
}

/** POST /practice/attempts with the notes a MIDI keyboard played (seconds from the take's start). */
export async function gradeMidiAttempt(
  exerciseId: string,
  notes: PracticeAttemptNotesBody['notes'],
  signal?: AbortSignal,
  { planItemId }: AttemptPlanLink = {},
): Promise<PracticeAttemptResponse> {
  const body: PracticeAttemptNotesBody & { plan_item_id?: string } = {
    exercise_id: exerciseId,
    notes,
    source: 'midi-keyboard',
    ...(planItemId ? { plan_item_id: planItemId } : {}),
  };
  const response = await request('/practice/attempts', {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });
  return attemptFrom(response);
}

/** POST /practice/attempts as multipart: the exercise's id and a recording or a .mid file. */
export async function gradeFileAttempt(
  exerciseId: string,
  file: Blob,
  fileName: string,
  signal?: AbortSignal,
  { planItemId }: AttemptPlanLink = {},
): Promise<PracticeAttemptResponse> {
  const form = new FormData();
  form.append('exercise_id', exerciseId);
  if (planItemId) form.append('plan_item_id', planItemId);
  form.append('file', file, fileName);
  const response = await request('/practice/attempts', {
    method: 'POST',
    headers: { accept: 'application/json' },
    body: form,
    ...(signal ? { signal } : {}),
  });
  return attemptFrom(response);
}

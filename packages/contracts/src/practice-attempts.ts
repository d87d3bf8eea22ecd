import { z } from 'zod';
import { ResourceId } from './common.js';
import { BinaryFile } from './convert.js';
import { EXERCISE_SKILL_TYPES } from './exercises.js';

/**
 * Grading a played attempt at a generated exercise (spec Feature 3, issue 7 item 5): POST /practice/attempts
 * takes the notes a MIDI keyboard played (JSON, from Web MIDI in the browser) or a file (multipart: a
 * recording in any format the decoders read, or a .mid), aligns them to the exercise's notes and gives each
 * expected note a verdict. Signed in, the graded attempt is kept as a practice session: GET /practice/sessions.
 */
export const PRACTICE_VERDICTS = ['correct', 'wrong_pitch', 'early', 'late', 'missed'] as const;
export const PracticeVerdict = z.enum(PRACTICE_VERDICTS);
export type PracticeVerdict = z.infer<typeof PracticeVerdict>;

export const PRACTICE_ATTEMPT_SOURCES = ['midi-keyboard', 'file'] as const;

/** Most notes one JSON attempt may carry (a long exercise played twice over, with room for extras). */
export const MAX_PRACTICE_ATTEMPT_NOTES = 5000;

export const PracticePlayedNote = z
  .object({
    midi: z
      .number()
      .int('notes[].midi must be a whole number')
      .min(0, 'notes[].midi must be 0–127')
      .max(127, 'notes[].midi must be 0–127')
      .describe('MIDI note number, 60 = middle C'),
    start: z
      .number()
      .min(0, 'notes[].start must be ≥ 0 seconds')
      .max(3600, 'notes[].start must be within an hour')
      .describe("seconds from the take's start"),
    end: z.number().max(3600).describe("seconds from the take's start; after start"),
    velocity: z
      .number()
      .int('notes[].velocity must be a whole number')
      .min(1, 'notes[].velocity must be 1–127')
      .max(127, 'notes[].velocity must be 1–127')
      .default(80)
      .describe('1–127 (default 80)'),
  })
  .refine((note) => note.end > note.start, { message: 'notes[].end must be after its start' });
export type PracticePlayedNote = z.infer<typeof PracticePlayedNote>;

/** POST /practice/attempts as application/json: what the browser sends from Web MIDI. */
export const PracticeAttemptNotesBody = z.object({
  exercise_id: ResourceId.describe('the exercise played (from POST /exercises/generate)'),
  notes: z
    .array(PracticePlayedNote)
    .max(MAX_PRACTICE_ATTEMPT_NOTES, `notes: at most ${MAX_PRACTICE_ATTEMPT_NOTES} notes`)
    .describe('every note played, in any order; an empty take grades as all missed'),
  source: z
    .enum(PRACTICE_ATTEMPT_SOURCES)
    .optional()
    .describe('midi-keyboard (default) or file: where the notes came from'),
  plan_item_id: z
    .string()
    .min(1)
    .max(40)
    .optional()
    .describe(
      "signed in: the learning plan's item this take answers (GET /students/me/today); it is checked off",
    ),
});
export type PracticeAttemptNotesBody = z.infer<typeof PracticeAttemptNotesBody>;

/** POST /practice/attempts as multipart/form-data: the exercise's id and the take as a file. */
export const PracticeAttemptUpload = z.object({
  exercise_id: ResourceId.describe('the exercise played'),
  file: BinaryFile.describe(
    'the take: a recording (WAV, MP3, FLAC, Ogg, M4A/AAC or WebM) or a Standard MIDI File (.mid)',
  ),
  plan_item_id: z.string().max(40).optional().describe("the learning plan's item this take answers"),
});

export const PracticeExpectedNote = z.object({
  midi: z.number().int(),
  name: z.string().describe("spelled in the exercise's key, e.g. F#4"),
  start: z.number().describe('seconds from the first downbeat at the written tempo'),
  duration: z.number().describe('seconds at the written tempo'),
});

export const PracticeNoteResult = z.object({
  index: z.number().int().describe("index into the exercise's midi_notes"),
  expected: PracticeExpectedNote,
  verdict: PracticeVerdict,
  played_midi: z.number().int().optional().describe('the pitch played (absent when missed)'),
  played_name: z.string().optional().describe("the pitch played, spelled in the exercise's key"),
  timing_error_ms: z
    .number()
    .optional()
    .describe(
      "onset error after the player's own tempo is taken out: positive late, negative early (absent when missed)",
    ),
});
export type PracticeNoteResult = z.infer<typeof PracticeNoteResult>;

export const PracticeExtraNote = z.object({
  midi: z.number().int(),
  name: z.string(),
  start: z.number().describe("seconds from the take's start"),
});

export const PracticeAttemptCounts = z.object({
  correct: z.number().int(),
  wrong_pitch: z.number().int(),
  early: z.number().int(),
  late: z.number().int(),
  missed: z.number().int(),
  extra: z.number().int(),
});

export const PracticeAttemptResponse = z.object({
  attempt_id: ResourceId,
  exercise_id: ResourceId,
  notes: z.array(PracticeNoteResult).describe('one per expected note, in the order of midi_notes'),
  extra_notes: z.array(PracticeExtraNote).describe('notes played that answer no expected note'),
  pitch_accuracy: z.number().describe('0–1: expected notes played at the right pitch'),
  rhythm_accuracy: z.number().describe('0–1: notes played within the timing tolerance'),
  score: z.number().describe('0–100'),
  tempo_played: z.number().nullable().describe('quarter notes per minute the student kept'),
  tempo_expected: z.number().describe("the exercise's written tempo"),
  tolerance_ms: z.number().describe('timing tolerance, ms either side'),
  counts: PracticeAttemptCounts,
  session_id: ResourceId.nullable().describe('the stored practice session; null when not signed in'),
});
export type PracticeAttemptResponse = z.infer<typeof PracticeAttemptResponse>;

/** One graded attempt as GET /practice/sessions lists it. */
export const PracticeSession = z.object({
  id: ResourceId,
  exercise_id: z.string(),
  skill_type: z.enum(EXERCISE_SKILL_TYPES),
  subtype: z.string(),
  difficulty: z.number().int(),
  score: z.number().describe('0–100'),
  pitch_accuracy: z.number(),
  rhythm_accuracy: z.number(),
  tempo_played: z.number().nullable(),
  created_at: z.iso.datetime().describe('when it was graded (ISO 8601, UTC)'),
});
export type PracticeSession = z.infer<typeof PracticeSession>;

export const PracticeSessionsQuery = z.object({
  limit: z.coerce
    .number()
    .int('limit must be a whole number')
    .min(1, 'limit must be at least 1')
    .max(200, 'limit must be at most 200')
    .default(50)
    .describe('newest first, at most this many (default 50)'),
  skill_type: z.enum(EXERCISE_SKILL_TYPES).optional().describe('only this kind of exercise'),
});

export const PracticeSessionsResponse = z.object({
  sessions: z.array(PracticeSession),
});
export type PracticeSessionsResponse = z.infer<typeof PracticeSessionsResponse>;

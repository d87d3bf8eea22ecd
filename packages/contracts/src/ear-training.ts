import { z } from 'zod';
import { ResourceId } from './common.js';

/**
 * Ear-training quizzes (spec Feature 3, EXERCISE_TYPES.ear_training): POST /ear-training/questions asks a
 * question, GET /ear-training/questions/{id}/audio.wav|.mp3 plays it, POST /ear-training/answers checks
 * an answer and explains it. The answer key stays on the server.
 */
export const EAR_TRAINING_QUESTION_TYPES = [
  'interval_recognition',
  'chord_quality',
  'melodic_dictation',
  'rhythm_dictation',
] as const;
export const EarTrainingQuestionType = z.enum(EAR_TRAINING_QUESTION_TYPES);
export type EarTrainingQuestionType = z.infer<typeof EarTrainingQuestionType>;

export const EarTrainingQuestionRequest = z.object({
  type: EarTrainingQuestionType.describe(
    'interval_recognition, chord_quality, melodic_dictation or rhythm_dictation',
  ),
  difficulty: z
    .number()
    .int('difficulty must be a whole number')
    .min(1, 'difficulty must be at least 1')
    .max(10, 'difficulty must be at most 10')
    .describe('1–10: which intervals, qualities, keys, note values and how many answer choices'),
  seed: z
    .number()
    .int('seed must be a whole number')
    .min(0, 'seed must be at least 0')
    .max(4294967295, 'seed must be at most 4294967295')
    .optional()
    .describe('replays the same question; without it the server draws one and keeps it secret'),
});
export type EarTrainingQuestionRequest = z.infer<typeof EarTrainingQuestionRequest>;

export const EarTrainingChoice = z.object({
  id: z.string().describe('what to send as the answer, e.g. "m6" or "dim7"'),
  label: z.string().describe('what the button says, e.g. "minor sixth"'),
});

export const EarTrainingQuestionResponse = z.object({
  question_id: ResourceId,
  type: EarTrainingQuestionType,
  difficulty: z.number().int(),
  prompt: z.string().describe('what the student reads before listening'),
  choices: z.array(EarTrainingChoice).describe('answer choices; empty for dictation'),
  given: z.array(z.string()).describe('dictation: what the student is told (key, meter, bars, first note)'),
  tempo: z.number().describe('quarter notes per minute'),
  lead_in_beats: z
    .number()
    .describe('quarter notes of key chord or count-in before the music to write down (0 for recognition)'),
  audio_url: z.string().describe('the question as WAV'),
  audio_urls: z.object({ wav: z.string(), mp3: z.string() }),
  midi_base64: z.string().describe('the question as a Standard MIDI File'),
  seed: z.number().int().nullable().describe('the seed you sent, or null when the server drew one'),
});
export type EarTrainingQuestionResponse = z.infer<typeof EarTrainingQuestionResponse>;

export const EarTrainingQuestionParams = z.object({ id: ResourceId });

export const EarTrainingAudioParams = z.object({
  id: ResourceId,
  file: z.enum(['audio.wav', 'audio.mp3']),
});

export const DictationNoteInput = z.object({
  pitch: z.string().max(12).optional().describe('melodic dictation: a spelled pitch, e.g. "F#4"'),
  duration: z
    .union([z.number(), z.string().max(16)])
    .describe('quarter notes: 1 quarter, "1/2" eighth, "3/2" dotted quarter, "1/3" triplet eighth'),
  rest: z.boolean().optional().describe('rhythm dictation: true for a rest'),
});

export const EarTrainingAnswerRequest = z.object({
  question_id: ResourceId,
  answer: z
    .union([z.string().min(1).max(40), z.array(DictationNoteInput).max(256)])
    .describe('a choice id for interval and chord questions; the notes written down for dictation'),
});
export type EarTrainingAnswerRequest = z.infer<typeof EarTrainingAnswerRequest>;

export const DictationNoteOutput = z.object({
  pitch: z.string().nullable().describe('e.g. "B♭4"; null for rhythm and rests'),
  duration: z.string().describe('quarter notes, e.g. "1/2"'),
  rest: z.boolean(),
});
export type DictationNoteOutput = z.infer<typeof DictationNoteOutput>;

export const DictationNoteGrade = z.object({
  index: z.number().int().describe('position in the answer key, from 0'),
  expected: DictationNoteOutput,
  given: DictationNoteOutput.nullable().describe('the note matched to it; null when left out'),
  given_index: z.number().int().nullable(),
  pitch_correct: z.boolean().nullable().describe('null for rhythm dictation and rests'),
  rhythm_correct: z.boolean(),
  correct: z.boolean(),
  comment: z.string().describe('what was wrong; empty when right'),
});

export const DictationGrading = z.object({
  notes: z.array(DictationNoteGrade),
  extra: z.array(z.object({ given_index: z.number().int(), given: DictationNoteOutput })),
  pitch_accuracy: z.number().nullable().describe('0–1; null for rhythm dictation'),
  rhythm_accuracy: z.number().describe('0–1'),
  score: z.number().int().describe('0–100'),
});

export const EarTrainingAnswerResponse = z.object({
  question_id: ResourceId,
  correct: z.boolean(),
  correct_answer: z.string().describe('the right answer in words'),
  correct_choice: z.string().nullable().describe('the right choice id (recognition questions)'),
  correct_notes: z.array(DictationNoteOutput).nullable().describe('the answer key (dictation)'),
  explanation: z.string().describe('what a teacher would say'),
  grading: DictationGrading.nullable().describe('note by note (dictation)'),
});
export type EarTrainingAnswerResponse = z.infer<typeof EarTrainingAnswerResponse>;

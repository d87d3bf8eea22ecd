import { z } from 'zod';
import { ResourceId } from './common.js';

/**
 * Practice exercises (spec Feature 3): POST /exercises/generate takes the spec's ExerciseRequest fields
 * (plus seed and a few practice options) and answers its GeneratedExercise fields, with the practice
 * tips, fingering and the score a client needs to show it. GET /exercises/{id} answers the same again.
 * Musical checks (an unknown subtype, a key that needs 8 flats) are the generator's: it names the field.
 */
export const EXERCISE_SKILL_TYPES = [
  'scales',
  'arpeggios',
  'chord_progressions',
  'rhythm',
  'sight_reading',
] as const;

export const ExerciseGenerateRequest = z.object({
  skill_type: z
    .string()
    .trim()
    .min(1, 'skill_type: name an exercise type')
    .max(40)
    .describe(`${EXERCISE_SKILL_TYPES.join(', ')} (also "chords"); ear training has its own endpoints`),
  subtype: z
    .string()
    .trim()
    .max(60)
    .optional()
    .describe(
      'scales: major, minor_natural, minor_harmonic, minor_melodic, chromatic or any of the 32 scales (dorian, blues, …); ' +
        'arpeggios: major_triad, minor_triad, dominant_7th, diminished; chord_progressions: I_IV_V_I, ii_V_I, I_vi_IV_V, ' +
        'circle_of_fifths; rhythm: quarter_notes, eighth_notes, triplets, syncopation, dotted_rhythms; sight_reading: ' +
        'stepwise_motion, interval_jumps, key_signature_reading, rhythm_reading. Default: the first',
    ),
  difficulty: z
    .number()
    .int('difficulty must be a whole number')
    .min(1, 'difficulty must be at least 1')
    .max(10, 'difficulty must be at most 10')
    .default(3)
    .describe(
      '1–10: range, octaves, note values, intervals, accidentals, tempo, hands (docs/practice-difficulty.md)',
    ),
  key_signature: z
    .string()
    .trim()
    .min(1)
    .max(30)
    .optional()
    .describe(
      '"C", "Am", "F#", "Bb minor"; the subtype picks the mode. Default: a key the difficulty allows',
    ),
  duration_bars: z
    .number()
    .int('duration_bars must be a whole number')
    .min(1, 'duration_bars must be at least 1')
    .max(128, 'duration_bars must be at most 128')
    .optional()
    .describe('bars of music (default: one pass of the exercise)'),
  tempo: z
    .number()
    .min(20, 'tempo must be at least 20 bpm')
    .max(300, 'tempo must be at most 300 bpm')
    .optional()
    .describe("quarter notes per minute (default: the difficulty level's)"),
  time_signature: z.string().max(8).optional().describe('rhythm and sight reading: 2/4, 3/4, 4/4 or 6/8'),
  special_focus: z
    .string()
    .max(200)
    .optional()
    .describe(
      '"triplets", "hands separately", "left hand", "percussion", … (a subtype name when none is given)',
    ),
  include_sheet_music: z.boolean().default(true).describe('give sheet_music_url (a PDF)'),
  count_in: z.boolean().default(false).describe('start the audio with a bar of clicks'),
  metronome: z.boolean().default(false).describe('click every beat under the audio'),
  inversion: z
    .number()
    .int()
    .min(0)
    .max(3)
    .optional()
    .describe('arpeggios: play only this inversion (0 = root)'),
  seed: z
    .number()
    .int('seed must be a whole number')
    .min(0, 'seed must be at least 0')
    .max(2 ** 31 - 1)
    .optional()
    .describe('same request + seed = the same exercise; omitted: a fresh one (returned)'),
});
export type ExerciseGenerateRequest = z.infer<typeof ExerciseGenerateRequest>;

export const ExerciseMidiNote = z.object({
  midi: z.number().int().describe('MIDI note number, 60 = middle C'),
  start: z.number().describe('seconds from the first downbeat (after any count-in)'),
  duration: z.number().describe('seconds'),
  staff: z.number().int().describe('1 right hand (or the only staff), 2 left hand'),
});
export type ExerciseMidiNote = z.infer<typeof ExerciseMidiNote>;

export const ExerciseFingering = z.object({
  hand: z.enum(['right', 'left']),
  note_index: z.number().int().describe('index into midi_notes'),
  note: z.string().describe('scientific pitch name, e.g. F#4'),
  finger: z.number().int().min(1).max(5).describe('1 = thumb … 5 = little finger'),
});
export type ExerciseFingering = z.infer<typeof ExerciseFingering>;

export const ExerciseChord = z.object({
  numeral: z.string().describe('roman numeral in the key, e.g. V65'),
  symbol: z.string().describe('chord symbol, e.g. G7/B'),
  start: z.number().describe('seconds'),
  bass: z.string().describe('the left hand, e.g. B2'),
  upper: z.array(z.string()).describe('the right hand, lowest first'),
});

export const ExerciseResponse = z.object({
  exercise_id: ResourceId,
  title: z.string(),
  description: z.string(),
  skill_type: z.enum(EXERCISE_SKILL_TYPES),
  subtype: z.string(),
  difficulty: z.number().int(),
  key: z.string().describe('e.g. "F# minor"'),
  time_signature: z.string(),
  tempo: z.number().describe('quarter notes per minute'),
  bars: z.number().int(),
  midi_notes: z.array(ExerciseMidiNote).describe('every note with its timing'),
  audio_url: z.string().describe('GET it for the exercise as audio (with the count-in and clicks asked for)'),
  sheet_music_url: z
    .string()
    .nullable()
    .describe('GET it for the engraved score (PDF); null when not asked for'),
  midi_url: z.string(),
  musicxml_url: z.string(),
  estimated_duration: z.number().int().describe('seconds, the count-in included'),
  count_in_bars: z.number().int(),
  practice_tips: z.array(z.string()),
  fingering: z
    .array(ExerciseFingering)
    .nullable()
    .describe('standard fingering, both hands, for scales and arpeggios; null where there is none'),
  chords: z.array(ExerciseChord).nullable().describe('chord progressions: each chord as voiced'),
  musicxml: z.string().describe('the score as MusicXML 4.0'),
  seed: z.number().int(),
});
export type ExerciseResponse = z.infer<typeof ExerciseResponse>;

export const ExerciseParams = z.object({ id: ResourceId });

/** GET /exercises/{id}/{file}: the exercise as audio (count-in and clicks as asked), sheet music, MIDI or MusicXML. */
export const EXERCISE_FILES = ['audio.wav', 'audio.mp3', 'score.pdf', 'score.mid', 'score.musicxml'] as const;
export const ExerciseFileParams = z.object({
  id: ResourceId,
  file: z.enum(EXERCISE_FILES).describe('audio.wav, audio.mp3, score.pdf, score.mid or score.musicxml'),
});

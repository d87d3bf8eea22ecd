/**
 * What each section not built yet will do, from the product spec (../shared/spec/priority-features.md),
 * so its page can say so honestly instead of offering controls that do nothing.
 */
export interface PlannedFeature {
  readonly title: string;
  readonly intro: string;
  readonly will: readonly string[];
  /** Where it is today, for people who want it now. */
  readonly meanwhile: string;
}

export const PLANNED_FEATURES = {
  practice: {
    title: 'Practice',
    intro:
      'Unlimited practice material at the right difficulty, with audio and sheet music, plus ear training and note-by-note feedback on what you play.',
    will: [
      'Exercises for scales, arpeggios, chord progressions, rhythm, sight reading and ear training, at difficulty 1 to 10 in any key.',
      'Ear-training quizzes that play the question and explain the answer.',
      'Grade a recorded attempt note by note: pitch, timing and what to work on next.',
      'Standard piano fingering and practice tips for scales and arpeggios.',
    ],
    meanwhile: 'The Theory page can already play any of the 32 scales with its notes highlighted.',
  },
  learn: {
    title: 'Learn',
    intro:
      'A learning path that fits your level, goals, genres and the minutes you actually have, and theory lessons from a patient tutor.',
    will: [
      'A short placement test, then weekly plans with daily exercises and a milestone song.',
      'Difficulty that rises when you are cruising and eases when you struggle, with reviews before you forget.',
      'Interactive theory lessons with audio examples and questions that check understanding.',
      'For teachers: plans and progress of linked students.',
    ],
    meanwhile: 'Explore chords, scales and progressions on the Theory page.',
  },
  compose: {
    title: 'Compose',
    intro:
      'A composition assistant that helps you write original music from ideas and text prompts, with instant playback.',
    will: [
      'Suggest melodies, harmonies and continuations in the style you choose.',
      'Let you edit the result and hear it straight away.',
      'Export to MusicXML, MIDI, audio and PDF, and save to your Library.',
    ],
    meanwhile: 'Nothing to try yet: the assistant is a later release.',
  },
} as const satisfies Record<string, PlannedFeature>;

export type PlannedFeatureId = keyof typeof PLANNED_FEATURES;

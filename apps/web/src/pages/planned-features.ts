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

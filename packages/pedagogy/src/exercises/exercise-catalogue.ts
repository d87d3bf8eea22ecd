import { findScaleType, MusicError, SCALE_TYPES, type ScaleType } from '@cadenza/core';

/**
 * The spec's EXERCISE_TYPES (Feature 3): every skill type with its subtypes and what each trains.
 * Scales also take any of the 32 catalogue scales by id ("dorian", "blues", "bebop-dominant");
 * `minor_melodic` is ours (melodic minor up, natural minor down, as it is taught).
 */
export const EXERCISE_TYPES = {
  scales: {
    major: 'Ascending and descending major scale',
    minor_natural: 'Natural minor scale pattern',
    minor_harmonic: 'Harmonic minor with raised 7th',
    minor_melodic: 'Melodic minor: raised 6th and 7th going up, natural minor coming down',
    chromatic: 'All 12 notes ascending/descending',
  },
  arpeggios: {
    major_triad: 'Root, 3rd, 5th pattern',
    minor_triad: 'Minor chord arpeggiation',
    dominant_7th: '7th chord arpeggio',
    diminished: 'Diminished chord pattern',
  },
  chord_progressions: {
    I_IV_V_I: 'Basic major progression',
    ii_V_I: 'Jazz turnaround',
    I_vi_IV_V: '50s progression',
    circle_of_fifths: 'Full circle progression',
  },
  rhythm: {
    quarter_notes: 'Steady quarter note pulse',
    eighth_notes: 'Even eighth note subdivision',
    triplets: 'Triplet feel exercises',
    syncopation: 'Off-beat rhythm patterns',
    dotted_rhythms: 'Dotted quarter and eighth',
  },
  sight_reading: {
    stepwise_motion: 'Mostly adjacent notes',
    interval_jumps: 'Practice larger intervals',
    key_signature_reading: 'Accidentals in context',
    rhythm_reading: 'Complex rhythmic patterns',
  },
  ear_training: {
    interval_recognition: 'Identify melodic intervals',
    chord_quality: 'Major vs minor vs diminished',
    melodic_dictation: 'Remember and repeat melodies',
    rhythm_dictation: 'Clap back rhythm patterns',
  },
} as const;

export type SkillType = keyof typeof EXERCISE_TYPES;
export const SKILL_TYPES = Object.keys(EXERCISE_TYPES) as SkillType[];

/** Skill types the generator writes as a Score; ear-training questions come from the ear-training quiz. */
export const GENERATED_SKILL_TYPES = [
  'scales',
  'arpeggios',
  'chord_progressions',
  'rhythm',
  'sight_reading',
] as const satisfies readonly SkillType[];
export type GeneratedSkillType = (typeof GENERATED_SKILL_TYPES)[number];

export type ScaleSubtype = keyof (typeof EXERCISE_TYPES)['scales'];
export type ArpeggioSubtype = keyof (typeof EXERCISE_TYPES)['arpeggios'];
export type ProgressionSubtype = keyof (typeof EXERCISE_TYPES)['chord_progressions'];
export type RhythmSubtype = keyof (typeof EXERCISE_TYPES)['rhythm'];
export type SightReadingSubtype = keyof (typeof EXERCISE_TYPES)['sight_reading'];

/** Other names the API and CLI accept for a skill type (the spec's request comment says "chords"). */
const SKILL_ALIASES: Readonly<Record<string, SkillType>> = {
  scale: 'scales',
  arpeggio: 'arpeggios',
  chords: 'chord_progressions',
  chord: 'chord_progressions',
  progressions: 'chord_progressions',
  progression: 'chord_progressions',
  sight: 'sight_reading',
  sightreading: 'sight_reading',
  ear: 'ear_training',
};

const normalise = (text: string): string =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** The skill type a user typed ("Sight reading", "chords", "scales"), or undefined. */
export function findSkillType(text: string): SkillType | undefined {
  const t = normalise(text);
  if (t in EXERCISE_TYPES) return t as SkillType;
  return SKILL_ALIASES[t] ?? SKILL_ALIASES[t.replace(/_/g, '')];
}

/** Subtype names of a skill type, as the catalogue lists them. */
export const subtypesOf = (skill: SkillType): string[] => Object.keys(EXERCISE_TYPES[skill]);

/** Extra spellings for subtypes ("harmonic minor", "dom7", "eighths"); a word may name one per skill type. */
const SUBTYPE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  minor: ['minor_natural', 'minor_triad'],
  natural_minor: ['minor_natural'],
  harmonic_minor: ['minor_harmonic'],
  melodic_minor: ['minor_melodic'],
  major: ['major_triad'],
  dominant_seventh: ['dominant_7th'],
  dom7: ['dominant_7th'],
  diminished_7th: ['diminished'],
  diminished_seventh: ['diminished'],
  circle: ['circle_of_fifths'],
  quarters: ['quarter_notes'],
  eighths: ['eighth_notes'],
  dotted: ['dotted_rhythms'],
  stepwise: ['stepwise_motion'],
  intervals: ['interval_jumps'],
  leaps: ['interval_jumps'],
  key_signatures: ['key_signature_reading'],
  rhythm: ['rhythm_reading'],
};

/** A resolved subtype: a catalogue name, or for scales one of the 32 scales of `@cadenza/core`. */
export interface ResolvedSubtype {
  readonly name: string;
  /** Set when the subtype is a catalogue scale rather than one of the named scale subtypes. */
  readonly scale?: ScaleType;
}

/**
 * Reads a subtype for a skill type, forgiving case, spaces and dashes; `undefined` when it is not one.
 * Scales accept the catalogue's five names and any of the 32 scales (by id, name or alias).
 */
export function findSubtype(skill: SkillType, text: string): ResolvedSubtype | undefined {
  const names = subtypesOf(skill);
  const raw = text.trim();
  const exact = names.find((n) => n.toLowerCase() === normalise(raw).toLowerCase());
  if (exact) return { name: exact };
  const alias = SUBTYPE_ALIASES[normalise(raw).toLowerCase()]?.find((a) => names.includes(a));
  if (alias) return { name: alias };
  const loose = names.find((n) => n.toLowerCase().replace(/_/g, '') === raw.toLowerCase().replace(/\W/g, ''));
  if (loose) return { name: loose };
  if (skill === 'scales') {
    try {
      const scale = findScaleType(raw);
      return { name: scale.id, scale };
    } catch (error) {
      if (!(error instanceof MusicError)) throw error;
    }
  }
  return undefined;
}

/** Every scale subtype the generator accepts: the five named ones and the 32 catalogue ids. */
export function scaleSubtypeNames(): string[] {
  return [...subtypesOf('scales'), ...SCALE_TYPES.map((s) => s.id)];
}

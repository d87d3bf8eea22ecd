import type { ExerciseBody } from '../../api/exercises.js';

/**
 * The Practice page's request form: what the musician picks (type, subtype, difficulty, key, bars,
 * tempo, count-in, metronome) and the POST /exercises/generate body it becomes. Pure: no DOM, so it is
 * tested without a browser.
 */

export interface Choice {
  readonly id: string;
  readonly label: string;
}

export interface SkillChoice extends Choice {
  readonly subtypes: readonly Choice[];
}

/** The generated exercise types and their subtypes (ear training has its own page). */
export const SKILL_CHOICES: readonly SkillChoice[] = [
  {
    id: 'scales',
    label: 'Scales',
    subtypes: [
      { id: 'major', label: 'Major' },
      { id: 'minor_natural', label: 'Natural minor' },
      { id: 'minor_harmonic', label: 'Harmonic minor' },
      { id: 'minor_melodic', label: 'Melodic minor' },
      { id: 'chromatic', label: 'Chromatic' },
      { id: 'dorian', label: 'Dorian' },
      { id: 'mixolydian', label: 'Mixolydian' },
      { id: 'blues', label: 'Blues' },
      { id: 'major pentatonic', label: 'Major pentatonic' },
      { id: 'minor pentatonic', label: 'Minor pentatonic' },
    ],
  },
  {
    id: 'arpeggios',
    label: 'Arpeggios',
    subtypes: [
      { id: 'major_triad', label: 'Major triad' },
      { id: 'minor_triad', label: 'Minor triad' },
      { id: 'dominant_7th', label: 'Dominant 7th' },
      { id: 'diminished', label: 'Diminished' },
    ],
  },
  {
    id: 'chord_progressions',
    label: 'Chord progressions',
    subtypes: [
      { id: 'I_IV_V_I', label: 'I–IV–V–I' },
      { id: 'ii_V_I', label: 'ii–V–I' },
      { id: 'I_vi_IV_V', label: 'I–vi–IV–V' },
      { id: 'circle_of_fifths', label: 'Circle of fifths' },
    ],
  },
  {
    id: 'rhythm',
    label: 'Rhythm',
    subtypes: [
      { id: 'quarter_notes', label: 'Quarter notes' },
      { id: 'eighth_notes', label: 'Eighth notes' },
      { id: 'triplets', label: 'Triplets' },
      { id: 'syncopation', label: 'Syncopation' },
      { id: 'dotted_rhythms', label: 'Dotted rhythms' },
    ],
  },
  {
    id: 'sight_reading',
    label: 'Sight reading',
    subtypes: [
      { id: 'stepwise_motion', label: 'Stepwise motion' },
      { id: 'interval_jumps', label: 'Interval jumps' },
      { id: 'key_signature_reading', label: 'Key-signature reading' },
      { id: 'rhythm_reading', label: 'Rhythm reading' },
    ],
  },
];

/** Keys offered ('' lets the difficulty choose); the subtype decides major or minor for scales. */
export const KEY_CHOICES: readonly Choice[] = [
  { id: '', label: 'Any (the difficulty chooses)' },
  ...['C', 'G', 'D', 'A', 'E', 'B', 'F#', 'Db', 'Ab', 'Eb', 'Bb', 'F'].map((tonic) => ({
    id: tonic,
    label: `${tonic.replace('b', '♭').replace('#', '♯')} major`,
  })),
  ...['A', 'E', 'B', 'F#', 'C#', 'G#', 'Eb', 'Bb', 'F', 'C', 'G', 'D'].map((tonic) => ({
    id: `${tonic}m`,
    label: `${tonic.replace('b', '♭').replace('#', '♯')} minor`,
  })),
];

export interface ExerciseForm {
  readonly skillType: string;
  readonly subtype: string;
  /** 1–10. */
  readonly difficulty: number;
  /** A KEY_CHOICES id. */
  readonly key: string;
  /** Empty: the exercise's natural length. */
  readonly bars: string;
  /** Empty: the difficulty's tempo. */
  readonly tempo: string;
  readonly countIn: boolean;
  readonly metronome: boolean;
}

export const DEFAULT_EXERCISE_FORM: ExerciseForm = {
  skillType: 'scales',
  subtype: 'major',
  difficulty: 3,
  key: 'C',
  bars: '',
  tempo: '',
  countIn: true,
  metronome: false,
};

export type ExerciseFormField = 'bars' | 'tempo';
export type ExerciseFormErrors = Partial<Record<ExerciseFormField, string>>;

/** The subtypes of a skill type (none for an unknown one). */
export function subtypesOf(skillType: string): readonly Choice[] {
  return SKILL_CHOICES.find((skill) => skill.id === skillType)?.subtypes ?? [];
}

/** The form after choosing another skill type: its first subtype goes with it. */
export function withSkillType(form: ExerciseForm, skillType: string): ExerciseForm {
  return { ...form, skillType, subtype: subtypesOf(skillType)[0]?.id ?? '' };
}

/** A whole number in [min, max] from text, or a sentence saying what is wrong. */
function wholeNumber(text: string, what: string, min: number, max: number): number | string {
  const value = Number(text.trim());
  if (!Number.isInteger(value)) return `${what} must be a whole number`;
  if (value < min || value > max) return `${what} must be between ${min} and ${max}`;
  return value;
}

/** The request body, or what is wrong with the bars and tempo as typed. */
export function buildExerciseBody(
  form: ExerciseForm,
): { readonly body: ExerciseBody } | { readonly errors: ExerciseFormErrors } {
  const errors: { -readonly [K in ExerciseFormField]?: string } = {};
  const bars = form.bars.trim() === '' ? undefined : wholeNumber(form.bars, 'Bars', 1, 128);
  const tempo = form.tempo.trim() === '' ? undefined : wholeNumber(form.tempo, 'Tempo', 20, 300);
  if (typeof bars === 'string') errors.bars = bars;
  if (typeof tempo === 'string') errors.tempo = tempo;
  if (typeof bars === 'string' || typeof tempo === 'string') return { errors };
  const difficulty = Math.min(10, Math.max(1, Math.round(form.difficulty)));
  return {
    body: {
      skill_type: form.skillType,
      ...(form.subtype ? { subtype: form.subtype } : {}),
      difficulty,
      ...(form.key ? { key_signature: form.key } : {}),
      ...(bars === undefined ? {} : { duration_bars: bars }),
      ...(tempo === undefined ? {} : { tempo }),
      include_sheet_music: true,
      count_in: form.countIn,
      metronome: form.metronome,
    },
  };
}

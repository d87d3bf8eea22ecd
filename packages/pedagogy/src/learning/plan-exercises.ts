import { createRng } from '@cadenza/core';
import { EXERCISE_TYPES, type SkillType } from '../exercises/exercise-catalogue.js';
import type { ExerciseFields } from '../exercises/exercise-request.js';
import type { LearningGenre, PlanEarTrainingRequest, PlanExerciseRequest, Skill } from './learning-types.js';

/**
 * The whole-number difficulty the generators take for a skill level (1–10 in half steps). A whole level is
 * itself; a half level alternates between its two neighbours by `turn` (even → the lower, odd → the upper),
 * so a skill at 4.5 is practised at 4 and 5 in turn and averages 4.5 — a half step the student really
 * feels, not one rounded away. Other fractions round to the nearest whole number.
 */
export function generatorDifficulty(level: number, turn = 0): number {
  const half = Math.abs(level - Math.floor(level) - 0.5) < 1e-9;
  const whole = half ? Math.floor(level) + (Math.abs(turn) % 2) : Math.round(level);
  return Math.min(10, Math.max(1, whole));
}

type Pool = readonly (readonly [minLevel: number, subtype: string])[];

/** Subtypes by the level they are introduced at (the difficulty model grows the rest). */
const SUBTYPES: Readonly<Record<PlanExerciseRequest['skill_type'], Pool>> = {
  scales: [
    [1, 'major'],
    [3, 'minor_natural'],
    [3, 'minor_harmonic'],
    [5, 'minor_melodic'],
    [5, 'chromatic'],
  ],
  arpeggios: [
    [1, 'major_triad'],
    [2, 'minor_triad'],
    [5, 'dominant_7th'],
    [6, 'diminished'],
  ],
  chord_progressions: [
    [1, 'I_IV_V_I'],
    [2, 'I_vi_IV_V'],
    [4, 'ii_V_I'],
    [6, 'circle_of_fifths'],
  ],
  rhythm: [
    [1, 'quarter_notes'],
    [2, 'eighth_notes'],
    [4, 'dotted_rhythms'],
    [4, 'syncopation'],
    [6, 'triplets'],
  ],
  sight_reading: [
    [1, 'stepwise_motion'],
    [3, 'interval_jumps'],
    [3, 'rhythm_reading'],
    [4, 'key_signature_reading'],
  ],
};

/** Genre colours for scales and progressions: a preferred genre adds its own material from a level. */
const GENRE_SUBTYPES: Readonly<
  Partial<Record<LearningGenre, readonly (readonly [PlanExerciseRequest['skill_type'], number, string])[]>>
> = {
  blues: [['scales', 3, 'blues']],
  jazz: [
    ['scales', 5, 'dorian'],
    ['chord_progressions', 3, 'ii_V_I'],
  ],
  neosoul: [['scales', 5, 'dorian']],
  gospel: [
    ['scales', 2, 'major-pentatonic'],
    ['chord_progressions', 2, 'I_vi_IV_V'],
  ],
  pop: [['chord_progressions', 2, 'I_vi_IV_V']],
  folk: [['scales', 2, 'major-pentatonic']],
};

/** The subtypes a type may use at a difficulty, genre material first. */
export function subtypesFor(
  type: PlanExerciseRequest['skill_type'],
  difficulty: number,
  genres: readonly LearningGenre[],
): string[] {
  const fromGenres = genres.flatMap((g) =>
    (GENRE_SUBTYPES[g] ?? []).filter(([t, min]) => t === type && difficulty >= min).map(([, , s]) => s),
  );
  const plain = SUBTYPES[type].filter(([min]) => difficulty >= min).map(([, s]) => s);
  return [...new Set([...fromGenres, ...plain])];
}

const TECHNIQUE_TYPES = ['scales', 'arpeggios', 'chord_progressions'] as const;

const TYPE_WORDS: Readonly<Record<PlanExerciseRequest['skill_type'], string>> = {
  scales: 'Scales',
  arpeggios: 'Arpeggios',
  chord_progressions: 'Chord progression',
  rhythm: 'Rhythm',
  sight_reading: 'Sight reading',
};

const subtypeWords = (type: SkillType, subtype: string): string => {
  const described = (EXERCISE_TYPES[type] as Readonly<Record<string, string>>)[subtype];
  const name = subtype.replace(/_/g, ' ').replace(/-/g, ' ');
  if (type === 'chord_progressions') return subtype.replace(/_/g, '–');
  return described ? name : `${name} scale`;
};

export interface ExerciseChoice {
  readonly title: string;
  readonly difficulty: number;
  readonly exercise?: PlanExerciseRequest;
  readonly earTraining?: PlanEarTrainingRequest;
}

const EAR_TYPES: readonly (readonly [number, PlanEarTrainingRequest['type']])[] = [
  [1, 'interval_recognition'],
  [1, 'chord_quality'],
  [2, 'rhythm_dictation'],
  [3, 'melodic_dictation'],
];

const EAR_WORDS: Readonly<Record<PlanEarTrainingRequest['type'], string>> = {
  interval_recognition: 'Ear training: intervals',
  chord_quality: 'Ear training: chord qualities',
  melodic_dictation: 'Ear training: melodic dictation',
  rhythm_dictation: 'Ear training: rhythm dictation',
};

/**
 * The concrete work for one item of a played or heard skill at its level: technique rotates scales,
 * arpeggios and progressions; rhythm and sight reading use their exercises; pitch accuracy is a slow
 * reading line (play every note right); ear training a quiz set of about two questions a minute.
 * `turn` counts the skill's items so far in the plan (so a week varies); `seed` makes the choice and
 * is the exercise's seed. Music theory and songs are chosen elsewhere.
 */
export function chooseExercise(
  skill: Exclude<Skill, 'music_theory'>,
  level: number,
  options: {
    readonly turn: number;
    readonly seed: number;
    readonly minutes: number;
    readonly genres: readonly LearningGenre[];
  },
): ExerciseChoice {
  if (skill === 'ear_training') {
    // the type cycles with `turn`; the half-level alternation shifts every cycle of four so that no
    // type is always heard at the lower difficulty
    const difficulty = generatorDifficulty(level, options.turn + Math.floor(options.turn / EAR_TYPES.length));
    const types = earTypesAt(difficulty);
    const type = types[options.turn % types.length] ?? 'interval_recognition';
    const count = Math.min(30, Math.max(4, options.minutes * 2));
    return earTrainingChoice({ type, difficulty, count, seed: options.seed });
  }
  const type: PlanExerciseRequest['skill_type'] =
    skill === 'technique'
      ? (TECHNIQUE_TYPES[options.turn % TECHNIQUE_TYPES.length] ?? 'scales')
      : skill === 'rhythm_accuracy'
        ? 'rhythm'
        : 'sight_reading';
  return exerciseOfType(skill, type, generatorDifficulty(level, options.turn), {
    seed: options.seed,
    genres: options.genres,
  });
}

/** The ear-training quiz types open at a whole difficulty (melodic dictation from 3, rhythm from 2). */
export const earTypesAt = (difficulty: number): PlanEarTrainingRequest['type'][] =>
  EAR_TYPES.filter(([min]) => difficulty >= min).map(([, t]) => t);

/** An ear-training item's title and request. */
export const earTrainingChoice = (request: PlanEarTrainingRequest): ExerciseChoice => ({
  title: EAR_WORDS[request.type],
  difficulty: request.difficulty,
  earTraining: request,
});

/** The subtypes a played skill's exercise of `type` may use at a whole difficulty (pitch accuracy: reading lines). */
export function exerciseSubtypes(
  skill: Exclude<Skill, 'music_theory' | 'ear_training'>,
  type: PlanExerciseRequest['skill_type'],
  difficulty: number,
  genres: readonly LearningGenre[],
): string[] {
  return skill === 'pitch_accuracy'
    ? subtypesFor('sight_reading', difficulty, []).filter(
        (s) => s === 'stepwise_motion' || s === 'interval_jumps',
      )
    : subtypesFor(type, difficulty, genres);
}

/**
 * A played skill's exercise of `type` at a whole difficulty: `subtype` when it is open at that difficulty,
 * otherwise one drawn (by `seed`) from the subtypes that are; the seed is the exercise's seed.
 */
export function exerciseOfType(
  skill: Exclude<Skill, 'music_theory' | 'ear_training'>,
  type: PlanExerciseRequest['skill_type'],
  difficulty: number,
  options: { readonly seed: number; readonly genres: readonly LearningGenre[]; readonly subtype?: string },
): ExerciseChoice {
  const pool = exerciseSubtypes(skill, type, difficulty, options.genres);
  const subtype =
    options.subtype !== undefined && pool.includes(options.subtype)
      ? options.subtype
      : createRng(options.seed).pick(pool);
  const words = subtypeWords(type, subtype);
  const title =
    skill === 'pitch_accuracy'
      ? `Pitch accuracy: play every note of a ${words} line`
      : `${TYPE_WORDS[type]}: ${words}`;
  return { title, difficulty, exercise: { skill_type: type, subtype, difficulty, seed: options.seed } };
}

/** A plan's exercise request as the generator's fields (`generateExercise(exerciseFieldsOf(item.exercise))`). */
export function exerciseFieldsOf(request: PlanExerciseRequest): ExerciseFields {
  return {
    skillType: request.skill_type,
    difficulty: request.difficulty,
    seed: request.seed,
    ...(request.subtype !== undefined ? { subtype: request.subtype } : {}),
    ...(request.key_signature !== undefined ? { keySignature: request.key_signature } : {}),
    ...(request.duration_bars !== undefined ? { durationBars: request.duration_bars } : {}),
    ...(request.tempo !== undefined ? { tempo: request.tempo } : {}),
    ...(request.time_signature !== undefined ? { timeSignature: request.time_signature } : {}),
    ...(request.special_focus !== undefined ? { specialFocus: request.special_focus } : {}),
  };
}

import {
  bpm,
  createRng,
  createScore,
  measureLength,
  mul,
  rat,
  toNumber,
  ZERO,
  type PartInit,
  type Rng,
  type Score,
} from '@cadenza/core';
import {
  ARPEGGIO_LEVELS,
  levelRow,
  PROGRESSION_LEVELS,
  RHYTHM_LEVELS,
  SCALE_LEVELS,
  SIGHT_READING_LEVELS,
} from './difficulty-model.js';
import type { GeneratedSkillType } from './exercise-catalogue.js';
import { resolveExerciseRequest, type ExerciseFields, type ExerciseRequest } from './exercise-request.js';
import type { Exercise } from './exercise-types.js';
import type { ExerciseBody, StaffLayout } from './hand-layout.js';
import { arpeggioExercise } from './arpeggio-exercise.js';
import { practiceTips } from './practice-tips.js';
import { progressionExercise } from './progression-exercise.js';
import { rhythmExercise } from './rhythm-exercise.js';
import { scaleExercise } from './scale-exercise.js';
import { sightReadingExercise } from './sight-reading-exercise.js';

const GENERATORS: Readonly<Record<GeneratedSkillType, (request: ExerciseRequest, rng: Rng) => ExerciseBody>> =
  {
    scales: scaleExercise,
    arpeggios: arpeggioExercise,
    chord_progressions: progressionExercise,
    rhythm: rhythmExercise,
    sight_reading: sightReadingExercise,
  };

/** The difficulty model's tempo for a type and level (quarter notes per minute). */
export function defaultTempo(skill: GeneratedSkillType, level: number): number {
  switch (skill) {
    case 'scales':
      return levelRow(SCALE_LEVELS, level).tempo;
    case 'arpeggios':
      return levelRow(ARPEGGIO_LEVELS, level).tempo;
    case 'chord_progressions':
      return levelRow(PROGRESSION_LEVELS, level).tempo;
    case 'rhythm':
      return levelRow(RHYTHM_LEVELS, level).tempo;
    case 'sight_reading':
      return levelRow(SIGHT_READING_LEVELS, level).tempo;
  }
}

function partFor(layout: StaffLayout, body: ExerciseBody): PartInit {
  const notes = body.laid.notes;
  if (layout === 'percussion') {
    return { id: 'P1', name: 'Percussion', staves: 1, clefs: ['percussion'], notes };
  }
  if (layout === 'treble') return { id: 'P1', name: 'Piano', staves: 1, clefs: ['treble'], notes };
  return { id: 'P1', name: 'Piano', staves: 2, clefs: ['treble', 'bass'], notes };
}

/** Seconds an exercise lasts at a tempo: bars × quarter notes per bar × 60 / tempo, count-in included. */
export function estimateSeconds(
  bars: number,
  barQuarters: number,
  tempo: number,
  countInBars: number,
): number {
  return Math.ceil(((bars + countInBars) * barQuarters * 60) / tempo - 1e-9);
}

/**
 * Generates a practice exercise: a pure function of the request fields and the seed (`fields.seed`,
 * default 1), so the same request always gives the same exercise. Bad fields throw `RequestFieldError`
 * naming the field (`difficulty`, `skill_type`, `subtype`, `key_signature`, `duration_bars`, `tempo`, …).
 */
export function generateExercise(fields: ExerciseFields): Exercise {
  return generateFromRequest(resolveExerciseRequest(fields));
}

/** The same, from a request already resolved. */
export function generateFromRequest(request: ExerciseRequest): Exercise {
  const rng = createRng(request.seed);
  const body = GENERATORS[request.skill](request, rng);
  const tempo = request.tempo ?? defaultTempo(request.skill, request.difficulty);
  const measure = measureLength(body.timeSignature);
  const onSecondStaff = body.laid.notes.some((n) => n.staff === 2);
  const layout: StaffLayout = onSecondStaff ? 'piano' : (body.layout ?? 'treble');
  const subtype = request.subtype.name;
  const score: Score = createScore({
    metadata: {
      title: body.title,
      source: `cadenza exercise ${request.skill}/${subtype}, difficulty ${request.difficulty}, seed ${request.seed}`,
    },
    parts: [partFor(layout === 'piano' || !onSecondStaff ? layout : 'piano', body)],
    meters: [{ position: ZERO, timeSignature: body.timeSignature }],
    keys: [{ position: ZERO, key: body.key }],
    tempos: [{ position: ZERO, bpm: bpm(tempo) }],
    end: mul(rat(body.laid.bars), measure),
  });
  const countInBars = request.countIn ? 1 : 0;
  return {
    skillType: request.skill,
    subtype,
    difficulty: request.difficulty,
    key: body.key,
    timeSignature: body.timeSignature,
    tempo,
    bars: body.laid.bars,
    score,
    title: body.title,
    description: body.description,
    estimatedDuration: estimateSeconds(body.laid.bars, toNumber(measure), tempo, countInBars),
    countInBars,
    practiceTips: practiceTips(request.skill, subtype, request.difficulty, withFingering(body), tempo),
    ...(body.laid.fingering.length > 0 ? { fingering: body.laid.fingering } : {}),
    ...(body.chords ? { chords: body.chords } : {}),
    ...(body.rhythm ? { rhythm: body.rhythm } : {}),
    seed: request.seed,
  };
}

const withFingering = (body: ExerciseBody): ExerciseBody =>
  body.laid.fingering.length > 0 ? { ...body, fingering: body.laid.fingering } : body;

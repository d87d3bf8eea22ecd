import { describe, expect, it } from 'vitest';
import {
  EXERCISE_TYPES,
  exerciseMidiNotes,
  findSubtype,
  generateExercise,
  RequestFieldError,
  resolveExerciseRequest,
  SKILL_TYPES,
  subtypesOf,
  type ExerciseFields,
} from '../src/index.js';
import { writeMidi } from '@cadenza/formats';

const fieldOf = (fields: ExerciseFields): string | undefined => {
  try {
    generateExercise(fields);
  } catch (error) {
    if (error instanceof RequestFieldError) return error.field;
    throw error;
  }
  return undefined;
};

describe('exercise requests', () => {
  it.each([
    [{ skillType: 'scales', difficulty: 0 }, 'difficulty'],
    [{ skillType: 'scales', difficulty: 11 }, 'difficulty'],
    [{ skillType: 'scales', difficulty: 2.5 }, 'difficulty'],
    [{ skillType: 'juggling' }, 'skill_type'],
    [{ skillType: 'ear_training' }, 'skill_type'],
    [{ skillType: 'scales', subtype: 'triplets' }, 'subtype'],
    [{ skillType: 'arpeggios', subtype: 'augmented_sixth' }, 'subtype'],
    [{ skillType: 'scales', keySignature: 'H major' }, 'key_signature'],
    [{ skillType: 'scales', keySignature: 'C lydianish' }, 'key_signature'],
    [{ skillType: 'scales', subtype: 'minor_harmonic', keySignature: 'Db' }, 'key_signature'],
    [{ skillType: 'scales', durationBars: 0 }, 'duration_bars'],
    [{ skillType: 'scales', durationBars: -3 }, 'duration_bars'],
    [{ skillType: 'scales', tempo: 0 }, 'tempo'],
    [{ skillType: 'scales', tempo: -60 }, 'tempo'],
    [{ skillType: 'rhythm', timeSignature: '5/5' }, 'time_signature'],
    [{ skillType: 'arpeggios', inversion: 4 }, 'inversion'],
    [{ skillType: 'scales', seed: -1 }, 'seed'],
    [{ skillType: 'chords', subtype: 'circle_of_fifths', difficulty: 1, durationBars: 2 }, 'duration_bars'],
  ] as [ExerciseFields, string][])('%o is refused, naming %s', (fields, field) => {
    expect(fieldOf(fields)).toBe(field);
  });

  it('names the field in the message a musician reads', () => {
    expect(() => generateExercise({ skillType: 'scales', difficulty: 11 })).toThrow(
      'difficulty: must be a whole number from 1 to 10, got 11',
    );
  });

  it('is reproducible: the same request and seed give the same exercise, another seed another', () => {
    for (const skillType of ['scales', 'arpeggios', 'chords', 'rhythm', 'sight_reading']) {
      const a = generateExercise({ skillType, difficulty: 6, seed: 42 });
      const b = generateExercise({ skillType, difficulty: 6, seed: 42 });
      expect(b).toEqual(a);
      expect(writeMidi(b.score)).toEqual(writeMidi(a.score));
    }
    const r1 = generateExercise({ skillType: 'sight_reading', difficulty: 6, seed: 1 });
    const r2 = generateExercise({ skillType: 'sight_reading', difficulty: 6, seed: 2 });
    expect(r2.score.parts[0]?.notes).not.toEqual(r1.score.parts[0]?.notes);
  });

  it('estimates the duration from bars, meter and tempo, plus a count-in bar', () => {
    const e = generateExercise({
      skillType: 'scales',
      subtype: 'major',
      keySignature: 'C',
      difficulty: 1,
      tempo: 80,
    });
    // 8 bars of 4/4 at 80 = 24 s.
    expect(e.bars).toBe(8);
    expect(e.estimatedDuration).toBe(24);
    const counted = generateExercise({
      skillType: 'scales',
      keySignature: 'C',
      difficulty: 1,
      tempo: 80,
      countIn: true,
    });
    expect(counted.estimatedDuration).toBe(27);
    expect(counted.countInBars).toBe(1);
    const waltz = generateExercise({ skillType: 'rhythm', timeSignature: '3/4', durationBars: 5, tempo: 90 });
    expect(waltz.estimatedDuration).toBe(10);
  });

  it('gives MIDI notes with timing in seconds', () => {
    const e = generateExercise({
      skillType: 'scales',
      subtype: 'major',
      keySignature: 'C',
      difficulty: 1,
      tempo: 120,
    });
    const notes = exerciseMidiNotes(e);
    expect(notes.slice(0, 3)).toEqual([
      { midi: 60, start: 0, duration: 0.5, staff: 1 },
      { midi: 62, start: 0.5, duration: 0.5, staff: 1 },
      { midi: 64, start: 1, duration: 0.5, staff: 1 },
    ]);
  });

  it('lists every type and subtype of the spec, and reads everyday names for them', () => {
    expect(SKILL_TYPES).toEqual([
      'scales',
      'arpeggios',
      'chord_progressions',
      'rhythm',
      'sight_reading',
      'ear_training',
    ]);
    expect(subtypesOf('ear_training')).toEqual(Object.keys(EXERCISE_TYPES.ear_training));
    expect(findSubtype('scales', 'harmonic minor')?.name).toBe('minor_harmonic');
    expect(findSubtype('scales', 'Bebop Dominant')?.name).toBe('bebop-dominant');
    expect(findSubtype('arpeggios', 'minor')?.name).toBe('minor_triad');
    expect(findSubtype('chord_progressions', 'ii-V-I')?.name).toBe('ii_V_I');
    expect(findSubtype('chord_progressions', 'I-vi-IV-V')?.name).toBe('I_vi_IV_V');
    expect(resolveExerciseRequest({ skillType: 'rhythm', specialFocus: 'triplets' }).subtype.name).toBe(
      'triplets',
    );
    expect(resolveExerciseRequest({ skillType: 'scales', keySignature: 'Am' }).subtype.name).toBe(
      'minor_harmonic',
    );
  });

  it('generates every subtype of every generated type at every level', () => {
    for (const skillType of SKILL_TYPES.filter((s) => s !== 'ear_training')) {
      for (const subtype of subtypesOf(skillType)) {
        for (let difficulty = 1; difficulty <= 10; difficulty++) {
          const e = generateExercise({ skillType, subtype, difficulty, seed: difficulty });
          expect(e.score.parts[0]?.notes.length).toBeGreaterThan(0);
          expect(e.practiceTips.length).toBeGreaterThanOrEqual(3);
          expect(e.title.length).toBeGreaterThan(0);
        }
      }
    }
  });

  it('writes practice tips for the type and the level', () => {
    const easy = generateExercise({
      skillType: 'scales',
      subtype: 'minor_harmonic',
      keySignature: 'A',
      difficulty: 1,
    });
    const hard = generateExercise({
      skillType: 'scales',
      subtype: 'minor_harmonic',
      keySignature: 'A',
      difficulty: 9,
    });
    expect(easy.practiceTips).not.toEqual(hard.practiceTips);
    expect(easy.practiceTips.some((t) => t.includes('augmented second'))).toBe(true);
    expect(hard.practiceTips.some((t) => t.includes('Hands together'))).toBe(true);
  });

  it('lets the special focus choose the hands', () => {
    const e = generateExercise({
      skillType: 'scales',
      keySignature: 'C',
      difficulty: 9,
      specialFocus: 'left hand only',
    });
    expect(e.score.parts[0]?.notes.every((n) => n.staff === 2)).toBe(true);
  });
});

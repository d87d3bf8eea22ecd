import { ExerciseGenerateRequest, type ExerciseResponse } from '@cadenza/contracts';
import type { PlayedNote } from '@cadenza/pedagogy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  gradeExerciseAttempt,
  generatePracticeExercise,
  openBlobStore,
  spellInKey,
  storeExercise,
  type BlobStore,
} from '../src/index.js';
import { openTestDatabase, type TestDatabase } from './fixtures/test-databases.js';

// Grading a take against a stored exercise: the expected notes keep their written spelling (a chromatic
// scale's sharps up and flats down), played notes are spelled in the key, verdicts use the API's words.

describe('spellInKey', () => {
  it.each([
    [70, { fifths: -2, minor: false }, 'Bb4'],
    [70, { fifths: 4, minor: false }, 'A#4'],
    [66, { fifths: -6, minor: false }, 'Gb4'],
    [68, { fifths: 0, minor: true }, 'G#4'],
    [61, { fifths: -4, minor: false }, 'Db4'],
    [40, { fifths: 0, minor: false }, 'E2'],
  ])('MIDI %i in %o is %s', (midi, key, name) => {
    expect(spellInKey(midi, key)).toBe(name);
  });
});

describe('gradeExerciseAttempt', () => {
  let t: TestDatabase;
  let blobs: BlobStore;
  let chromatic: ExerciseResponse;
  beforeAll(async () => {
    t = await openTestDatabase('sqlite', 'practice_attempt');
    blobs = openBlobStore({ blobStore: 'disk', dataDir: t.dir }, t.database);
    const body = ExerciseGenerateRequest.parse({
      skill_type: 'scales',
      subtype: 'chromatic',
      key_signature: 'C',
      difficulty: 1,
      tempo: 60,
      seed: 1,
      special_focus: 'right hand',
    });
    chromatic = (await storeExercise(blobs, generatePracticeExercise(body))).response;
  });
  afterAll(() => t.cleanup());

  /** The exercise as played, 1 s into the take, note `wrong` a half step sharp and note `missing` left out. */
  const take = (wrong = -1, missing = -1): PlayedNote[] =>
    chromatic.midi_notes.flatMap((n, i) =>
      i === missing
        ? []
        : [
            {
              onset: 1 + n.start,
              offset: 1 + n.start + 0.8,
              midi: n.midi + (i === wrong ? 1 : 0),
              velocity: 90,
            },
          ],
    );

  it('names the expected notes as written: sharps going up, flats coming down', async () => {
    const graded = await gradeExerciseAttempt(blobs, chromatic.exercise_id, { kind: 'notes', notes: take() });
    const names = graded?.report.notes.map((n) => n.expected.name);
    expect(names?.slice(0, 4)).toEqual(['C4', 'C#4', 'D4', 'D#4']);
    expect(names?.slice(13, 17)).toEqual(['B4', 'Bb4', 'A4', 'Ab4']);
    expect(graded?.report.score).toBe(100);
    expect(graded?.report.tempo_expected).toBe(60);
    expect(graded?.report.tolerance_ms).toBe(100);
    expect(graded?.source).toBe('midi-keyboard');
  });

  it("gives the API's verdict words and spells the pitch played in the key", async () => {
    const graded = await gradeExerciseAttempt(blobs, chromatic.exercise_id, {
      kind: 'notes',
      notes: take(2, 20),
      fromFile: true,
    });
    const report = graded?.report;
    expect(report?.notes[2]).toMatchObject({ verdict: 'wrong_pitch', played_midi: 63, played_name: 'Eb4' });
    expect(report?.notes[20]).toEqual({
      index: 20,
      expected: { midi: 64, name: 'E4', start: 20, duration: 1 },
      verdict: 'missed',
    });
    expect(report?.counts).toEqual({ correct: 23, wrong_pitch: 1, early: 0, late: 0, missed: 1, extra: 0 });
    expect(graded?.source).toBe('midi-file');
  });

  it('is undefined for an id that is no exercise', async () => {
    expect(await gradeExerciseAttempt(blobs, 'A'.repeat(22), { kind: 'notes', notes: [] })).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import type { PracticeNoteResult, PracticeVerdict } from '../src/api/practice-attempts.js';
import {
  describeNote,
  matchScoreNotes,
  noteMarks,
  percent,
  scoreNotesFromTimemap,
  tempoText,
  timingText,
  VERDICT_STYLES,
  verdictClass,
} from '../src/pages/practice/attempt-marks.js';
import {
  buildExerciseBody,
  DEFAULT_EXERCISE_FORM,
  SKILL_CHOICES,
  withSkillType,
} from '../src/pages/practice/exercise-form-model.js';

const graded = (
  verdict: PracticeVerdict,
  name: string,
  midi: number,
  start: number,
  extra: Partial<PracticeNoteResult> = {},
): PracticeNoteResult => ({
  index: 0,
  expected: { midi, name, start, duration: 0.5 },
  verdict,
  ...extra,
});

describe('verdicts as colours, marks and words', () => {
  it.each([
    ['correct', 'green', '✓', 'Correct'],
    ['wrong_pitch', 'red', '✗', 'Wrong pitch'],
    ['missed', 'red', '✗', 'Missed'],
    ['early', 'amber', '±', 'Early'],
    ['late', 'amber', '±', 'Late'],
  ] as const)('%s is %s with %s', (verdict, tone, mark, label) => {
    expect(VERDICT_STYLES[verdict]).toEqual({ tone, mark, label });
    expect(verdictClass(verdict)).toBe(`practice-note--${verdict}`);
  });

  it.each([
    [-84.6, '85 ms early'],
    [120, '120 ms late'],
    [0.2, 'on time'],
    [undefined, ''],
  ])('a timing error of %s ms reads "%s"', (ms, text) => expect(timingText(ms)).toBe(text));

  it('describes each kind of note', () => {
    expect(describeNote(graded('correct', 'C4', 60, 0))).toBe('C4 ✓ correct');
    expect(describeNote(graded('wrong_pitch', 'E4', 64, 1, { played_name: 'F4' }))).toBe(
      'E4 ✗ wrong pitch: you played F4',
    );
    expect(describeNote(graded('missed', 'G4', 67, 2))).toBe('G4 ✗ missed');
    expect(describeNote(graded('early', 'F#4', 66, 2, { timing_error_ms: -90 }))).toBe('F#4 ± 90 ms early');
    expect(describeNote(graded('late', 'B3', 59, 2, { timing_error_ms: 140 }))).toBe('B3 ± 140 ms late');
  });

  it('says percentages and tempo plainly', () => {
    expect(percent(0.875)).toBe('88 %');
    expect(percent(1.2)).toBe('100 %');
    expect(tempoText(110, 100)).toBe('You played at 110 bpm; written 100 bpm (10 % fast).');
    expect(tempoText(90, 100)).toBe('You played at 90 bpm; written 100 bpm (10 % slow).');
    expect(tempoText(100.2, 100)).toBe('You played at 100 bpm; written 100 bpm (right on it).');
    expect(tempoText(null, 96)).toBe('Written at 96 bpm; too few notes to tell your tempo.');
  });
});

describe('graded notes on the engraved score', () => {
  // At 120 bpm a quarter note is 0.5 s. A C major chord in both hands, then E4 and D4.
  const expected = [
    { midi: 64, start: 0 },
    { midi: 48, start: 0 },
    { midi: 60, start: 0 },
    { midi: 64, start: 0.5 },
    { midi: 62, start: 1 },
  ];
  const timemap = [
    { tstamp: 0, qstamp: 0, on: ['rh-c', 'rh-e', 'lh-c'] },
    { tstamp: 500, qstamp: 1, on: ['e2'], off: ['rh-c', 'rh-e', 'lh-c'] },
    { tstamp: 1000, qstamp: 2, on: ['d'], off: ['e2'] },
    { tstamp: 1500, qstamp: 3, off: ['d'] },
  ];
  const pitches: Record<string, number> = { 'rh-c': 60, 'rh-e': 64, 'lh-c': 48, e2: 64, d: 62 };
  const scoreNotes = scoreNotesFromTimemap(timemap, (id) => pitches[id], 120);

  it('reads each note’s start in quarter notes and its pitch', () => {
    expect(scoreNotes).toEqual([
      { id: 'rh-c', quarters: 0, midi: 60 },
      { id: 'rh-e', quarters: 0, midi: 64 },
      { id: 'lh-c', quarters: 0, midi: 48 },
      { id: 'e2', quarters: 1, midi: 64 },
      { id: 'd', quarters: 2, midi: 62 },
    ]);
  });

  it('finds every expected note by position and pitch, whatever the order within a chord', () => {
    expect(matchScoreNotes(expected, 120, scoreNotes)).toEqual(['rh-e', 'lh-c', 'rh-c', 'e2', 'd']);
  });

  it('pairs what matches no position in order with the notes left (a tie, a rounding)', () => {
    const unpitched = scoreNotes.map((note) => ({ ...note, midi: undefined }));
    expect(matchScoreNotes(expected, 120, unpitched)).toEqual(['lh-c', 'rh-c', 'rh-e', 'e2', 'd']);
    expect(matchScoreNotes([...expected, { midi: 70, start: 9 }], 120, scoreNotes)[5]).toBeUndefined();
  });

  it('marks each note with its verdict’s class and words', () => {
    const marks = noteMarks(
      [
        graded('correct', 'E4', 64, 0),
        graded('correct', 'C3', 48, 0),
        graded('wrong_pitch', 'C4', 60, 0, { played_name: 'C#4' }),
        graded('late', 'E4', 64, 0.5, { timing_error_ms: 95 }),
        graded('missed', 'D4', 62, 1),
      ],
      120,
      scoreNotes,
    );
    expect(Object.fromEntries([...marks].map(([id, mark]) => [id, mark.className]))).toEqual({
      'rh-e': 'practice-note--correct',
      'lh-c': 'practice-note--correct',
      'rh-c': 'practice-note--wrong_pitch',
      e2: 'practice-note--late',
      d: 'practice-note--missed',
    });
    expect(marks.get('e2')?.title).toBe('E4 ± 95 ms late');
  });
});

describe('the exercise request form', () => {
  it('sends the default request: C major scale, difficulty 3, count-in on', () => {
    expect(buildExerciseBody(DEFAULT_EXERCISE_FORM)).toEqual({
      body: {
        skill_type: 'scales',
        subtype: 'major',
        difficulty: 3,
        key_signature: 'C',
        include_sheet_music: true,
        count_in: true,
        metronome: false,
      },
    });
  });

  it('sends bars and tempo when typed, and leaves the key to the difficulty when "any"', () => {
    const form = { ...withSkillType(DEFAULT_EXERCISE_FORM, 'rhythm'), key: '', bars: ' 4 ', tempo: '96' };
    expect(buildExerciseBody(form)).toEqual({
      body: {
        skill_type: 'rhythm',
        subtype: 'quarter_notes',
        difficulty: 3,
        duration_bars: 4,
        tempo: 96,
        include_sheet_music: true,
        count_in: true,
        metronome: false,
      },
    });
  });

  it.each([
    ['0', '', { bars: 'Bars must be between 1 and 128' }],
    ['2.5', '', { bars: 'Bars must be a whole number' }],
    ['', '400', { tempo: 'Tempo must be between 20 and 300' }],
    ['x', '10', { bars: 'Bars must be a whole number', tempo: 'Tempo must be between 20 and 300' }],
  ])('refuses bars "%s" and tempo "%s"', (bars, tempo, errors) => {
    expect(buildExerciseBody({ ...DEFAULT_EXERCISE_FORM, bars, tempo })).toEqual({ errors });
  });

  it('offers the five generated types, each with its subtypes, the first chosen with the type', () => {
    expect(SKILL_CHOICES.map((skill) => skill.id)).toEqual([
      'scales',
      'arpeggios',
      'chord_progressions',
      'rhythm',
      'sight_reading',
    ]);
    expect(withSkillType(DEFAULT_EXERCISE_FORM, 'chord_progressions').subtype).toBe('I_IV_V_I');
    expect(withSkillType(DEFAULT_EXERCISE_FORM, 'arpeggios').subtype).toBe('major_triad');
  });
});

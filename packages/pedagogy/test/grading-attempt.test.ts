import { describe, expect, it } from 'vitest';
import { expectedNotesFromScore, gradeAttempt, type AttemptGrade, type PlayedNote } from '../src/index.js';
import { chordScore, melodyScore, scaleScore, take } from './grading-helpers.js';

const verdicts = (grade: AttemptGrade) => grade.notes.map((n) => n.verdict);
const allCorrect = (count: number) => Array.from({ length: count }, () => 'correct');

describe('gradeAttempt: tempo and start are the player’s own', () => {
  const expected = expectedNotesFromScore(scaleScore('D', 62, 100));

  it('a perfect take is all correct at the written tempo', () => {
    const grade = gradeAttempt(expected, take(expected), { expectedBpm: 100 });
    expect(verdicts(grade)).toEqual(allCorrect(15));
    expect(grade.extra).toEqual([]);
    expect(grade.tempo.playedBpm).toBeCloseTo(100, 1);
    expect(grade.totals).toMatchObject({ pitchAccuracy: 1, rhythmAccuracy: 1, score: 100, missed: 0 });
  });

  it('the same take 10 % slower (with a little jitter) is all correct and reports ♩ ≈ 91', () => {
    const grade = gradeAttempt(expected, take(expected, { stretch: 1.1, jitter: 0.02, seed: 3 }), {
      expectedBpm: 100,
    });
    expect(verdicts(grade)).toEqual(allCorrect(15));
    expect(grade.tempo.stretch).toBeCloseTo(1.1, 2);
    expect(grade.tempo.playedBpm).toBeGreaterThan(89.5);
    expect(grade.tempo.playedBpm).toBeLessThan(92.5);
  });

  it('a take 10 % faster is all correct too', () => {
    const grade = gradeAttempt(expected, take(expected, { stretch: 0.9 }), { expectedBpm: 100 });
    expect(verdicts(grade)).toEqual(allCorrect(15));
    expect(grade.tempo.playedBpm).toBeCloseTo(111.1, 0);
  });

  it('a take starting 2 s late is all correct, with the start found', () => {
    const grade = gradeAttempt(expected, take(expected, { start: 2, jitter: 0.015 }));
    expect(verdicts(grade)).toEqual(allCorrect(15));
    expect(grade.tempo.startOffset).toBeGreaterThan(1.97);
    expect(grade.tempo.startOffset).toBeLessThan(2.03);
  });

  it('gradual drift (slowing by 15 % over the scale) is forgiven', () => {
    const notes = expectedNotesFromScore(scaleScore('C', 60, 120));
    const end = notes[notes.length - 1]?.onset ?? 1;
    // The local tempo falls linearly: played time is the integral of a rising stretch.
    const played = notes.map((e): PlayedNote => {
      const onset = 0.3 + e.onset + (0.15 * e.onset * e.onset) / (2 * end);
      return { onset, offset: onset + 0.2, midi: e.midi, velocity: 70 };
    });
    expect(verdicts(gradeAttempt(notes, played))).toEqual(allCorrect(15));
  });
});

describe('gradeAttempt: each mistake gets its own verdict', () => {
  const expected = expectedNotesFromScore(scaleScore('C', 60, 100));

  it('one wrong pitch, one missed, one extra and one 150 ms late note are exactly those', () => {
    const played = take(expected, { stretch: 1.05, start: 0.4, jitter: 0.01, seed: 7 });
    const wrong = played[3] as PlayedNote; // F4 played as F#4
    played[3] = { ...wrong, midi: 66 };
    const late = played[11] as PlayedNote; // F4 on the way down, 150 ms late
    played[11] = { ...late, onset: late.onset + 0.15, offset: late.offset + 0.15 };
    const before = played[9] as PlayedNote;
    const extraNote: PlayedNote = {
      onset: before.onset + 0.15,
      offset: before.onset + 0.25,
      midi: 50,
      velocity: 60,
    };
    played.splice(6, 1); // B4 on the way up, missed
    played.push(extraNote);

    const grade = gradeAttempt(expected, played, { expectedBpm: 100 });
    const wanted = allCorrect(15);
    wanted[3] = 'wrong-pitch';
    wanted[6] = 'missed';
    wanted[11] = 'late';
    expect(verdicts(grade)).toEqual(wanted);
    expect(grade.notes[3]).toMatchObject({ verdict: 'wrong-pitch', playedMidi: 66 });
    const lateMs = grade.notes[11]?.errorMs ?? 0;
    expect(lateMs).toBeGreaterThan(130);
    expect(lateMs).toBeLessThan(170);
    expect(grade.extra.map((x) => x.played.midi)).toEqual([50]);
    expect(grade.totals).toMatchObject({
      correct: 12,
      wrongPitch: 1,
      missed: 1,
      late: 1,
      early: 0,
      extra: 1,
    });
    // (12 + 0.5 − 0.5 × 1 extra) / 15
    expect(grade.totals.score).toBe(80);
    expect(grade.totals.pitchAccuracy).toBeCloseTo(13 / 15, 6);
    expect(grade.totals.rhythmAccuracy).toBeCloseTo(13 / 14, 6);
  });

  it('a note 120 ms early is early, with its error', () => {
    const played = take(expected);
    const n = played[8] as PlayedNote;
    played[8] = { ...n, onset: n.onset - 0.12 };
    const grade = gradeAttempt(expected, played);
    expect(
      grade.notes.filter((v) => v.verdict !== 'correct').map((v) => [v.expectedIndex, v.verdict]),
    ).toEqual([[8, 'early']]);
    expect(grade.notes[8]?.errorMs).toBeCloseTo(-120, 0);
  });

  it('repeated notes: a skipped repeat is missed, a stuttered repeat is extra', () => {
    const line: [string, number][] = [
      ['C4', 0.5],
      ['C4', 0.5],
      ['C4', 0.5],
      ['C4', 0.5],
      ['D4', 0.5],
      ['D4', 0.5],
      ['E4', 1],
      ['E4', 1],
      ['G4', 2],
    ];
    const expected = expectedNotesFromScore(melodyScore(line, 120));
    const played = take(expected, { stretch: 1.08, jitter: 0.01, seed: 11 });
    const stutter = played[6] as PlayedNote;
    played.splice(2, 1); // the third C is never played
    played.push({ onset: stutter.onset + 0.12, offset: stutter.onset + 0.2, midi: 64, velocity: 50 });
    const grade = gradeAttempt(expected, played);
    const wanted = allCorrect(9);
    wanted[2] = 'missed';
    expect(verdicts(grade)).toEqual(wanted);
    expect(grade.extra.map((x) => x.played.midi)).toEqual([64]);
  });

  it('chords: one missing chord tone is the only miss', () => {
    const expected = expectedNotesFromScore(
      chordScore([
        ['C4', 'E4', 'G4'],
        ['C4', 'F4', 'A4'],
        ['B3', 'D4', 'G4'],
        ['C4', 'E4', 'G4'],
      ]),
    );
    expect(expected.map((e) => e.onset.toFixed(3))).toEqual([
      '0.000',
      '0.000',
      '0.000',
      '1.333',
      '1.333',
      '1.333',
      '2.667',
      '2.667',
      '2.667',
      '4.000',
      '4.000',
      '4.000',
    ]);
    const played = take(expected, { stretch: 0.95, start: 1, jitter: 0.02, seed: 5 });
    const missing = played.findIndex((p, i) => i > 5 && p.midi === 62); // the D of the G chord
    played.splice(missing, 1);
    const grade = gradeAttempt(expected, played);
    const wanted = allCorrect(12);
    wanted[7] = 'missed';
    expect(verdicts(grade)).toEqual(wanted);
    expect(grade.notes[7]?.expected.midi).toBe(62);
  });

  it('nothing played: every note missed, score 0', () => {
    const grade = gradeAttempt(expected, []);
    expect(new Set(verdicts(grade))).toEqual(new Set(['missed']));
    expect(grade.totals).toMatchObject({ score: 0, pitchAccuracy: 0, rhythmAccuracy: 0 });
  });

  it('a take of a different piece scores low', () => {
    const other = expectedNotesFromScore(scaleScore('F#', 66, 100));
    const grade = gradeAttempt(expected, take(other));
    expect(grade.totals.score).toBeLessThan(50);
  });
});

describe('gradeAttempt: bad input', () => {
  const expected = expectedNotesFromScore(scaleScore());
  it('refuses an empty exercise, nonsense times and a bad tolerance', () => {
    expect(() => gradeAttempt([], take(expected))).toThrow(/at least one note/);
    expect(() => gradeAttempt(expected, [{ onset: Number.NaN, offset: 1, midi: 60, velocity: 80 }])).toThrow(
      /played note 1/,
    );
    expect(() => gradeAttempt(expected, [], { toleranceMs: 0 })).toThrow(/toleranceMs/);
    expect(() => gradeAttempt(expected, [], { difficulty: 11 })).toThrow(/difficulty must be 1–10/);
  });
});

describe('gradeAttempt: edge cases', () => {
  it('a one-note exercise played 1.5 s in is correct', () => {
    const expected = [{ midi: 60, onset: 0, duration: 1 }];
    const grade = gradeAttempt(expected, [{ onset: 1.5, offset: 2.4, midi: 60, velocity: 80 }]);
    expect(verdicts(grade)).toEqual(['correct']);
    expect(grade.tempo.startOffset).toBe(1.5);
  });

  it('every note a semitone sharp is all wrong pitches, lined up from the first note played', () => {
    const expected = expectedNotesFromScore(
      melodyScore(
        [
          ['C4', 1],
          ['E4', 1],
          ['G4', 1],
          ['C5', 1],
        ],
        120,
      ),
    );
    const played = take(expected, { start: 3 }).map((p) => ({ ...p, midi: p.midi + 1 }));
    const grade = gradeAttempt(expected, played);
    expect(verdicts(grade)).toEqual(['wrong-pitch', 'wrong-pitch', 'wrong-pitch', 'wrong-pitch']);
    expect(grade.notes.map((n) => n.playedMidi)).toEqual([61, 65, 68, 73]);
    expect(grade.totals.score).toBe(0);
  });
});

import { pitchName, spellMidi } from '@cadenza/core';
import type { PracticeAttemptResponse, PracticeNoteResult, PracticeVerdict } from '@cadenza/contracts';
import type { AttemptGrade, ExpectedNote, PlayedNote, VerdictKind } from '@cadenza/pedagogy';

/** The graded part of a PracticeAttemptResponse: everything but the ids. */
export type AttemptReport = Omit<PracticeAttemptResponse, 'attempt_id' | 'exercise_id' | 'session_id'>;

/** How the exercise's key spells pitches: its signature in fifths (−7…7) and whether it is minor. */
export interface KeySpelling {
  readonly fifths: number;
  readonly minor: boolean;
}

export interface AttemptReportInput {
  readonly grade: AttemptGrade;
  /** The expected notes as graded (the response's `index` points into these). */
  readonly expected: readonly ExpectedNote[];
  /** What was played, as graded (extra notes point into these). */
  readonly played: readonly PlayedNote[];
  /** The written name of each expected note (e.g. from the score), else spelled in `key`. */
  readonly expectedNames?: readonly (string | undefined)[];
  readonly key: KeySpelling;
  /** The written tempo, quarter notes per minute. */
  readonly tempoExpected: number;
}

const VERDICTS: Record<VerdictKind, PracticeVerdict> = {
  correct: 'correct',
  'wrong-pitch': 'wrong_pitch',
  early: 'early',
  late: 'late',
  missed: 'missed',
};

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/** A MIDI note named in the key: F#4 in G major, Gb4 in Db major. */
export function spellInKey(midi: number, key: KeySpelling): string {
  return pitchName(spellMidi(Math.round(midi), key.fifths, key.minor));
}

/**
 * Turns a grade into the API's answer: one entry per expected note with its verdict, the pitch played and
 * the timing error, the extra notes, the totals and the tempo kept. Times in seconds (3 decimals),
 * errors in whole ms, accuracies to 4 decimals.
 */
export function attemptReport(input: AttemptReportInput): AttemptReport {
  const { grade, expected, played, key } = input;
  const name = (i: number, midi: number) => input.expectedNames?.[i] ?? spellInKey(midi, key);
  const notes = grade.notes.map((v): PracticeNoteResult => {
    const e = expected[v.expectedIndex] ?? v.expected;
    const playedMidi =
      v.verdict === 'missed'
        ? undefined
        : (v.playedMidi ?? (v.playedIndex !== undefined ? played[v.playedIndex]?.midi : undefined));
    const midi = playedMidi === undefined ? undefined : Math.round(playedMidi);
    return {
      index: v.expectedIndex,
      expected: {
        midi: e.midi,
        name: name(v.expectedIndex, e.midi),
        start: round(e.onset, 3),
        duration: round(e.duration, 3),
      },
      verdict: VERDICTS[v.verdict],
      ...(midi !== undefined ? { played_midi: midi, played_name: spellInKey(midi, key) } : {}),
      ...(v.errorMs !== undefined ? { timing_error_ms: Math.round(v.errorMs) } : {}),
    };
  });
  const t = grade.totals;
  return {
    notes,
    extra_notes: grade.extra.map((x) => ({
      midi: Math.round(x.played.midi),
      name: spellInKey(x.played.midi, key),
      start: round(x.played.onset, 3),
    })),
    pitch_accuracy: round(t.pitchAccuracy, 4),
    rhythm_accuracy: round(t.rhythmAccuracy, 4),
    score: round(t.score, 1),
    tempo_played: grade.tempo.playedBpm === undefined ? null : round(grade.tempo.playedBpm, 1),
    tempo_expected: input.tempoExpected,
    tolerance_ms: grade.toleranceMs,
    counts: {
      correct: t.correct,
      wrong_pitch: t.wrongPitch,
      early: t.early,
      late: t.late,
      missed: t.missed,
      extra: t.extra,
    },
  };
}

import { MusicError } from '@cadenza/core';
import { gradeTotals } from './attempt-score.js';
import type {
  AttemptGrade,
  ExpectedNote,
  ExtraNote,
  GradeOptions,
  NoteVerdict,
  PlayedNote,
  TempoFit,
} from './grading-types.js';
import { pairSamePitch, pairWrongPitch, type PlayedOnset, type PredictedNote } from './match-notes.js';
import {
  driftCorrections,
  fitLinearMap,
  mapTime,
  voteLinearMap,
  type LinearMap,
  type OnsetPair,
} from './time-map.js';
import { timingTolerance } from './timing-tolerance.js';

/** Alignment passes: match with the current time map, refit the map and the drift, match again. */
const PASSES = 3;

/**
 * Grades a played attempt against the expected notes, note by note.
 *
 * The player's own tempo (within `stretchRange`), start offset and gradual drift are taken out
 * first: a take 10 % slow or starting 2 s late is not wrong. Notes of one pitch are aligned in order,
 * so repeated notes, chords, stutters and skipped notes are told apart; unpaired expected and played
 * notes close in time become wrong pitches; what remains is missed or extra. Throws MusicError for
 * unusable input (no expected notes, non-finite times, a negative duration).
 */
export function gradeAttempt(
  expected: readonly ExpectedNote[],
  played: readonly PlayedNote[],
  options: GradeOptions = {},
): AttemptGrade {
  checkInput(expected, played, options);
  const toleranceMs = options.toleranceMs ?? timingTolerance(options.difficulty);
  const range = options.stretchRange ?? [0.5, 2];
  const onsets: PlayedOnset[] = played.map((p, index) => ({
    index,
    midi: Math.round(p.midi),
    onset: p.onset,
  }));

  let map = initialMap(expected, onsets, range);
  let drift = expected.map(() => 0);
  let pairing = new Map<number, number>();
  for (let pass = 0; pass < PASSES; pass++) {
    pairing = pairSamePitch(predict(expected, map, drift), onsets);
    const pairs = pairsOf(pairing, expected, played);
    map = fitLinearMap(
      pairs.map((p) => p.pair),
      map,
    );
    const own = expected.map((_, i) => pairs.findIndex((p) => p.expectedIndex === i));
    drift = driftCorrections(
      pairs.map((p) => p.pair),
      map,
      expected.map((e) => e.onset),
      own.map((k) => (k < 0 ? undefined : k)),
    );
  }
  const predicted = predict(expected, map, drift);
  const usedPlayed = new Set(pairing.values());
  const wrong = pairWrongPitch(
    predicted.filter((p) => !pairing.has(p.index)).map((p) => ({ ...p, reach: wrongReach(p, toleranceMs) })),
    onsets.filter((p) => !usedPlayed.has(p.index)),
  );
  for (const j of wrong.values()) usedPlayed.add(j);

  const notes = expected.map((note, i): NoteVerdict => {
    const time = (predicted[i] as PredictedNote).time;
    const same = pairing.get(i);
    const other = wrong.get(i);
    const j = same ?? other;
    if (j === undefined) return { expectedIndex: i, expected: note, verdict: 'missed' };
    const p = played[j] as PlayedNote;
    const errorMs = Math.round((p.onset - time) * 10000) / 10;
    const base = { expectedIndex: i, expected: note, playedIndex: j, errorMs };
    if (same === undefined) return { ...base, verdict: 'wrong-pitch', playedMidi: Math.round(p.midi) };
    if (errorMs > toleranceMs) return { ...base, verdict: 'late' };
    if (errorMs < -toleranceMs) return { ...base, verdict: 'early' };
    return { ...base, verdict: 'correct' };
  });
  const extra: ExtraNote[] = onsets
    .filter((p) => !usedPlayed.has(p.index))
    .sort((a, b) => a.onset - b.onset)
    .map((p) => ({ playedIndex: p.index, played: played[p.index] as PlayedNote }));
  return {
    notes,
    extra,
    totals: gradeTotals(notes, extra, toleranceMs),
    tempo: tempoFit(map, options.expectedBpm),
    toleranceMs,
  };
}

/** Where each expected note should sound on the player's clock, and how far off it may still be found. */
function predict(
  expected: readonly ExpectedNote[],
  map: LinearMap,
  drift: readonly number[],
): PredictedNote[] {
  const times = [...new Set(expected.map((e) => e.onset))].sort((a, b) => a - b);
  return expected.map((e, index) => {
    const k = times.indexOf(e.onset);
    const gaps = [times[k + 1], times[k - 1]]
      .filter((t): t is number => t !== undefined)
      .map((t) => Math.abs(t - e.onset) * map.stretch);
    const gap = gaps.length ? Math.min(...gaps) : 1;
    return {
      index,
      midi: e.midi,
      time: mapTime(map, e.onset) + (drift[index] ?? 0),
      gap,
      // Same pitch: up to a little past the neighbouring note (the order-keeping match sorts it out).
      reach: Math.min(0.5, Math.max(0.25, 1.2 * gap)),
    };
  });
}

/**
 * A wrong note may be found up to half-way to the neighbouring notes (at most 300 ms), and always within
 * 1.5 × the tolerance: only expected and played notes left unpaired by pitch compete for it.
 */
function wrongReach(p: PredictedNote, toleranceMs: number): number {
  return Math.max((1.5 * toleranceMs) / 1000, Math.min(0.3, 0.5 * p.gap));
}

/** The line voted by every same-pitch pair; with none, the first notes line up at the written tempo. */
function initialMap(
  expected: readonly ExpectedNote[],
  played: readonly PlayedOnset[],
  range: readonly [number, number],
): LinearMap {
  const pairs: OnsetPair[] = [];
  for (const e of expected) {
    for (const p of played) if (p.midi === e.midi) pairs.push({ expected: e.onset, played: p.onset });
  }
  const distinct = new Set(expected.map((e) => e.onset)).size;
  const voted = distinct > 1 ? voteLinearMap(pairs, range) : undefined;
  if (voted) return voted;
  const firstExpected = Math.min(...expected.map((e) => e.onset));
  const sameFirst = pairs.filter((p) => p.expected === firstExpected).map((p) => p.played);
  const anyFirst = played.length ? Math.min(...played.map((p) => p.onset)) : firstExpected;
  const firstPlayed = sameFirst.length ? Math.min(...sameFirst) : anyFirst;
  return { stretch: 1, startOffset: firstPlayed - firstExpected };
}

function pairsOf(
  pairing: ReadonlyMap<number, number>,
  expected: readonly ExpectedNote[],
  played: readonly PlayedNote[],
): { expectedIndex: number; pair: OnsetPair }[] {
  return [...pairing].map(([i, j]) => ({
    expectedIndex: i,
    pair: { expected: (expected[i] as ExpectedNote).onset, played: (played[j] as PlayedNote).onset },
  }));
}

function tempoFit(map: LinearMap, expectedBpm: number | undefined): TempoFit {
  const stretch = Math.round(map.stretch * 10000) / 10000;
  const startOffset = Math.round(map.startOffset * 1000) / 1000;
  if (expectedBpm === undefined) return { stretch, startOffset };
  return { stretch, startOffset, expectedBpm, playedBpm: Math.round((expectedBpm / map.stretch) * 10) / 10 };
}

function checkInput(
  expected: readonly ExpectedNote[],
  played: readonly PlayedNote[],
  options: GradeOptions,
): void {
  if (expected.length === 0)
    throw new MusicError('an attempt needs an exercise with at least one note to grade');
  expected.forEach((e, i) => {
    if (!Number.isFinite(e.onset) || !Number.isFinite(e.midi) || !(e.duration > 0)) {
      throw new MusicError(`expected note ${i + 1} needs a finite onset and pitch and a positive duration`);
    }
  });
  played.forEach((p, i) => {
    if (!Number.isFinite(p.onset) || !Number.isFinite(p.midi) || !(p.offset >= p.onset)) {
      throw new MusicError(
        `played note ${i + 1} needs a finite onset and pitch, and an offset after its onset`,
      );
    }
  });
  const range = options.stretchRange;
  if (range && !(range[0] > 0 && range[1] >= range[0])) {
    throw new MusicError(`stretchRange must be two positive numbers, slowest last, got ${range.join(', ')}`);
  }
  if (options.toleranceMs !== undefined && !(options.toleranceMs > 0)) {
    throw new MusicError(`toleranceMs must be positive, got ${options.toleranceMs}`);
  }
  if (options.expectedBpm !== undefined && !(options.expectedBpm > 0)) {
    throw new MusicError(`expectedBpm must be positive, got ${options.expectedBpm}`);
  }
}

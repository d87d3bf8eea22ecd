import {
  matchNoteOffsets,
  matchNoteOnsets,
  matchNotes,
  type MatchOptions,
  type NotePair,
} from './match-notes.js';
import { validateNotes, type NoteEvent } from './note-event.js';

/** mir_eval's 14 transcription scores, each in [0, 1]. */
export interface NoteMetrics {
  /** Onset + pitch + offset. */
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly averageOverlapRatio: number;
  /** Onset + pitch. */
  readonly precisionNoOffset: number;
  readonly recallNoOffset: number;
  readonly f1NoOffset: number;
  readonly averageOverlapRatioNoOffset: number;
  /** Onset alone. */
  readonly onsetPrecision: number;
  readonly onsetRecall: number;
  readonly onsetF1: number;
  /** Offset alone. */
  readonly offsetPrecision: number;
  readonly offsetRecall: number;
  readonly offsetF1: number;
}

/** Harmonic mean of precision and recall; 0 when both are 0. */
export function fMeasure(precision: number, recall: number): number {
  return precision === 0 && recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/**
 * Mean over matched pairs of |intersection| / |union| of the two [onset, offset] intervals (the
 * "union" is the span from the earlier onset to the later offset); 0 with no pairs.
 */
export function averageOverlapRatio(
  ref: readonly NoteEvent[],
  est: readonly NoteEvent[],
  pairs: readonly NotePair[],
): number {
  if (pairs.length === 0) return 0;
  let sum = 0;
  for (const [i, j] of pairs) {
    const r = ref[i];
    const e = est[j];
    if (!r || !e) throw new Error(`Pair [${i}, ${j}] is outside the note lists`);
    const overlap = Math.min(r.offset, e.offset) - Math.max(r.onset, e.onset);
    const span = Math.max(r.offset, e.offset) - Math.min(r.onset, e.onset);
    sum += overlap / span;
  }
  return sum / pairs.length;
}

interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

function scores(matched: number, refCount: number, estCount: number): Scores {
  const precision = matched / estCount;
  const recall = matched / refCount;
  return { precision, recall, f1: fMeasure(precision, recall) };
}

/**
 * The transcription scores mir_eval reports (`mir_eval.transcription.evaluate`): precision, recall
 * and F1 of note matching with and without offsets, their average overlap ratios, and onset-only
 * and offset-only precision, recall and F1. Precision = matches / estimates, recall = matches /
 * references. Every score is 0 when either list is empty. Throws on a note with offset < onset or a
 * non-positive pitch.
 */
export function noteMetrics(
  ref: readonly NoteEvent[],
  est: readonly NoteEvent[],
  options: MatchOptions = {},
): NoteMetrics {
  validateNotes(ref, 'Reference');
  validateNotes(est, 'Estimate');
  if (ref.length === 0 || est.length === 0) {
    return {
      precision: 0,
      recall: 0,
      f1: 0,
      averageOverlapRatio: 0,
      precisionNoOffset: 0,
      recallNoOffset: 0,
      f1NoOffset: 0,
      averageOverlapRatioNoOffset: 0,
      onsetPrecision: 0,
      onsetRecall: 0,
      onsetF1: 0,
      offsetPrecision: 0,
      offsetRecall: 0,
      offsetF1: 0,
    };
  }
  const full = matchNotes(ref, est, { ...options, withOffsets: true });
  const noOffset = matchNotes(ref, est, { ...options, withOffsets: false });
  const onset = scores(matchNoteOnsets(ref, est, options).length, ref.length, est.length);
  const offset = scores(matchNoteOffsets(ref, est, options).length, ref.length, est.length);
  const withOffsets = scores(full.length, ref.length, est.length);
  const withoutOffsets = scores(noOffset.length, ref.length, est.length);
  return {
    ...withOffsets,
    averageOverlapRatio: averageOverlapRatio(ref, est, full),
    precisionNoOffset: withoutOffsets.precision,
    recallNoOffset: withoutOffsets.recall,
    f1NoOffset: withoutOffsets.f1,
    averageOverlapRatioNoOffset: averageOverlapRatio(ref, est, noOffset),
    onsetPrecision: onset.precision,
    onsetRecall: onset.recall,
    onsetF1: onset.f1,
    offsetPrecision: offset.precision,
    offsetRecall: offset.recall,
    offsetF1: offset.f1,
  };
}

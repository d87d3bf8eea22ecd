import type { Score } from '@cadenza/core';
import type { LearningGenre } from '../learning/learning-types.js';

/**
 * The milestone song catalogue (issue 8): public-domain pieces and traditional tunes, encoded by hand as
 * Scores, graded by level and tagged by genre. A learning plan picks one per week; a student can open one
 * as sheet music and audio and practise it like an exercise.
 */
export interface SongSummary {
  /** Stable kebab-case id, e.g. "ode-to-joy". */
  readonly id: string;
  readonly title: string;
  /** "Traditional" for folk tunes, else the composer ("Ludwig van Beethoven"). */
  readonly composer: string;
  /** Where it comes from and why it is public domain, in a line ("Symphony No. 9, 1824"). */
  readonly origin: string;
  /** 1–10 on the same scale as the exercises' difficulty. */
  readonly level: number;
  /** One or more catalogue genres; the first is the main one. */
  readonly genres: readonly LearningGenre[];
  /** e.g. "G major", "D minor". */
  readonly key: string;
  /** e.g. "3/4". */
  readonly timeSignature: string;
  /** Quarter notes per minute the score is marked at. */
  readonly tempo: number;
  readonly bars: number;
  /** True when the score carries chord symbols (and a left-hand part where the level asks for one). */
  readonly hasChords: boolean;
  /** What the piece teaches (“dotted rhythms”, “hands together”, “swing eighths”). */
  readonly skills: readonly string[];
}

export interface CatalogueSong extends SongSummary {
  /** The engraved piece: melody (treble), with chord symbols and a left hand where given. */
  readonly score: () => Score;
}

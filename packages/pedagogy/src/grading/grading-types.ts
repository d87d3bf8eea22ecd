/**
 * The data of grading: what the exercise expects, what the student played, and the verdicts.
 * Times are seconds; `errorMs` values are milliseconds on the player's clock.
 */

/** One note the exercise asks for. Notes with the same onset form a chord. */
export interface ExpectedNote {
  /** MIDI note number 0–127. */
  readonly midi: number;
  /** Seconds from the start of the exercise at its written tempo. */
  readonly onset: number;
  /** Seconds at the written tempo; positive. */
  readonly duration: number;
}

/**
 * One note the student played, from a MIDI performance or a transcription of a recording
 * (an analysis `PerformedNote` fits this shape).
 */
export interface PlayedNote {
  /** Seconds from the start of the take. */
  readonly onset: number;
  /** Seconds from the start of the take; after `onset`. */
  readonly offset: number;
  /** MIDI note number; a transcription may give a fractional value, it is rounded. */
  readonly midi: number;
  /** MIDI velocity 1–127. */
  readonly velocity: number;
}

export const VERDICT_KINDS = ['correct', 'wrong-pitch', 'early', 'late', 'missed'] as const;
export type VerdictKind = (typeof VERDICT_KINDS)[number];

/** The verdict on one expected note. */
export interface NoteVerdict {
  /** Index into the expected notes as given. */
  readonly expectedIndex: number;
  readonly expected: ExpectedNote;
  readonly verdict: VerdictKind;
  /** Index into the played notes as given; absent when missed. */
  readonly playedIndex?: number;
  /** The pitch played instead (wrong-pitch only). */
  readonly playedMidi?: number;
  /**
   * Onset error in ms after the player's own tempo, start offset and gradual drift are taken out:
   * positive = late, negative = early. Absent when missed.
   */
  readonly errorMs?: number;
}

/** A played note that answers no expected note. */
export interface ExtraNote {
  readonly playedIndex: number;
  readonly played: PlayedNote;
}

/** How the player's clock relates to the exercise's: played ≈ startOffset + stretch × expected. */
export interface TempoFit {
  /** Played seconds per expected second: 1.1 = 10 % slower than written. */
  readonly stretch: number;
  /** Seconds into the take where expected time 0 falls. */
  readonly startOffset: number;
  /** The written tempo in quarter notes per minute, when given. */
  readonly expectedBpm?: number;
  /** The tempo the student kept, when the written one is given. */
  readonly playedBpm?: number;
}

export interface GradeTotals {
  readonly expected: number;
  readonly correct: number;
  readonly wrongPitch: number;
  readonly early: number;
  readonly late: number;
  readonly missed: number;
  readonly extra: number;
  /** 0–1: expected notes played at the right pitch (on time or not) / expected notes. */
  readonly pitchAccuracy: number;
  /** 0–1: notes played within the timing tolerance / notes played (any pitch); 0 when none. */
  readonly rhythmAccuracy: number;
  /** 0–100, see `overallScore`. */
  readonly score: number;
}

export interface AttemptGrade {
  /** One verdict per expected note, in the order given. */
  readonly notes: readonly NoteVerdict[];
  /** Played notes that answer nothing, in onset order. */
  readonly extra: readonly ExtraNote[];
  readonly totals: GradeTotals;
  readonly tempo: TempoFit;
  /** The timing tolerance used, ms either side. */
  readonly toleranceMs: number;
}

export interface GradeOptions {
  /** The exercise's written tempo (quarter notes per minute), to report the tempo played. */
  readonly expectedBpm?: number;
  /** Onset tolerance in ms either side, after tempo normalisation [see `timingTolerance`]. */
  readonly toleranceMs?: number;
  /** Exercise difficulty 1–10, used for the default tolerance when `toleranceMs` is not given. */
  readonly difficulty?: number;
  /**
   * Fastest and slowest playing accepted, as multiples of the written durations [0.5, 2]: 2 means
   * half the written tempo.
   */
  readonly stretchRange?: readonly [number, number];
}

import type { Pitch } from '../../pitch/pitch.js';
import type { Rational } from '../../time/rational.js';

/** Every rule the checker knows, in the order a report lists them. */
export const VOICE_LEADING_RULES = [
  'parallel-fifths',
  'parallel-octaves',
  'antiparallel-fifths',
  'antiparallel-octaves',
  'hidden-fifths',
  'hidden-octaves',
  'voice-crossing',
  'spacing',
  'range',
] as const;
export type VoiceLeadingRule = (typeof VOICE_LEADING_RULES)[number];

/** Where a voice's notes come from: one (part, staff, voice) stream of the score. */
export interface VoiceSource {
  readonly partId: string;
  /** Staff within the part, from 1. */
  readonly staff: number;
  /** Voice within the part, from 1. */
  readonly voice: number;
}

/** One note of a voice line, already reduced to a single pitch (the top note of a chord). */
export interface VoiceNote {
  readonly pitch: Pitch;
  /** MIDI number of `pitch` (C4 = 60), kept because every rule compares semitones. */
  readonly midi: number;
  /** Onset in quarter notes from the start of the score. */
  readonly start: Rational;
  /** End in quarter notes; cut short where the next note of the same voice begins. */
  readonly end: Rational;
}

/** A voice as a monophonic line, with the name a student reads in messages ("soprano"). */
export interface VoiceLine {
  readonly source: VoiceSource;
  readonly name: string;
  /** Notes sorted by onset; they never overlap. A gap between two notes is a rest. */
  readonly notes: readonly VoiceNote[];
  /** Mean MIDI number of the notes, which orders the voices from highest to lowest. */
  readonly meanMidi: number;
}

/** An inclusive pitch range for one voice. */
export interface VoiceRange {
  readonly low: Pitch;
  readonly high: Pitch;
}

export interface VoiceLeadingOptions {
  /**
   * Ranges for the voices, highest voice first; one per voice. Without it, a four-voice texture is
   * checked against `SATB_RANGES` and any other texture is not range-checked.
   */
  readonly ranges?: readonly VoiceRange[];
  /** Names for the voices, highest voice first; one per voice. Default: soprano…bass for four voices. */
  readonly voiceNames?: readonly string[];
}

export interface VoiceLeadingFinding {
  readonly rule: VoiceLeadingRule;
  /**
   * Where the fault sounds, in quarter notes: for a motion rule the verticality the voices move TO
   * (the second fifth of a parallel pair); for the others the verticality or note itself.
   */
  readonly position: Rational;
  /** For motion rules: the verticality the voices move FROM. */
  readonly from?: Rational;
  /** Measure number as printed (0 for a pickup). */
  readonly measure: number;
  /** Beat within the measure, from 1, in the meter's felt beats (may be fractional, e.g. 5/2). */
  readonly beat: Rational;
  /** Voice names, higher voice first. */
  readonly voices: readonly string[];
  /** Pitches per voice, same order as `voices`; a motion lists the pitch moved from, then to. */
  readonly pitches: readonly (readonly Pitch[])[];
  /** A sentence a student understands, e.g. "parallel fifths between soprano and bass, m.3 beat 2: …". */
  readonly message: string;
}

export interface VoiceLeadingCounts {
  /** Pairs of voices times successive verticalities where both voices sound and at least one changes pitch. */
  readonly voicePairMotions: number;
  /** Positions where any voice attacks a note. */
  readonly verticalities: number;
  /** Adjacent voice pairs both sounding, summed over verticalities: the places crossing is checked. */
  readonly adjacentPairChecks: number;
  /** Adjacent upper pairs (not the lowest pair) both sounding, summed over verticalities: spacing checks. */
  readonly upperPairChecks: number;
  readonly findings: Readonly<Record<VoiceLeadingRule, number>>;
}

/** Rates as the evaluation yardstick defines them; zero when the denominator is zero. */
export interface VoiceLeadingRates {
  readonly parallelFifthsPer1000Motions: number;
  readonly parallelOctavesPer1000Motions: number;
  readonly crossingsPer1000Verticalities: number;
  readonly spacingPer1000Verticalities: number;
  /** Crossings per 1,000 adjacent-pair checks: per verticality divided by the number of adjacent pairs. */
  readonly crossingsPer1000AdjacentPairs: number;
  /** Spacing faults per 1,000 upper-pair checks. */
  readonly spacingPer1000UpperPairs: number;
}

export interface VoiceLeadingReport {
  /** The voices checked, highest first. */
  readonly voices: readonly VoiceLine[];
  /** Findings sorted by position, then rule order, then voice order. */
  readonly findings: readonly VoiceLeadingFinding[];
  readonly counts: VoiceLeadingCounts;
  readonly rates: VoiceLeadingRates;
}

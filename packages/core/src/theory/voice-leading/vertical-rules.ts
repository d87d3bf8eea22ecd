import { intervalBetween, intervalLongName } from '../../pitch/interval.js';
import { midiOf, parsePitch, pitchName } from '../../pitch/pitch.js';
import type { Rational } from '../../time/rational.js';
import { formatMeasureBeat, type MeasureBeat } from './locate.js';
import type { VoiceLeadingFinding, VoiceLine, VoiceNote, VoiceRange } from './types.js';
import type { Verticality } from './verticalities.js';

/** Widest gap, in semitones, allowed between adjacent upper voices (soprano–alto, alto–tenor). */
const MAX_UPPER_SPACING = 12;

/**
 * Standard four-part vocal ranges, soprano first, as taught for SATB exercises in harmony courses
 * (soprano C4–G5, alto G3–D5, tenor C3–G4, bass E2–C4). Textbooks differ by a step or so at the
 * extremes; pass `ranges` in the options to use another set.
 */
export const SATB_RANGES: readonly VoiceRange[] = [
  { low: parsePitch('C4'), high: parsePitch('G5') },
  { low: parsePitch('G3'), high: parsePitch('D5') },
  { low: parsePitch('C3'), high: parsePitch('G4') },
  { low: parsePitch('E2'), high: parsePitch('C4') },
];

type Locate = (position: Rational) => MeasureBeat;

export interface PairCheckResult {
  readonly findings: VoiceLeadingFinding[];
  /** Pairs checked (both voices sounding), summed over verticalities. */
  readonly checks: number;
}

/**
 * Voice crossing: a lower voice sounding above the voice next above it, counted once per verticality
 * and adjacent pair (adjacent in the voice order, both sounding). A held crossing counts again at each
 * verticality it lasts through, as the per-verticality rate expects.
 */
export function checkCrossings(
  voices: readonly VoiceLine[],
  verticalities: readonly Verticality[],
  locate: Locate,
): PairCheckResult {
  return adjacentPairs(
    voices,
    verticalities,
    0,
    locate,
    (upper, lower) =>
      lower.midi > upper.midi
        ? (names, where) =>
            `voice crossing, ${formatMeasureBeat(where)}: ${names[1]} ${pitchName(lower.pitch)} is above ${names[0]} ${pitchName(upper.pitch)}`
        : undefined,
    'voice-crossing',
  );
}

/**
 * Spacing: adjacent upper voices more than an octave apart. Every adjacent pair is checked except the
 * lowest one (tenor–bass in four parts), which may be wider; a texture of two voices has no upper pair.
 */
export function checkSpacing(
  voices: readonly VoiceLine[],
  verticalities: readonly Verticality[],
  locate: Locate,
): PairCheckResult {
  return adjacentPairs(
    voices,
    verticalities,
    1,
    locate,
    (upper, lower) =>
      upper.midi - lower.midi > MAX_UPPER_SPACING
        ? (names, where) =>
            `spacing, ${formatMeasureBeat(where)}: ${names[0]} ${pitchName(upper.pitch)} and ${names[1]} ${pitchName(lower.pitch)} ` +
            `are a ${intervalLongName(intervalBetween(lower.pitch, upper.pitch))} apart, more than an octave`
        : undefined,
    'spacing',
  );
}

/** Range: every note outside its voice's range, once per note (at its attack). */
export function checkRanges(
  voices: readonly VoiceLine[],
  ranges: readonly VoiceRange[],
  locate: Locate,
): VoiceLeadingFinding[] {
  const findings: VoiceLeadingFinding[] = [];
  voices.forEach((voice, k) => {
    const range = ranges[k];
    if (!range) return;
    const low = midiOf(range.low);
    const high = midiOf(range.high);
    for (const note of voice.notes) {
      if (note.midi >= low && note.midi <= high) continue;
      const where = locate(note.start);
      const side = note.midi < low ? 'below' : 'above';
      findings.push({
        rule: 'range',
        position: note.start,
        measure: where.measure,
        beat: where.beat,
        voices: [voice.name],
        pitches: [[note.pitch]],
        message:
          `range, ${formatMeasureBeat(where)}: ${voice.name} ${pitchName(note.pitch)} is ${side} its range ` +
          `(${pitchName(range.low)}–${pitchName(range.high)})`,
      });
    }
  });
  return findings;
}

type Describe = (names: readonly [string, string], where: MeasureBeat) => string;

function adjacentPairs(
  voices: readonly VoiceLine[],
  verticalities: readonly Verticality[],
  skipLowest: number,
  locate: Locate,
  test: (upper: VoiceNote, lower: VoiceNote) => Describe | undefined,
  rule: 'voice-crossing' | 'spacing',
): PairCheckResult {
  const findings: VoiceLeadingFinding[] = [];
  let checks = 0;
  for (const v of verticalities) {
    for (let k = 0; k + 1 < voices.length - skipLowest; k++) {
      const upper = v.sounding[k]?.note;
      const lower = v.sounding[k + 1]?.note;
      if (!upper || !lower) continue;
      checks++;
      const describe = test(upper, lower);
      if (!describe) continue;
      const names = [(voices[k] as VoiceLine).name, (voices[k + 1] as VoiceLine).name] as const;
      const where = locate(v.position);
      findings.push({
        rule,
        position: v.position,
        measure: where.measure,
        beat: where.beat,
        voices: names,
        pitches: [[upper.pitch], [lower.pitch]],
        message: describe(names, where),
      });
    }
  }
  return { findings, checks };
}

import { pitchName } from '../../pitch/pitch.js';
import type { Rational } from '../../time/rational.js';
import { formatMeasureBeat, type MeasureBeat } from './locate.js';
import type { VoiceLeadingFinding, VoiceLeadingRule, VoiceLine } from './types.js';
import { isConnected, type SoundingNote, type Verticality } from './verticalities.js';

/** Interval classes in semitones mod 12 that the semitone-interval check treats as perfect. */
const FIFTH = 7;
const OCTAVE = 0;
/** A move of more than two semitones is a leap; a whole or half step is not. */
const MAX_STEP = 2;

export interface MotionResult {
  readonly voicePairMotions: number;
  readonly findings: VoiceLeadingFinding[];
}

/**
 * Checks every voice-pair motion: two successive verticalities where both voices of a pair sound,
 * connected (no rest between), and at least one of them changes pitch. A held or repeated pair is not
 * a motion, so it can never make parallels.
 *
 * Parallels use the semitone-interval check: the interval between the voices, in semitones mod 12,
 * is 7 (fifth, twelfth, …) or 0 (unison, octave, fifteenth, …) both before and after, and both voices
 * move the same way. A unison moving to an octave is therefore parallel octaves; a perfect fifth to a
 * diminished fifth (6 semitones) is not parallel fifths. The same class reached by contrary motion is
 * reported as antiparallel. Hidden fifths and octaves are checked in the outer voices only: similar
 * motion from another interval into a fifth or octave with the upper voice leaping.
 */
export function checkMotions(
  voices: readonly VoiceLine[],
  verticalities: readonly Verticality[],
  locate: (position: Rational) => MeasureBeat,
): MotionResult {
  const findings: VoiceLeadingFinding[] = [];
  let voicePairMotions = 0;
  const lowest = voices.length - 1;
  for (let t = 1; t < verticalities.length; t++) {
    const before = verticalities[t - 1] as Verticality;
    const after = verticalities[t] as Verticality;
    for (let hi = 0; hi < voices.length; hi++) {
      for (let lo = hi + 1; lo < voices.length; lo++) {
        const u0 = before.sounding[hi];
        const u1 = after.sounding[hi];
        const l0 = before.sounding[lo];
        const l1 = after.sounding[lo];
        if (!u0 || !u1 || !l0 || !l1 || !isConnected(u0, u1) || !isConnected(l0, l1)) continue;
        const upperMove = u1.note.midi - u0.note.midi;
        const lowerMove = l1.note.midi - l0.note.midi;
        if (upperMove === 0 && lowerMove === 0) continue;
        voicePairMotions++;
        const rule = classify({ upperMove, lowerMove, outer: hi === 0 && lo === lowest }, [u0, l0], [u1, l1]);
        if (!rule) continue;
        const where = locate(after.position);
        const names = [(voices[hi] as VoiceLine).name, (voices[lo] as VoiceLine).name];
        findings.push({
          rule,
          position: after.position,
          from: before.position,
          measure: where.measure,
          beat: where.beat,
          voices: names,
          pitches: [
            [u0.note.pitch, u1.note.pitch],
            [l0.note.pitch, l1.note.pitch],
          ],
          message:
            `${DESCRIPTIONS[rule]} between ${names[0]} and ${names[1]}, ${formatMeasureBeat(where)}: ` +
            `${pitchName(u0.note.pitch)}→${pitchName(u1.note.pitch)} over ` +
            `${pitchName(l0.note.pitch)}→${pitchName(l1.note.pitch)}`,
        });
      }
    }
  }
  return { voicePairMotions, findings };
}

type MotionRule = Extract<
  VoiceLeadingRule,
  | 'parallel-fifths'
  | 'parallel-octaves'
  | 'antiparallel-fifths'
  | 'antiparallel-octaves'
  | 'hidden-fifths'
  | 'hidden-octaves'
>;

const DESCRIPTIONS: Record<MotionRule, string> = {
  'parallel-fifths': 'parallel fifths',
  'parallel-octaves': 'parallel octaves',
  'antiparallel-fifths': 'fifths by contrary motion (antiparallel fifths)',
  'antiparallel-octaves': 'octaves by contrary motion (antiparallel octaves)',
  'hidden-fifths': 'hidden fifths (similar motion into a fifth with a leap in the upper voice)',
  'hidden-octaves': 'hidden octaves (similar motion into an octave with a leap in the upper voice)',
};

function classify(
  motion: { upperMove: number; lowerMove: number; outer: boolean },
  [upper0, lower0]: readonly [SoundingNote, SoundingNote],
  [upper1, lower1]: readonly [SoundingNote, SoundingNote],
): MotionRule | undefined {
  const from = intervalClass(upper0, lower0);
  const to = intervalClass(upper1, lower1);
  if (to !== FIFTH && to !== OCTAVE) return undefined;
  const { upperMove, lowerMove, outer } = motion;
  // Oblique motion (one voice holds) can never be parallel, antiparallel or hidden.
  if (upperMove === 0 || lowerMove === 0) return undefined;
  const similar = Math.sign(upperMove) === Math.sign(lowerMove);
  if (from === to) {
    if (similar) return to === FIFTH ? 'parallel-fifths' : 'parallel-octaves';
    return to === FIFTH ? 'antiparallel-fifths' : 'antiparallel-octaves';
  }
  if (outer && similar && Math.abs(upperMove) > MAX_STEP)
    return to === FIFTH ? 'hidden-fifths' : 'hidden-octaves';
  return undefined;
}

/** Semitones between the two voices mod 12, whichever is on top. */
function intervalClass(a: SoundingNote, b: SoundingNote): number {
  return Math.abs(a.note.midi - b.note.midi) % 12;
}

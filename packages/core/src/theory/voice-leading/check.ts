import { MusicError } from '../../errors.js';
import type { Score } from '../../score/score.js';
import { compare } from '../../time/rational.js';
import { measureLocator } from './locate.js';
import { checkMotions } from './motion-rules.js';
import {
  VOICE_LEADING_RULES,
  type VoiceLeadingFinding,
  type VoiceLeadingOptions,
  type VoiceLeadingReport,
  type VoiceLeadingRule,
  type VoiceRange,
} from './types.js';
import { buildVerticalities } from './verticalities.js';
import { checkCrossings, checkRanges, checkSpacing, SATB_RANGES } from './vertical-rules.js';
import { extractVoices } from './voices.js';

/**
 * Checks the part-writing of a score: parallel, antiparallel and hidden fifths and octaves, voice
 * crossing, spacing of the upper voices, and ranges. Each (part, staff, voice) stream is a voice;
 * voices are ordered highest first by mean pitch. Rates follow the evaluation yardstick: parallels
 * per 1,000 voice-pair motions, crossing and spacing per 1,000 verticalities.
 *
 * @throws MusicError when `ranges` or `voiceNames` does not give one entry per voice.
 */
export function checkVoiceLeading(score: Score, options: VoiceLeadingOptions = {}): VoiceLeadingReport {
  const voices = extractVoices(score, options.voiceNames);
  const ranges = rangesFor(voices.length, options.ranges);
  const verticalities = buildVerticalities(voices);
  const locate = measureLocator(score);
  const motions = checkMotions(voices, verticalities, locate);
  const crossings = checkCrossings(voices, verticalities, locate);
  const spacing = checkSpacing(voices, verticalities, locate);
  const findings: VoiceLeadingFinding[] = [
    ...motions.findings,
    ...crossings.findings,
    ...spacing.findings,
    ...checkRanges(voices, ranges, locate),
  ];
  const order = (rule: VoiceLeadingRule): number => VOICE_LEADING_RULES.indexOf(rule);
  // Array.prototype.sort is stable, so voice order survives within one position and rule.
  findings.sort((a, b) => compare(a.position, b.position) || order(a.rule) - order(b.rule));

  const perRule = Object.fromEntries(VOICE_LEADING_RULES.map((r) => [r, 0])) as Record<
    VoiceLeadingRule,
    number
  >;
  for (const f of findings) perRule[f.rule]++;
  const perMotion = (count: number): number => per1000(count, motions.voicePairMotions);
  const perVerticality = (count: number): number => per1000(count, verticalities.length);
  return {
    voices,
    findings,
    counts: {
      voicePairMotions: motions.voicePairMotions,
      verticalities: verticalities.length,
      adjacentPairChecks: crossings.checks,
      upperPairChecks: spacing.checks,
      findings: perRule,
    },
    rates: {
      parallelFifthsPer1000Motions: perMotion(perRule['parallel-fifths']),
      parallelOctavesPer1000Motions: perMotion(perRule['parallel-octaves']),
      crossingsPer1000Verticalities: perVerticality(perRule['voice-crossing']),
      spacingPer1000Verticalities: perVerticality(perRule.spacing),
      crossingsPer1000AdjacentPairs: per1000(perRule['voice-crossing'], crossings.checks),
      spacingPer1000UpperPairs: per1000(perRule.spacing, spacing.checks),
    },
  };
}

function rangesFor(voiceCount: number, ranges: readonly VoiceRange[] | undefined): readonly VoiceRange[] {
  if (!ranges) return voiceCount === SATB_RANGES.length ? SATB_RANGES : [];
  if (ranges.length !== voiceCount) {
    throw new MusicError(
      `${ranges.length} voice ranges were given but the score has ${voiceCount} voices: give one range per voice, highest first`,
    );
  }
  return ranges;
}

function per1000(count: number, total: number): number {
  return total === 0 ? 0 : (1000 * count) / total;
}

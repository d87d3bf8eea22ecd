import type { Levels } from './levels.js';

/** Leading or trailing silence at least this long is worth mentioning. */
const SILENCE_NOTE_SECONDS = 1;
/** A DC offset above this is mentioned (it is removed either way). */
const DC_NOTE = 0.01;
/** A recording quieter than this (RMS, dBFS) is called very quiet. */
const QUIET_DBFS = -40;

const secondsText = (s: number): string => `${s.toFixed(1)} s`;
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** What a user should be told about a recording's levels, in words, most serious first. */
export function describeLevels(levels: Levels): string[] {
  if (levels.silent) return ['the recording is silent (quieter than −60 dBFS throughout)'];
  const warnings: string[] = [];
  if (levels.clippedRuns > 0) {
    const percent = (levels.clippedFraction * 100).toFixed(levels.clippedFraction < 0.001 ? 2 : 1);
    warnings.push(
      `the recording clips in ${plural(levels.clippedRuns, 'place', 'places')} (${percent} % of samples); notes there may be misread`,
    );
  }
  if (levels.rmsDbfs < QUIET_DBFS) {
    warnings.push(
      `the recording is very quiet (${levels.rmsDbfs.toFixed(0)} dBFS RMS); it was amplified, so background noise may be heard as notes`,
    );
  }
  if (levels.leadingSilenceSeconds >= SILENCE_NOTE_SECONDS) {
    warnings.push(`the first ${secondsText(levels.leadingSilenceSeconds)} are silent`);
  }
  if (levels.trailingSilenceSeconds >= SILENCE_NOTE_SECONDS) {
    warnings.push(`the last ${secondsText(levels.trailingSilenceSeconds)} are silent`);
  }
  if (Math.abs(levels.dcOffset) > DC_NOTE) {
    warnings.push(`the recording has a DC offset of ${levels.dcOffset.toFixed(3)} (removed)`);
  }
  return warnings;
}

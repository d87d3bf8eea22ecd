import { beatsToSeconds, contentEnd, scoreTempoMap, type Score } from '@cadenza/core';
import { ExportError } from './export-error.js';

/** How long the score plays, in seconds, at its tempo marks. */
export function scoreSeconds(score: Score): number {
  return beatsToSeconds(scoreTempoMap(score), contentEnd(score));
}

/**
 * Refuses a score that plays longer than `maxSeconds` (CADENZA_MAX_AUDIO_SECONDS) or has no notes
 * at all, before any rendering starts: both are `invalid` with the numbers in the message.
 */
export function checkScoreLength(score: Score, maxSeconds: number): number {
  const notes = score.parts.reduce((n, p) => n + p.notes.length, 0);
  if (notes === 0) throw new ExportError('invalid', 'the score has no notes: there is nothing to play');
  const seconds = scoreSeconds(score);
  if (seconds > maxSeconds) {
    throw new ExportError(
      'invalid',
      `the score plays for ${formatDuration(seconds)}, longer than the ${formatDuration(maxSeconds)} an export may ` +
        'last (CADENZA_MAX_AUDIO_SECONDS)',
    );
  }
  return seconds;
}

function formatDuration(seconds: number): string {
  const whole = Math.round(seconds);
  const m = Math.floor(whole / 60);
  const s = whole % 60;
  return m > 0 ? `${m} min ${String(s).padStart(2, '0')} s` : `${s} s`;
}

import { intervalLongName, parseInterval, STEPS, stepIndex, type Interval, type Pitch } from '@cadenza/core';
import { COMPOUND_TO_SIMPLE, INTERVAL_REFERENCES } from './interval-references.js';
import { halfSteps, letterName } from './music-words.js';
import type { IntervalPlayback } from './question-types.js';

/** "minor sixth" for a signed interval (direction is said separately). */
export const intervalWords = (interval: Interval): string =>
  intervalLongName(
    interval.steps < 0 ? { steps: -interval.steps, semitones: -interval.semitones } : interval,
  );

/** The letters an interval spans, counted from the lower: "C D E F G A" for C up to A♭. */
function letterSpan(low: Pitch, steps: number): string {
  const start = stepIndex(low.step);
  return Array.from({ length: steps + 1 }, (_, i) => STEPS[(start + i) % 7]).join(' ');
}

/** How to hear it again: the reference tune for the direction played (both for harmonic). */
function reference(name: string, playback: IntervalPlayback): string {
  const simple = COMPOUND_TO_SIMPLE[name];
  if (simple) {
    const inner = intervalLongName(parseInterval(simple));
    return `A compound interval: hear it as ${/^[aeiou]/.test(inner) ? 'an' : 'a'} ${inner} plus an octave. ${reference(simple, playback)}`;
  }
  const ref = INTERVAL_REFERENCES[name];
  if (!ref) return '';
  if (playback === 'melodic_up') return `Think of ${ref.up}.`;
  if (playback === 'melodic_down') return `Falling, think of ${ref.down}.`;
  return `Together it sounds ${ref.together}. Rising, think of ${ref.up}.`;
}

/**
 * What a teacher says about the interval that was played: its name, its half steps and letter span with
 * the actual notes, and a tune to remember it by. E.g. "That was a minor sixth: 8 half steps (C up to
 * A♭), six letter names C D E F G A. Think of …".
 */
export function explainInterval(options: {
  readonly name: string;
  readonly playback: IntervalPlayback;
  readonly notes: readonly [Pitch, Pitch];
  readonly interval: Interval;
}): string {
  const { name, playback, notes, interval } = options;
  const [first, second] = notes;
  const words = intervalWords(interval);
  const size = Math.abs(interval.semitones);
  const motion =
    playback === 'harmonic'
      ? `${letterName(first)} and ${letterName(second)} together`
      : `${letterName(first)} ${interval.steps < 0 ? 'down' : 'up'} to ${letterName(second)}`;
  const low = interval.steps < 0 ? second : first;
  const steps = Math.abs(interval.steps);
  const span = steps >= 1 && steps <= 7 ? `, ${steps + 1} letter names: ${letterSpan(low, steps)}` : '';
  const article = /^[aeiou]/.test(words) ? 'an' : 'a';
  return `That was ${article} ${words}: ${halfSteps(size)} (${motion})${span}. ${reference(name, playback)}`.trim();
}

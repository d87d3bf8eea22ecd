// Synthetic performances for the notation tests: notated events played against beat times with jitter.
import { createRng, type Score, formatRational, pitchName } from '@cadenza/core';
import type { PlayedNote } from '../src/notation/index.js';

/** [midi, start, length]: start and length in beats of the beat list (beat 0 = beats[0]). */
export type Event = readonly [number, number, number];

/** `count` beat times from `start` s, the period moving linearly from `from` to `to` seconds. */
export function beatTimes(count: number, from: number, to = from, start = 0.5): number[] {
  const out = [start];
  for (let i = 1; i < count; i++) {
    const period = from + ((to - from) * (i - 1)) / Math.max(1, count - 2);
    out.push((out[i - 1] as number) + period);
  }
  return out;
}

/** Seconds at a fractional beat index, linear between beats. */
export function timeAt(beats: readonly number[], beat: number): number {
  const i = Math.min(Math.max(0, Math.floor(beat)), beats.length - 2);
  const a = beats[i] as number;
  const b = beats[i + 1] as number;
  return a + (beat - i) * (b - a);
}

/**
 * Plays events: onsets jittered uniformly within ±jitter s, ends 40 ms early (legato-ish) plus half the
 * jitter, velocity 64–96.
 */
export function perform(
  events: readonly Event[],
  beats: readonly number[],
  { seed = 1, jitter = 0.02 }: { seed?: number; jitter?: number } = {},
): PlayedNote[] {
  const rng = createRng(seed);
  const wobble = (): number => (rng.next() * 2 - 1) * jitter;
  return events.map(([midi, start, length]) => ({
    midi,
    onset: timeAt(beats, start) + wobble(),
    offset: timeAt(beats, start + length) - 0.04 + wobble() / 2,
    velocity: rng.int(64, 96),
  }));
}

/** "pitch@position+duration", plus " s2" on staff 2, per note, sorted by position, staff and pitch. */
export function notation(score: Score): string[] {
  const notes = score.parts.flatMap((p) => p.notes);
  return [...notes]
    .sort(
      (a, b) =>
        a.position.n / a.position.d - b.position.n / b.position.d ||
        a.staff - b.staff ||
        pitchName(a.pitch).localeCompare(pitchName(b.pitch)),
    )
    .map(
      (n) =>
        `${pitchName(n.pitch)}@${formatRational(n.position)}+${formatRational(n.duration)}${n.staff === 1 ? '' : ` s${n.staff}`}`,
    );
}

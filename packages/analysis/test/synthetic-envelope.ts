/** Synthetic onset-strength envelopes for the rhythm tests: impulses with a short decay, plus noise. */
import { createRng } from '@cadenza/core';

export const FRAME_RATE = 44100 / 512;

export interface Impulse {
  readonly time: number;
  readonly strength: number;
}

/** An envelope of `seconds` length with each impulse split across frames by its sub-frame position. */
export function impulseEnvelope(
  impulses: readonly Impulse[],
  seconds: number,
  noise: number,
  seed: number,
): Float64Array {
  const rng = createRng(seed);
  const envelope = new Float64Array(Math.ceil(seconds * FRAME_RATE));
  for (let i = 0; i < envelope.length; i++) envelope[i] = noise * rng.next();
  const shape = [1, 0.35, 0.1];
  for (const { time, strength } of impulses) {
    const position = time * FRAME_RATE;
    const frame = Math.floor(position);
    const fraction = position - frame;
    shape.forEach((s, k) => {
      add(envelope, frame + k, strength * s * (1 - fraction));
      add(envelope, frame + k + 1, strength * s * fraction);
    });
  }
  return envelope;
}

function add(envelope: Float64Array, frame: number, value: number): void {
  if (frame >= 0 && frame < envelope.length) envelope[frame] = (envelope[frame] as number) + value;
}

/** Beat times of a steady tempo from `start`, each moved by a uniform jitter of ±`jitter` s. */
export function steadyBeats(
  bpm: number,
  start: number,
  seconds: number,
  jitter: number,
  seed: number,
): number[] {
  const rng = createRng(seed);
  const times: number[] = [];
  for (let t = start; t < seconds - 0.1; t += 60 / bpm) times.push(t + jitter * (2 * rng.next() - 1));
  return times;
}

/** Beat times of a tempo moving linearly from `fromBpm` to `toBpm` over `seconds`. */
export function rampBeats(fromBpm: number, toBpm: number, start: number, seconds: number): number[] {
  const times: number[] = [];
  let t = start;
  while (t < seconds - 0.1) {
    times.push(t);
    const bpm = fromBpm + ((toBpm - fromBpm) * t) / seconds;
    t += 60 / bpm;
  }
  return times;
}

/** Share of `truth` beats with a detected beat within `tolerance` s (each detection used once). */
export function matchedShare(
  truth: readonly number[],
  detected: readonly number[],
  tolerance: number,
): number {
  const used = new Set<number>();
  let hits = 0;
  for (const t of truth) {
    let best = -1;
    let bestError = tolerance;
    detected.forEach((d, i) => {
      const error = Math.abs(d - t);
      if (!used.has(i) && error <= bestError) {
        best = i;
        bestError = error;
      }
    });
    if (best >= 0) {
      used.add(best);
      hits++;
    }
  }
  return truth.length === 0 ? 0 : hits / truth.length;
}

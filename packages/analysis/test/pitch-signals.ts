/** Synthetic test signals for the pitch-tracker tests (22.05 kHz mono), all deterministic. */
import { createRng } from '@cadenza/core';

export const RATE = 22_050;

/** Pitch difference a − b in cents. */
export const centsBetween = (a: number, b: number): number => 1200 * Math.log2(a / b);

/**
 * A tone whose instantaneous frequency is `frequency(t)` Hz (t in seconds), with harmonic k at
 * amplitude `partials[k − 1]`, phase integrated sample by sample so glides and vibrato are exact.
 */
export function tone(
  seconds: number,
  frequency: (t: number) => number,
  partials: readonly number[] = [1],
  gain = 0.5,
): Float32Array {
  const out = new Float32Array(Math.round(seconds * RATE));
  let phase = 0;
  for (let i = 0; i < out.length; i++) {
    let v = 0;
    for (let k = 0; k < partials.length; k++) v += (partials[k] as number) * Math.sin((k + 1) * phase);
    out[i] = gain * v;
    phase += (2 * Math.PI * frequency(i / RATE)) / RATE;
    if (phase > 2 * Math.PI) phase -= 2 * Math.PI;
  }
  return out;
}

export const sine = (hz: number, seconds: number, gain = 0.5): Float32Array =>
  tone(seconds, () => hz, [1], gain);

/** Seeded white noise, uniform in [−gain, gain]. */
export function noise(seconds: number, gain: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const out = new Float32Array(Math.round(seconds * RATE));
  for (let i = 0; i < out.length; i++) out[i] = gain * (2 * rng.next() - 1);
  return out;
}

/** Concatenates signals. */
export function concat(...parts: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Sample-wise sum of equal-length signals plus a constant offset. */
export function mix(offset: number, ...parts: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(parts[0]?.length ?? 0).fill(offset);
  for (const p of parts) for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) + (p[i] as number);
  return out;
}

export const silence = (seconds: number): Float32Array => new Float32Array(Math.round(seconds * RATE));

/** The median of a list (NaN when empty). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? NaN : (s[Math.floor(s.length / 2)] as number);
}

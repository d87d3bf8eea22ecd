/** Synthetic test signals for the onset tests (22.05 kHz mono), all deterministic. */
import { createRng } from '@cadenza/core';

export const RATE = 22_050;

const hz = (midi: number): number => 440 * 2 ** ((midi - 69) / 12);
const dbToGain = (db: number): number => 10 ** (db / 20);

export interface Pluck {
  /** Start in seconds. */
  readonly time: number;
  readonly midi: number;
  /** Level in dB relative to full scale of the first partial. */
  readonly db: number;
  /** Seconds until the next pluck of the same string, which damps this one (5 ms release). */
  readonly until?: number;
}

/**
 * Harmonic plucks: 8 partials at 1/k amplitude, each decaying exponentially (higher ones faster),
 * summed into one buffer. A pluck starts from zero phase with a 1 ms attack ramp.
 */
export function plucks(notes: readonly Pluck[], seconds: number): Float32Array {
  const out = new Float32Array(Math.round(seconds * RATE));
  for (const note of notes) {
    const start = Math.round(note.time * RATE);
    // Past 6 s every partial is below −80 dB.
    const until = Math.min(note.until ?? seconds, note.time + 6);
    const end = Math.min(out.length, Math.round(until * RATE));
    const f0 = hz(note.midi);
    const gain = dbToGain(note.db);
    for (let k = 1; k <= 8 && k * f0 < RATE / 2 - 500; k++) {
      const amp = gain / k;
      const decay = 1 / (0.6 / k ** 0.5); // per second
      const w = (2 * Math.PI * k * f0) / RATE;
      for (let i = start; i < end; i++) {
        const t = (i - start) / RATE;
        const attack = Math.min(1, t / 0.001);
        const release = Math.min(1, (end - i) / (0.005 * RATE));
        out[i] =
          (out[i] as number) + amp * attack * release * Math.exp(-decay * t) * Math.sin(w * (i - start));
      }
    }
  }
  return out;
}

/** A harmonic tone (4 partials) at `midi` with vibrato of `depth` semitones at `rateHz`, 20 ms fade in. */
export function vibratoTone(midi: number, depth: number, rateHz: number, seconds: number): Float32Array {
  const out = new Float32Array(Math.round(seconds * RATE));
  let phase = 0;
  for (let i = 0; i < out.length; i++) {
    const t = i / RATE;
    const f = hz(midi + depth * Math.sin(2 * Math.PI * rateHz * t));
    phase += (2 * Math.PI * f) / RATE;
    const env = Math.min(1, t / 0.02) * 0.3;
    let x = 0;
    for (let k = 1; k <= 4; k++) x += Math.sin(k * phase) / k;
    out[i] = env * x;
  }
  return out;
}

/** A sine that follows `midis`, switching frequency (phase continuous, same amplitude) every `step` s. */
export function legatoSine(midis: readonly number[], step: number, lead: number): Float32Array {
  const out = new Float32Array(Math.round((lead + midis.length * step + 0.3) * RATE));
  let phase = 0;
  for (let i = 0; i < out.length; i++) {
    const t = i / RATE;
    const index = Math.min(midis.length - 1, Math.max(0, Math.floor((t - lead) / step)));
    phase += (2 * Math.PI * hz(midis[index] as number)) / RATE;
    out[i] = 0.3 * Math.min(1, t / 0.02) * Math.sin(phase);
  }
  return out;
}

/** A 440 Hz harmonic tone fading in linearly over `fade` seconds from silence, then held. */
export function crescendo(fade: number, seconds: number): Float32Array {
  const out = new Float32Array(Math.round(seconds * RATE));
  for (let i = 0; i < out.length; i++) {
    const t = i / RATE;
    const w = (2 * Math.PI * 440 * i) / RATE;
    out[i] = 0.3 * Math.min(1, t / fade) * (Math.sin(w) + 0.5 * Math.sin(2 * w) + 0.3 * Math.sin(3 * w));
  }
  return out;
}

/** White noise bursts (uniform, seeded) of `length` s starting at `times`, each decaying to −40 dB. */
export function noiseBursts(
  times: readonly number[],
  length: number,
  seconds: number,
  seed: number,
): Float32Array {
  const out = new Float32Array(Math.round(seconds * RATE));
  const rng = createRng(seed);
  for (const time of times) {
    const start = Math.round(time * RATE);
    const n = Math.round(length * RATE);
    for (let i = 0; i < n && start + i < out.length; i++) {
      out[start + i] = 0.5 * (2 * rng.next() - 1) * 10 ** ((-2 * i) / n);
    }
  }
  return out;
}

/** Matches detections to references one-to-one within ±tolerance seconds (greedy in time order). */
export function matchOnsets(
  reference: readonly number[],
  detected: readonly number[],
  tolerance: number,
): { hits: number; errors: number[]; precision: number; recall: number } {
  const used = new Set<number>();
  const errors: number[] = [];
  for (const r of reference) {
    let best = -1;
    for (let j = 0; j < detected.length; j++) {
      const d = detected[j] as number;
      if (used.has(j) || Math.abs(d - r) > tolerance) continue;
      if (best < 0 || Math.abs(d - r) < Math.abs((detected[best] as number) - r)) best = j;
    }
    if (best >= 0) {
      used.add(best);
      errors.push((detected[best] as number) - r);
    }
  }
  const hits = errors.length;
  return {
    hits,
    errors,
    precision: detected.length === 0 ? 1 : hits / detected.length,
    recall: reference.length === 0 ? 1 : hits / reference.length,
  };
}

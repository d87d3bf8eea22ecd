import {
  intervalBetweenClasses,
  isMinorLike,
  keyScale,
  placeAtOrAbove,
  transpose,
  type Key,
  type Pitch,
  type Rng,
} from '@cadenza/core';

/** How a melody walks: the chance of a step (else a repeat or a leap) and the smallest leap it prefers. */
export interface WalkStyle {
  readonly stepChance: number;
  readonly leapChance: number;
}

export const WALK_STYLES: Readonly<Record<string, WalkStyle>> = {
  stepwise_motion: { stepChance: 0.85, leapChance: 0.05 },
  interval_jumps: { stepChance: 0.25, leapChance: 0.7 },
  key_signature_reading: { stepChance: 0.6, leapChance: 0.3 },
  rhythm_reading: { stepChance: 0.6, leapChance: 0.15 },
};

/**
 * A melody as scale-step indices (0 = the tonic): starts on the tonic, 3rd or 5th, moves by at most
 * `maxInterval` letter steps, stays inside [low, low + rangeSteps], and ends on a tonic. Each choice is
 * checked to leave the final tonic reachable in the notes that remain.
 */
export function walkMelody(options: {
  readonly count: number;
  readonly maxInterval: number;
  readonly rangeSteps: number;
  readonly low: number;
  readonly style: WalkStyle;
  readonly rng: Rng;
}): number[] {
  const { count, maxInterval, rangeSteps, low, style, rng } = options;
  const high = low + rangeSteps;
  const tonics = [-7, 0, 7, 14].filter((t) => t >= low && t <= high);
  const target = tonics.reduce((a, b) =>
    Math.abs(b - (low + high) / 2) < Math.abs(a - (low + high) / 2) ? b : a,
  );
  const starts = [0, 2, 4, -3, 7].filter(
    (s) => s >= low && s <= high && Math.abs(s - target) <= maxInterval * (count - 1),
  );
  const out: number[] = [starts.length > 0 ? rng.pick(starts) : target];
  for (let i = 1; i < count; i++) {
    const previous = out[i - 1] as number;
    const remaining = count - 1 - i;
    if (remaining === 0) {
      out.push(target);
      break;
    }
    const options: number[] = [];
    const weights: number[] = [];
    for (let move = -maxInterval; move <= maxInterval; move++) {
      const next = previous + move;
      if (next < low || next > high) continue;
      if (Math.abs(next - target) > maxInterval * remaining) continue;
      const size = Math.abs(move);
      const weight =
        size === 0 ? 0.1 : size === 1 ? style.stepChance : style.leapChance / Math.max(1, maxInterval - 1);
      options.push(next);
      weights.push(Math.max(weight, 0.01));
    }
    out.push(options.length > 0 ? rng.weighted(options, weights) : previous);
  }
  return out;
}

/** Spelled pitches for step indices in a key (natural minor in minor), the tonic at or above `floor`. */
export function stepsToPitches(steps: readonly number[], key: Key, floor: number): Pitch[] {
  const scale = keyScale(key);
  const tonic = placeAtOrAbove(key.tonic, floor);
  return steps.map((s, i) => {
    const degree = ((s % 7) + 7) % 7;
    const octave = Math.floor(s / 7);
    const pc = scale[degree] ?? key.tonic;
    const iv = intervalBetweenClasses(key.tonic, pc);
    const pitch = transpose(tonic, { steps: iv.steps + 7 * octave, semitones: iv.semitones + 12 * octave });
    // In minor the 7th rises to a leading tone when it moves up to the tonic (harmonic minor).
    const next = steps[i + 1];
    if (isMinorLike(key) && degree === 6 && next === s + 1) return { ...pitch, alter: pitch.alter + 1 };
    return pitch;
  });
}

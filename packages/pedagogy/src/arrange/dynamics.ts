import { toNumber, type Note, type TimeSignature, measureLength } from '@cadenza/core';

/** Bars per phrase for dynamic shaping. */
const PHRASE_BARS = 4;

/**
 * Shapes velocities over four-bar phrases inside the application's range: each phrase swells towards
 * its third bar and relaxes at its end, the last phrase ends softer. A pattern's own velocity (80 =
 * normal) is kept as relative weight, so its accents (backbeats, melody over chord) survive. Results
 * are whole numbers inside [low, high].
 */
export function shapeDynamics(
  notes: readonly Note[],
  range: readonly [number, number],
  meter: TimeSignature,
  bars: number,
): Note[] {
  const [low, high] = range;
  const bar = toNumber(measureLength(meter));
  const phraseLength = bar * PHRASE_BARS;
  const total = bar * bars;
  return notes.map((n) => {
    const at = toNumber(n.position);
    const inPhrase = (at % phraseLength) / phraseLength; // 0 … 1
    const swell = Math.sin(Math.PI * Math.min(1, inPhrase * 1.25)); // peaks around bar 3
    const ending = at >= total - phraseLength ? 0.85 : 1;
    const level = (0.35 + 0.55 * swell) * ending; // 0.3 … 0.9 of the range
    const weight = (n.velocity ?? 80) / 80;
    const velocity = Math.round(low + (high - low) * Math.min(1, level * weight));
    return { ...n, velocity: Math.max(low, Math.min(high, velocity)) };
  });
}

/** Lowest and highest piano keys (A0, C8) as MIDI numbers. */
export const PIANO_LOW = 21;
export const PIANO_HIGH = 108;
/** The widest a hand may stretch: a tenth (16 semitones: C–E an octave and a third above). */
export const MAX_HAND_SPAN = 16;
/** The most keys one hand plays at once. */
export const MAX_NOTES_PER_HAND = 5;

/** Where each hand usually lives, as MIDI ranges (left: E1–C5, right: F3–C7). */
export const HAND_RANGE = {
  left: [28, 72],
  right: [53, 96],
} as const;

/** True when a set of simultaneous MIDI notes is playable by one hand. */
export function playableByOneHand(midis: readonly number[]): boolean {
  if (midis.length === 0) return true;
  if (midis.length > MAX_NOTES_PER_HAND) return false;
  const low = Math.min(...midis);
  const high = Math.max(...midis);
  return high - low <= MAX_HAND_SPAN && low >= PIANO_LOW && high <= PIANO_HIGH;
}

/**
 * Key finding (Krumhansl–Schmuckler): correlate a duration-weighted pitch-class histogram with a key
 * profile rotated to each of the 24 major and minor tonics; the best correlation names the key.
 */
import { keyFromFifths, type Key } from '@cadenza/core';
import { KEY_PROFILES, type KeyProfileName } from './profiles.js';

export type KeyMode = 'major' | 'minor';

/** A key as a tonic pitch class (0 = C … 11 = B, unspelled) and a mode. */
export interface KeyClass {
  readonly tonic: number;
  readonly mode: KeyMode;
}

export interface KeyCandidate extends KeyClass {
  /** Pearson correlation of the histogram with this key's profile, −1…1. */
  readonly correlation: number;
}

export interface KeyEstimate extends KeyCandidate {
  /** All 24 keys, best first. */
  readonly candidates: readonly KeyCandidate[];
}

/** A sounding note: MIDI number and duration (seconds or beats; only ratios matter). */
export interface KeyNote {
  readonly midi: number;
  readonly duration: number;
}

export interface KeyOptions {
  /** Which published profile to correlate with (default 'krumhansl'). */
  readonly profile?: KeyProfileName;
  /**
   * The MIDI number of the piece's final note (a melody's last note, the bass of the last chord): music
   * mostly ends on its tonic, so a key whose tonic it is gains FINAL_TONIC_BONUS in the ranking, and one
   * whose triad holds it (as third or fifth) FINAL_TRIAD_BONUS.
   */
  readonly finalMidi?: number;
}

/**
 * Ranking bonuses for the final note, tuned on the 120 chorales in ../shared/eval with their true notes
 * (Temperley profiles; MIREX score, soprano alone 0.75 → 0.80, four voices 0.80 → 0.83).
 */
export const FINAL_TONIC_BONUS = 0.2;
export const FINAL_TRIAD_BONUS = 0.05;

/** Total duration per pitch class, C first. */
export function pitchClassHistogram(notes: readonly KeyNote[]): number[] {
  const histogram = new Array<number>(12).fill(0);
  for (const note of notes) {
    const pc = ((Math.round(note.midi) % 12) + 12) % 12;
    histogram[pc] = (histogram[pc] as number) + Math.max(0, note.duration);
  }
  return histogram;
}

/**
 * The most likely key of a set of notes. Throws when the notes have no total duration: there is no key
 * to find in silence.
 */
export function estimateKey(notes: readonly KeyNote[], options: KeyOptions = {}): KeyEstimate {
  const estimate = estimateKeyFromHistogram(pitchClassHistogram(notes), options);
  if (options.finalMidi === undefined) return estimate;
  const final = ((Math.round(options.finalMidi) % 12) + 12) % 12;
  const rank = (c: KeyCandidate) => {
    const above = (final - c.tonic + 12) % 12;
    if (above === 0) return c.correlation + FINAL_TONIC_BONUS;
    const third = c.mode === 'major' ? 4 : 3;
    return above === third || above === 7 ? c.correlation + FINAL_TRIAD_BONUS : c.correlation;
  };
  const candidates = [...estimate.candidates].sort((a, b) => rank(b) - rank(a));
  return { ...(candidates[0] as KeyCandidate), candidates };
}

/** The Krumhansl–Schmuckler step (no final-note ranking) on an already built 12-bin pitch-class histogram (C first). */
export function estimateKeyFromHistogram(
  histogram: readonly number[],
  options: KeyOptions = {},
): KeyEstimate {
  if (histogram.length !== 12)
    throw new RangeError(`a pitch-class histogram has 12 bins, got ${histogram.length}`);
  if (!histogram.some((v) => v > 0)) throw new RangeError('no notes with duration: cannot estimate a key');
  const profile = KEY_PROFILES[options.profile ?? 'krumhansl'];
  const candidates: KeyCandidate[] = [];
  for (const mode of ['major', 'minor'] as const) {
    for (let tonic = 0; tonic < 12; tonic++) {
      const rotated = histogram.map((_, pc) => profile[mode][(pc - tonic + 12) % 12] as number);
      candidates.push({ tonic, mode, correlation: pearson(histogram, rotated) });
    }
  }
  candidates.sort((a, b) => b.correlation - a.correlation);
  const best = candidates[0] as KeyCandidate;
  return { ...best, candidates };
}

/**
 * The spelled core `Key` for a tonic pitch class and mode, choosing the key signature with fewer
 * accidentals: 10 major → B♭ major (2 flats, not A♯ with 10 sharps), 1 major → D♭ (5 flats, not C♯'s 7).
 * At the six-accidental tie sharps win: 6 major → F♯ major (not G♭), 3 minor → D♯ minor (not E♭ minor).
 */
export function toCoreKey(key: KeyClass): Key {
  const majorTonic = key.mode === 'major' ? key.tonic : key.tonic + 3;
  // Fifths from C to the major tonic, folded into −5…6.
  let fifths = (((majorTonic * 7) % 12) + 12) % 12;
  if (fifths > 6) fifths -= 12;
  return keyFromFifths(fifths, key.mode);
}

function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

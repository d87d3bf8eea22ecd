import { intervalBetweenClasses, type Interval } from '../pitch/interval.js';
import type { Chord } from './chord.js';

/** The core of a chord that roman numerals describe: its 3rd, 5th and 7th. */
export interface ChordAnatomy {
  /** Semitones of the third above the root (3 minor, 4 major), or undefined for sus/power chords. */
  readonly third?: 3 | 4;
  /** 'sus2' / 'sus4' when the third is replaced. */
  readonly suspension?: 'sus2' | 'sus4';
  /** Semitones of the fifth: 6 diminished, 7 perfect, 8 augmented; undefined when omitted. */
  readonly fifth?: 6 | 7 | 8;
  /** Semitones of the seventh: 9 diminished, 10 minor, 11 major. */
  readonly seventh?: 9 | 10 | 11;
  /** An added sixth (C6, C6/9) rather than a seventh. */
  readonly sixth: boolean;
  /** Highest natural extension stacked on the 7th: 9, 11 or 13. */
  readonly extension?: 9 | 11 | 13;
  /** Altered tensions as chart text, e.g. ['b9', '#11']. */
  readonly alterations: readonly string[];
  /** Added tones without a 7th, e.g. ['add9']. */
  readonly additions: readonly string[];
}

const has = (ivs: readonly Interval[], steps: number, semitones: number): boolean =>
  ivs.some((i) => i.steps === steps && i.semitones === semitones);

/** Reads a chord's third, fifth, seventh, extensions and alterations from its spelled intervals. */
export function chordAnatomy(chord: Chord): ChordAnatomy {
  const ivs = chord.intervals;
  const third = has(ivs, 2, 4) ? 4 : has(ivs, 2, 3) ? 3 : undefined;
  const suspension = third ? undefined : has(ivs, 3, 5) ? 'sus4' : has(ivs, 1, 2) ? 'sus2' : undefined;
  const fifth = has(ivs, 4, 7) ? 7 : has(ivs, 4, 6) ? 6 : has(ivs, 4, 8) ? 8 : undefined;
  const seventh = has(ivs, 6, 11) ? 11 : has(ivs, 6, 10) ? 10 : has(ivs, 6, 9) ? 9 : undefined;
  const sixth = has(ivs, 5, 9);
  const alterations: string[] = [];
  if (has(ivs, 8, 13)) alterations.push('b9');
  if (has(ivs, 8, 15)) alterations.push('#9');
  if (has(ivs, 10, 18)) alterations.push('#11');
  if (has(ivs, 12, 20)) alterations.push('b13');
  const natural9 = has(ivs, 8, 14);
  const natural11 = has(ivs, 10, 17);
  const natural13 = has(ivs, 12, 21);
  let extension: 9 | 11 | 13 | undefined;
  const additions: string[] = [];
  if (seventh) {
    if (natural13) extension = 13;
    else if (natural11) extension = 11;
    else if (natural9) extension = 9;
  } else {
    if (natural9 && !sixth) additions.push('add9');
    if (natural11) additions.push('add11');
  }
  return {
    ...(third ? { third } : {}),
    ...(suspension ? { suspension } : {}),
    ...(fifth ? { fifth } : {}),
    ...(seventh ? { seventh } : {}),
    sixth,
    ...(extension ? { extension } : {}),
    alterations,
    additions: sixth && natural9 ? [...additions, '9'] : additions,
  };
}

/** Inversion from the bass: 0 root position, 1 first (3rd in bass), 2 second (5th), 3 third (7th); -1 other. */
export function inversionOf(chord: Chord): number {
  const above = intervalBetweenClasses(chord.root, chord.bass);
  if (above.steps === 0) return 0;
  if (above.steps === 2) return 1;
  if (above.steps === 4) return 2;
  if (above.steps === 6) return 3;
  return -1;
}

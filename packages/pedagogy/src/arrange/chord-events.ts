import {
  add,
  analyzeChord,
  measureLength,
  mul,
  parseChordSymbol,
  rat,
  type Chord,
  type Key,
  type Rational,
  type TimeSignature,
} from '@cadenza/core';
import type { ChordEvent, Progression } from './arrangement-types.js';

/** Where bar `bar` (from 0) starts, in quarter notes. */
export function barStart(bar: number, meter: TimeSignature): Rational {
  return mul(measureLength(meter), rat(bar));
}

/**
 * A chord of a progression from its symbol: parsed, analysed in the key (roman numeral), with the
 * teaching comment. `numeral` overrides the analysis where the genre names it better ("V7/ii",
 * "tritone sub of V7").
 */
export function chordEvent(
  symbol: string,
  key: Key,
  at: { readonly position: Rational; readonly duration: Rational },
  comment: string,
  numeral?: string,
): ChordEvent {
  const chord = parseChordSymbol(symbol);
  return { ...at, chord, numeral: numeral ?? analyzeChord(chord, key).numeral, comment };
}

/** Same, from an already parsed chord (a user's chart). */
export function chordEventOf(
  chord: Chord,
  key: Key,
  at: { readonly position: Rational; readonly duration: Rational },
  comment: string,
): ChordEvent {
  return { ...at, chord, numeral: analyzeChord(chord, key).numeral, comment };
}

/** The chord sounding at `position` (the last one starting at or before it). */
export function chordAt(progression: Progression, position: Rational): ChordEvent | undefined {
  let found: ChordEvent | undefined;
  for (const event of progression.chords) {
    if (event.position.n * position.d <= position.n * event.position.d) found = event;
    else break;
  }
  return found;
}

/** The end of a chord event. */
export const eventEnd = (event: ChordEvent): Rational => add(event.position, event.duration);

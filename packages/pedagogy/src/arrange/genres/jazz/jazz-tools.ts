import {
  add,
  measureLength,
  parseInterval,
  transposeClass,
  rat,
  sub,
  toNumber,
  type Chord,
  type PitchClass,
  type Rational,
} from '@cadenza/core';
import type { ArrangeRequest, ChordEvent, Progression } from '../../arrangement-types.js';
import { barStart, chordAt } from '../../chord-events.js';
import { handNote, toneAt } from '../../hand-notes.js';

// Shared with the other genres; re-exported so this genre's files keep one place to import from.
export { handNote, toneAt };

/** One quarter-note beat of the piece and the chord sounding on it. */
export interface JazzBeat {
  readonly bar: number;
  /** Beat inside the bar, from 0. */
  readonly index: number;
  readonly position: Rational;
  /** A quarter, or less for the last beat of a bar like 7/8. */
  readonly length: Rational;
  readonly event: ChordEvent;
  /** The chord changes on this beat (or the piece starts). */
  readonly changes: boolean;
}

/** Every quarter-note beat of the piece. */
export function jazzBeats(request: ArrangeRequest, progression: Progression): JazzBeat[] {
  const beats: JazzBeat[] = [];
  const barLength = measureLength(request.meter);
  let previous: ChordEvent | undefined;
  for (let bar = 0; bar < request.bars; bar++) {
    const start = barStart(bar, request.meter);
    for (let index = 0; index < toNumber(barLength); index++) {
      const position = add(start, rat(index));
      const remaining = sub(add(start, barLength), position);
      const length = toNumber(remaining) < 1 ? remaining : rat(1);
      const event = chordAt(progression, position);
      if (!event) continue;
      beats.push({ bar, index, position, length, event, changes: event !== previous });
      previous = event;
    }
  }
  return beats;
}

/** 3rd (a sus 4th stands in), 5th (altered included), 7th (a 6th stands in), 9th (altered included). */
export const thirdOf = (c: Chord): PitchClass => toneAt(c, 4, 3, 5, 2) ?? c.root;
export const fifthOf = (c: Chord): PitchClass | undefined => toneAt(c, 7, 6, 8);
export const seventhOf = (c: Chord): PitchClass => toneAt(c, 10, 11, 9) ?? thirdOf(c);
/** The 9th the chord names, else the natural 9th a jazz pianist adds (♭9 over a dominant with ♭13). */
export function ninthOf(c: Chord): PitchClass {
  const named = toneAt(c, 2, 1, 3);
  if (named && c.notes.length > 4) return named;
  return transposeClass(c.root, parseInterval('M2'));
}

/** The 5th, or the 13th / 6th for a chord without one: the fourth tone of a rootless voicing. */
export function fifthOrThirteenth(c: Chord): PitchClass {
  const hasSeventh = toneAt(c, 10, 11) !== undefined;
  return (hasSeventh ? toneAt(c, 9, 8) : undefined) ?? fifthOf(c) ?? c.root;
}

/** A chord struck and held: at each bar line and each chord change, until the next of them. */
export interface Strike {
  readonly position: Rational;
  readonly duration: Rational;
  readonly event: ChordEvent;
}

/** Where a sustained-chord pattern strikes: each bar line and each chord change. */
export function strikes(request: ArrangeRequest, progression: Progression): Strike[] {
  const positions = new Map<string, Rational>();
  for (let bar = 0; bar < request.bars; bar++) {
    const p = barStart(bar, request.meter);
    positions.set(`${p.n}/${p.d}`, p);
  }
  for (const c of progression.chords) positions.set(`${c.position.n}/${c.position.d}`, c.position);
  const sorted = [...positions.values()].sort((a, b) => toNumber(a) - toNumber(b));
  const end = barStart(request.bars, request.meter);
  return sorted.flatMap((position, i) => {
    const event = chordAt(progression, position);
    const next = sorted[i + 1] ?? end;
    return event && toNumber(position) < toNumber(end)
      ? [{ position, duration: sub(next, position), event }]
      : [];
  });
}

import {
  add,
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
import { fromTwelfths, pulsesOf } from '../../meter-grid.js';

// Shared with the other genres; re-exported so this genre's files keep one place to import from.
export { handNote, toneAt };

/**
 * One counted beat of the piece and the chord sounding on it (see ../../meter-grid.ts): a quarter in
 * 4/4, 3/4 and 5/4, a dotted quarter in 6/8 and 12/8, a group of eighths in 5/8 or 7/8.
 */
export interface JazzBeat {
  readonly bar: number;
  /** Beat inside the bar, from 0. */
  readonly index: number;
  readonly position: Rational;
  /** A quarter or a dotted quarter; a shorter remainder in a bar such as 7/4 counted in halves. */
  readonly length: Rational;
  readonly event: ChordEvent;
  /** The chord changes on this beat (or the piece starts). */
  readonly changes: boolean;
  /** A beat the bar leans on (4/4: 1 and 3; 6/8: 1; 12/8: 1 and 7; 5/4 as 3+2: 1 and 4). */
  readonly strong: boolean;
}

/** Every counted beat of the piece. */
export function jazzBeats(request: ArrangeRequest, progression: Progression): JazzBeat[] {
  const beats: JazzBeat[] = [];
  const pulses = pulsesOf(request.meter);
  let previous: ChordEvent | undefined;
  for (let bar = 0; bar < request.bars; bar++) {
    const start = barStart(bar, request.meter);
    for (const pulse of pulses) {
      const position = add(start, fromTwelfths(pulse.start));
      const length = fromTwelfths(pulse.length);
      const event = chordAt(progression, position);
      if (!event) continue;
      beats.push({
        bar,
        index: pulse.index,
        position,
        length,
        event,
        changes: event !== previous,
        strong: pulse.strong,
      });
      previous = event;
    }
  }
  return beats;
}

/**
 * Where a beat's off-beat eighth falls, as an offset from the beat: the "and" of a quarter, the third
 * eighth of a dotted quarter (compound swing is long–short, quarter then eighth).
 */
export const offbeatIn = (beat: JazzBeat): Rational => sub(beat.length, rat(1, 2));

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

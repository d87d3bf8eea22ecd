import { rat, toNumber, type Rational } from '@cadenza/core';
import type { ArrangeRequest, ChordEvent, Progression } from '../../arrangement-types.js';
import { barStart, eventEnd } from '../../chord-events.js';

/** One hit of a groove: where in the bar (quarter notes) and how long it rings. */
export interface Hit {
  readonly at: number;
  readonly length: number;
}

/** A groove: the hits of one bar of `barLength` quarter notes (4 in 4/4, 3 in 3/4 and 6/8). */
export type Groove = (barLength: number) => readonly Hit[];

/** A quarter-note position on the 16th/triplet grid as an exact rational. */
export const q = (x: number): Rational => rat(Math.round(x * 48), 48);

/** The hit as the pattern plays it: where, how long, over which chord, and the chord after it. */
export interface GrooveHit {
  readonly position: Rational;
  readonly duration: Rational;
  readonly chord: ChordEvent;
  /** The next chord, when it starts where this hit ends (for approach notes and anticipations). */
  readonly next: ChordEvent | undefined;
  /** Index of the hit in its bar. */
  readonly index: number;
  readonly bar: number;
  /** True for the bar's last hit. */
  readonly last: boolean;
}

/**
 * Lays a groove over the piece: the groove's hits in every bar plus a hit wherever a chord changes, each
 * cut at the next hit, the chord's end and the bar line (so a held chord never rings into the next
 * harmony). `legato` stretches each hit to the next one.
 */
export function layGroove(
  request: ArrangeRequest,
  progression: Progression,
  groove: Groove,
  legato = false,
): GrooveHit[] {
  const hits: GrooveHit[] = [];
  const chords = progression.chords;
  for (let bar = 0; bar < request.bars; bar++) {
    const start = toNumber(barStart(bar, request.meter));
    const end = toNumber(barStart(bar + 1, request.meter));
    const length = end - start;
    const onsets = new Map<number, number>();
    for (const hit of groove(length)) if (hit.at < length - 1e-9) onsets.set(round(hit.at), hit.length);
    for (const c of chords) {
      const at = toNumber(c.position) - start;
      if (at > 1e-9 && at < length - 1e-9 && !onsets.has(round(at))) onsets.set(round(at), Infinity);
    }
    const ordered = [...onsets.entries()].sort((a, b) => a[0] - b[0]);
    ordered.forEach(([at, ring], i) => {
      const position = start + at;
      const chordIndex = findChord(chords, position);
      const chord = chords[chordIndex];
      if (!chord) return;
      const nextAt = ordered[i + 1]?.[0] ?? length;
      const chordEnd = toNumber(eventEnd(chord));
      const until = Math.min(start + nextAt, chordEnd, end);
      const stop = legato ? until : Math.min(until, position + ring);
      if (stop - position < 1 / 48) return;
      const following = chords[chordIndex + 1];
      hits.push({
        position: q(position),
        duration: q(stop - position),
        chord,
        next: following && Math.abs(toNumber(following.position) - until) < 1e-9 ? following : undefined,
        index: i,
        bar,
        last: i === ordered.length - 1,
      });
    });
  }
  return hits;
}

const round = (x: number) => Math.round(x * 48) / 48;

function findChord(chords: readonly ChordEvent[], position: number): number {
  let found = -1;
  for (let i = 0; i < chords.length; i++) {
    const c = chords[i];
    if (c && toNumber(c.position) <= position + 1e-9) found = i;
    else break;
  }
  return found;
}

/** Held chords: one hit per bar (and per chord change). */
export const SUSTAINED: Groove = (length) => [{ at: 0, length }];

/** Comping: the downbeat held, then a push on the "and" of 3 (4/4), rung into the bar line. */
export const COMPING: Groove = (length) =>
  length >= 3
    ? [
        { at: 0, length: length - 1.5 },
        { at: length - 1.5, length: 1.5 },
      ]
    : [{ at: 0, length }];

/** Sixteenth-note syncopation: a dotted-eighth, dotted-eighth, eighth cell every two beats (3+3+2). */
export const SYNCOPATED: Groove = (length) => {
  const hits: Hit[] = [];
  for (let beat = 0; beat < length - 1e-9; beat += 2) {
    for (const [at, ring] of [
      [0, 0.75],
      [0.75, 0.75],
      [1.5, 0.5],
    ] as const) {
      if (beat + at < length - 1e-9) hits.push({ at: beat + at, length: ring });
    }
  }
  return hits;
};

/** The smooth right hand: the chord on 1, then a push on the "and" of 3 rung into the bar line (reads easily). */
export const SMOOTH_STABS: Groove = (length) => COMPING(length);

/** The up-tempo right hand: sixteenth-note stabs around the beat. */
export const SIXTEENTH_STABS: Groove = (length) => {
  const hits: Hit[] = [];
  for (let beat = 0; beat < length - 1e-9; beat += 2) {
    for (const [at, ring] of [
      [0, 0.5],
      [0.75, 0.5],
      [1.5, 0.25],
      [1.75, 0.25],
    ] as const) {
      if (beat + at < length - 1e-9) hits.push({ at: beat + at, length: ring });
    }
  }
  return hits;
};

/** The syncopated bass: root, the "and" of 2, "e" and "a" of 3, and an approach on the "and" of 4. */
export const BASS_LINE: Groove = (length) => {
  if (length < 2) return [{ at: 0, length }];
  const hits: Hit[] = [{ at: 0, length: 1.25 }];
  for (const at of [1.5, 2.25, 2.75]) if (at < length - 0.75) hits.push({ at, length: 0.5 });
  hits.push({ at: length - 0.5, length: 0.5 });
  return hits;
};

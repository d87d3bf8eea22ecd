import {
  add,
  compare,
  gt,
  measureLength,
  mul,
  rat,
  sub,
  type Note,
  type Pitch,
  type Rational,
  type TimeSignature,
} from '@cadenza/core';
import type { Finger, FingeringMark, Hand } from './exercise-types.js';

/** One hand's notes for one segment, every note of the same value; fingers optional, one per note. */
export interface HandRun {
  readonly pitches: readonly Pitch[];
  readonly fingers?: readonly Finger[];
}

/** A stretch of the exercise (one pass of a scale, one inversion of an arpeggio) in one or both hands. */
export interface Segment {
  readonly right?: HandRun;
  readonly left?: HandRun;
}

export interface LaidOut {
  readonly notes: readonly Note[];
  readonly fingering: readonly FingeringMark[];
  readonly bars: number;
}

const STAFF: Record<Hand, number> = { right: 1, left: 2 };

/** Whole bars a segment takes: its notes at `value`, the last one held to the bar line. */
export function segmentBars(segment: Segment, value: Rational, ts: TimeSignature): number {
  const count = Math.max(segment.right?.pitches.length ?? 0, segment.left?.pitches.length ?? 0);
  const length = toQuarters(mul(rat(count), value));
  return Math.max(1, Math.ceil(length / toQuarters(measureLength(ts)) - 1e-9));
}

const toQuarters = (r: Rational): number => r.n / r.d;

/**
 * Lays segments one after another, each starting on a downbeat, cycling through them while the next
 * one fits in `bars` (all of them once when `bars` is undefined). Each segment's last note is held to
 * its bar line and the exercise's last note to the end, so every bar of a sounding hand is full.
 * Returns undefined when not even the first segment fits.
 */
export function laySegments(
  segments: readonly Segment[],
  value: Rational,
  ts: TimeSignature,
  bars: number | undefined,
): LaidOut | undefined {
  const measure = measureLength(ts);
  const sizes = segments.map((s) => segmentBars(s, value, ts));
  const chosen: number[] = [];
  let used = 0;
  if (bars === undefined) {
    segments.forEach((_, i) => chosen.push(i));
    used = sizes.reduce((a, b) => a + b, 0);
  } else {
    for (let i = 0; ; i = (i + 1) % segments.length) {
      const size = sizes[i] ?? 1;
      if (used + size > bars) break;
      chosen.push(i);
      used += size;
    }
    if (chosen.length === 0) return undefined;
  }
  const total = bars ?? used;
  const notes: Note[] = [];
  const fingering: FingeringMark[] = [];
  let barStart = 0;
  chosen.forEach((index, k) => {
    const segment = segments[index] as Segment;
    const size = sizes[index] ?? 1;
    const last = k === chosen.length - 1;
    const start = mul(rat(barStart), measure);
    const end = mul(rat(last ? total : barStart + size), measure);
    for (const hand of ['right', 'left'] as const) {
      const run = segment[hand];
      if (!run) continue;
      run.pitches.forEach((pitch, i) => {
        const position = add(start, mul(rat(i), value));
        const isLast = i === run.pitches.length - 1;
        const duration = isLast ? sub(end, position) : value;
        if (!gt(duration, rat(0))) throw new RangeError('internal: a segment overran its bars');
        notes.push({ pitch, position, duration, staff: STAFF[hand], voice: 1 });
        const finger = run.fingers?.[i];
        if (finger !== undefined) fingering.push({ hand, staff: STAFF[hand], position, pitch, finger });
      });
    }
    barStart += size;
  });
  notes.sort((a, b) => compare(a.position, b.position) || a.staff - b.staff);
  return { notes, fingering, bars: total };
}

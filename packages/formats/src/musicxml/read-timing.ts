/**
 * Where each measure of a file starts. Measures last as long as their longest part actually reaches,
 * so the short measures around a repeat sign (3 + 1 beats) keep time exactly. The model has barlines
 * only from its meters, so a short or long bar that the next bars do not make up for gets a restated
 * time signature after it: the beats that follow stay on the beats the composer wrote.
 */
import {
  add,
  compare,
  eq,
  gt,
  lt,
  measureLength,
  ZERO,
  type MeterChange,
  type Rational,
} from '@cadenza/core';
import type { PartScan } from './read-part.js';

export interface Timeline {
  readonly starts: readonly Rational[];
  readonly lengths: readonly Rational[];
  /** Length of the pickup measure, zero when the piece starts on a downbeat. */
  readonly pickup: Rational;
  readonly end: Rational;
}

export function measureTimeline(scans: readonly PartScan[]): Timeline {
  const count = Math.max(0, ...scans.map((s) => s.measures.length));
  const starts: Rational[] = [];
  const lengths: Rational[] = [];
  let at = ZERO;
  for (let i = 0; i < count; i++) {
    let extent = ZERO;
    for (const s of scans) {
      const e = s.measures[i]?.extent;
      if (e && gt(e, extent)) extent = e;
    }
    const nominal = scans[0]?.measures[i]?.nominal ?? ZERO;
    const length = eq(extent, ZERO) ? nominal : extent;
    starts.push(at);
    lengths.push(length);
    at = add(at, length);
  }
  const first = scans[0]?.measures[0];
  const firstLength = lengths[0] ?? ZERO;
  const isPickup = first !== undefined && lt(firstLength, first.nominal) && (count > 1 || first.implicit);
  return { starts, lengths, pickup: isPickup ? firstLength : ZERO, end: at };
}

export const markPosition = (
  t: Timeline,
  m: { readonly measure: number; readonly offset: Rational },
): Rational => add(t.starts[m.measure] ?? t.end, m.offset);

/** Time signatures of the file (first part wins at each position), plus restatements that keep the grid. */
export function readMeters(scans: readonly PartScan[], t: Timeline): MeterChange[] {
  const byPosition = new Map<string, MeterChange>();
  for (const s of scans) {
    for (const m of s.marks) {
      if (m.payload.kind !== 'time') continue;
      const position = markPosition(t, m);
      const key = `${position.n}/${position.d}`;
      if (!byPosition.has(key)) byPosition.set(key, { position, timeSignature: m.payload.time });
    }
  }
  const source = [...byPosition.values()].sort((a, b) => compare(a.position, b.position));
  if (source.length === 0 || gt((source[0] as MeterChange).position, ZERO)) {
    source.unshift({ position: ZERO, timeSignature: { beats: 4, beatType: 4 } });
  }
  return [...source, ...restatements(source, t)].sort((a, b) => compare(a.position, b.position));
}

function restatements(source: readonly MeterChange[], t: Timeline): MeterChange[] {
  const extra: MeterChange[] = [];
  const changeAt = (p: Rational): boolean =>
    source.some((m) => eq(m.position, p)) || extra.some((m) => eq(m.position, p));
  const meterAt = (p: Rational): MeterChange =>
    source.reduce((cur, m) => (compare(m.position, p) <= 0 ? m : cur), source[0] as MeterChange);
  const n = t.lengths.length;
  let i = gt(t.pickup, ZERO) ? 1 : 0;
  let gridStart = t.starts[i] ?? ZERO;
  while (i < n) {
    const s = t.starts[i] as Rational;
    const length = t.lengths[i] as Rational;
    const meter = meterAt(s);
    const nominal = measureLength(meter.timeSignature);
    if (!eq(s, gridStart) && !changeAt(s)) extra.push({ position: s, timeSignature: meter.timeSignature });
    if (eq(length, nominal) || i === n - 1) {
      gridStart = add(s, length);
      i++;
      continue;
    }
    let sum = length;
    let j = i;
    while (lt(sum, nominal) && j + 1 < n && !changeAt(t.starts[j + 1] as Rational)) {
      j++;
      sum = add(sum, t.lengths[j] as Rational);
    }
    if (eq(sum, nominal)) {
      gridStart = add(s, nominal);
      i = j + 1;
      continue;
    }
    const after = add(s, length);
    if (!changeAt(after) && lt(after, t.end))
      extra.push({ position: after, timeSignature: meter.timeSignature });
    gridStart = after;
    i++;
  }
  return extra;
}

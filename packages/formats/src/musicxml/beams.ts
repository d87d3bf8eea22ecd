/** Beams for eighths and shorter, grouped by beat as a musician would beam them. */
import { add, div, floor, lte, mul, rat } from '@cadenza/core';
import { beamCount, type NoteValue } from './note-values.js';
import type { BeatGrid, Piece } from './span-split.js';

interface Beamable extends Piece {
  readonly notes: readonly unknown[];
  readonly value: NoteValue;
}

/** Beam states per event and level; events outside a group of two or more get none. */
export function beamEvents(events: readonly Beamable[], grid: BeatGrid): string[][] {
  const out: string[][] = events.map(() => []);
  const beatOf = (e: Piece): number => floor(div(add(e.offset, grid.shift), grid.beat));
  const insideBeat = (e: Piece): boolean =>
    lte(add(add(e.offset, e.duration), grid.shift), mul(rat(beatOf(e) + 1), grid.beat));
  const beamable = (e: Beamable): boolean =>
    e.notes.length > 0 && beamCount(e.value.type) > 0 && insideBeat(e);
  let i = 0;
  while (i < events.length) {
    const first = events[i] as Beamable;
    if (!beamable(first)) {
      i++;
      continue;
    }
    let j = i;
    while (
      j + 1 < events.length &&
      beamable(events[j + 1] as Beamable) &&
      beatOf(events[j + 1] as Beamable) === beatOf(first)
    )
      j++;
    if (j > i) beamGroup(events.slice(i, j + 1), i, out);
    i = j + 1;
  }
  return out;
}

function beamGroup(group: readonly Beamable[], from: number, out: string[][]): void {
  const counts = group.map((e) => beamCount(e.value.type));
  group.forEach((_, k) => {
    const states: string[] = [];
    for (let level = 1; level <= (counts[k] ?? 0); level++) {
      const prev = k > 0 && (counts[k - 1] ?? 0) >= level;
      const next = k < group.length - 1 && (counts[k + 1] ?? 0) >= level;
      if (prev && next) states.push('continue');
      else if (prev) states.push('end');
      else if (next) states.push('begin');
      else states.push(k === 0 ? 'forward hook' : 'backward hook');
    }
    out[from + k] = states;
  });
}

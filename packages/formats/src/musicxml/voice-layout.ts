/**
 * Lays out one voice of one staff in one measure: fills gaps with rests, cuts spans into written
 * values (tied where needed), groups tuplets and beams. Offsets are quarter notes from the measure start.
 */
import { add, gt, sub, ZERO, type Articulation, type Pitch, type Rational } from '@cadenza/core';
import { beamEvents } from './beams.js';
import {
  isBinary,
  noteValueOf,
  tupletFactor,
  tupletRatio,
  writtenLength,
  type NoteValue,
  type TupletRatio,
} from './note-values.js';
import { ownRatio, splitNoteSpan, splitRestSpan, type BeatGrid, type Piece } from './span-split.js';

/** The part of one model note that lies in this measure. */
export interface SegmentNote {
  readonly pitch: Pitch;
  /** The note began in an earlier measure. */
  readonly tieIn: boolean;
  /** The note goes on into a later measure. */
  readonly tieOut: boolean;
  readonly articulations: readonly Articulation[];
}

/** Notes of one voice sharing an offset and a length (a chord, or a single note). */
export interface ChordSpan {
  readonly offset: Rational;
  readonly duration: Rational;
  readonly notes: readonly SegmentNote[];
}

export interface LaidNote {
  readonly pitch: Pitch;
  readonly tieStop: boolean;
  readonly tieStart: boolean;
  readonly articulations: readonly Articulation[];
}

/** One written note, chord or rest. */
export interface LaidEvent extends Piece {
  /** Empty for a rest. */
  readonly notes: readonly LaidNote[];
  readonly value: NoteValue;
  readonly tuplet?: TupletRatio;
  readonly tupletStart: boolean;
  readonly tupletStop: boolean;
  /** Beam state per level, from level 1: 'begin', 'continue', 'end', 'forward hook', 'backward hook'. */
  readonly beams: readonly string[];
}

interface RawEvent extends Piece {
  readonly notes: readonly LaidNote[];
}

function chordPieces(span: ChordSpan): RawEvent[] {
  const pieces = splitNoteSpan(span.offset, span.duration);
  return pieces.map((piece, i) => ({
    ...piece,
    notes: span.notes.map((n) => ({
      pitch: n.pitch,
      tieStop: i > 0 || n.tieIn,
      tieStart: i < pieces.length - 1 || n.tieOut,
      articulations: n.articulations.filter((a) =>
        a === 'fermata' ? i === pieces.length - 1 && !n.tieOut : i === 0 && !n.tieIn,
      ),
    })),
  }));
}

function rawEvents(spans: readonly ChordSpan[], length: Rational, grid: BeatGrid): RawEvent[] {
  const out: RawEvent[] = [];
  let cursor = ZERO;
  const rest = (from: Rational, to: Rational): void => {
    for (const p of splitRestSpan(from, sub(to, from), grid)) out.push({ ...p, notes: [] });
  };
  for (const span of spans) {
    if (gt(span.offset, cursor)) rest(cursor, span.offset);
    out.push(...chordPieces(span));
    cursor = add(span.offset, span.duration);
  }
  if (gt(length, cursor)) rest(cursor, length);
  return out;
}

interface TupletMark {
  readonly ratio?: TupletRatio;
  readonly start: boolean;
  readonly stop: boolean;
}

/** A tuplet group runs from a tuplet-free position to the next one; all its events share a ratio. */
function tupletMarks(events: readonly RawEvent[]): TupletMark[] {
  const marks: TupletMark[] = events.map(() => ({ start: false, stop: false }));
  let i = 0;
  while (i < events.length) {
    const first = events[i] as RawEvent;
    if (isBinary(add(first.offset, first.duration))) {
      i++;
      continue;
    }
    let j = i;
    while (
      j < events.length - 1 &&
      !isBinary(add((events[j] as RawEvent).offset, (events[j] as RawEvent).duration))
    )
      j++;
    const group = events.slice(i, j + 1);
    const shared = tupletRatio(tupletFactor(group.flatMap((e) => [e.offset, e.duration])));
    group.forEach((e, k) => {
      const fitsShared = noteValueOf(writtenLength(e.duration, shared)) !== undefined;
      marks[i + k] = {
        ratio: fitsShared ? shared : ownRatio(e.offset, e.duration),
        start: k === 0,
        stop: k === group.length - 1,
      };
    });
    i = j + 1;
  }
  return marks;
}

export function layoutVoice(spans: readonly ChordSpan[], length: Rational, grid: BeatGrid): LaidEvent[] {
  const raw = rawEvents(spans, length, grid);
  const marks = tupletMarks(raw);
  const events = raw.map((e, i): Omit<LaidEvent, 'beams'> => {
    const mark = marks[i] as TupletMark;
    const value = noteValueOf(writtenLength(e.duration, mark.ratio));
    if (!value) throw new Error(`internal: no note value for ${e.duration.n}/${e.duration.d} quarter notes`);
    return {
      ...e,
      value,
      ...(mark.ratio ? { tuplet: mark.ratio } : {}),
      tupletStart: mark.start,
      tupletStop: mark.stop,
    };
  });
  const beams = beamEvents(events, grid);
  return events.map((e, i) => ({ ...e, beams: beams[i] ?? [] }));
}

import { beatsToSeconds, type TempoMap } from '@cadenza/core';
import type { Box, ElementBox } from './strip-geometry.js';

/** The part of a verovio timemap entry the video reads (`renderToTimemap({ includeRests: true })`). */
export interface TimemapMoment {
  /** Quarter notes from the start of the score. */
  readonly qstamp: number;
  readonly on?: readonly string[];
  readonly off?: readonly string[];
  readonly restsOn?: readonly string[];
}

/** A drawn note and when it sounds. A tied note is drawn twice and sounds as two spans here. */
export interface TimedNote {
  /** verovio's SVG id of the note. */
  readonly id: string;
  /** Seconds of score time (0 = the score's first beat) when the note starts and stops sounding. */
  readonly start: number;
  readonly end: number;
  /** The notehead, in strip pixels. */
  readonly box: Box;
}

/** "At `time` seconds of score time the music is at `x` strip pixels." */
export interface ScrollAnchor {
  readonly time: number;
  readonly x: number;
}

export interface ScoreTimeline {
  /** Sorted by start. */
  readonly notes: readonly TimedNote[];
  /** Increasing in time, non-decreasing in x: note and rest onsets, then the end of the music. */
  readonly anchors: readonly ScrollAnchor[];
  /** Seconds of score time when the last note stops. */
  readonly end: number;
}

export interface TimelineInput {
  readonly timemap: readonly TimemapMoment[];
  readonly boxes: ReadonlyMap<string, ElementBox>;
  /** The score's tempo map: the same one synthesis uses, so highlights match the audio. */
  readonly tempoMap: TempoMap;
  /**
   * Seconds to add to a note's start (performance offsets such as swing), by SVG id. The end stays
   * where the notation puts it, as synthesis does.
   */
  readonly startShifts?: ReadonlyMap<string, number>;
}

/**
 * Replays verovio's timemap against the score's own tempo map: each drawn note gets its sounding span
 * in seconds and its notehead box, and each onset (notes and rests) becomes a scroll anchor at the
 * leftmost thing starting there. The final anchor is the last barline at the time the music ends.
 */
export function buildTimeline(input: TimelineInput): ScoreTimeline {
  const { timemap, boxes, tempoMap } = input;
  const seconds = (q: number): number => beatsToSeconds(tempoMap, q);
  const moments = [...timemap].sort((a, b) => a.qstamp - b.qstamp);
  const open = new Map<string, number>();
  const notes: TimedNote[] = [];
  const anchors: ScrollAnchor[] = [];
  let end = 0;
  const close = (id: string, time: number): void => {
    const start = open.get(id);
    const box = boxes.get(id);
    open.delete(id);
    if (start === undefined || box === undefined) return;
    const shifted = start + (input.startShifts?.get(id) ?? 0);
    notes.push({ id, start: Math.min(shifted, time), end: time, box });
  };
  for (const moment of moments) {
    const time = seconds(moment.qstamp);
    for (const id of moment.off ?? []) close(id, time);
    for (const id of moment.on ?? []) open.set(id, time);
    if ((moment.off?.length ?? 0) > 0) end = Math.max(end, time);
    const starting = [...(moment.on ?? []), ...(moment.restsOn ?? [])]
      .map((id) => boxes.get(id)?.x)
      .filter((x): x is number => x !== undefined);
    if (starting.length > 0) anchors.push({ time, x: Math.min(...starting) });
  }
  for (const id of [...open.keys()]) close(id, end);
  notes.sort((a, b) => a.start - b.start || a.box.y - b.box.y);
  const lastBarline = Math.max(
    -Infinity,
    ...[...boxes.values()].filter((b) => b.kind === 'barLine').map((b) => b.x + b.width),
  );
  if (Number.isFinite(lastBarline) && end > (anchors.at(-1)?.time ?? -Infinity)) {
    anchors.push({ time: end, x: lastBarline });
  }
  return { notes, anchors: monotonic(anchors), end };
}

/** Merges anchors at the same time (leftmost wins) and never lets x go back. */
function monotonic(anchors: readonly ScrollAnchor[]): ScrollAnchor[] {
  const out: ScrollAnchor[] = [];
  for (const a of anchors) {
    const last = out.at(-1);
    if (last && a.time <= last.time) {
      out[out.length - 1] = { time: last.time, x: Math.min(last.x, a.x) };
    } else out.push({ time: a.time, x: Math.max(a.x, last?.x ?? -Infinity) });
  }
  // A merge can lower a point below its predecessor; one more forward pass restores the order.
  for (let i = 1; i < out.length; i++) {
    const prev = out[i - 1] as ScrollAnchor;
    const cur = out[i] as ScrollAnchor;
    if (cur.x < prev.x) out[i] = { time: cur.time, x: prev.x };
  }
  return out;
}

/**
 * The notes sounding at a time (start ≤ time < end), for times that never go back (one video frame
 * after another): each call costs only the notes that start or stop since the previous one.
 */
export function soundingCursor(notes: readonly TimedNote[]): (time: number) => readonly TimedNote[] {
  const sorted = [...notes].sort((a, b) => a.start - b.start);
  let next = 0;
  let active: TimedNote[] = [];
  let last = -Infinity;
  return (time) => {
    if (time < last) throw new RangeError(`sounding notes are asked in time order (${time} < ${last})`);
    last = time;
    while (next < sorted.length && (sorted[next] as TimedNote).start <= time) {
      active.push(sorted[next] as TimedNote);
      next++;
    }
    active = active.filter((n) => time < n.end);
    return active;
  };
}

import {
  add,
  compare,
  eq,
  measureLength,
  midiOf,
  mul,
  rat,
  sum,
  type Note,
  type Rational,
  type Score,
} from '@cadenza/core';
import { NOTE_VALUES, type Exercise, type FingeringMark } from '../src/index.js';

export const notesOf = (score: Score, staff?: number): Note[] =>
  score.parts
    .flatMap((p) => p.notes)
    .filter((n) => staff === undefined || n.staff === staff)
    .sort((a, b) => compare(a.position, b.position) || midiOf(a.pitch) - midiOf(b.pitch));

/** Splits one staff's notes into runs separated by silence (a hand's passes in a hands-separate exercise). */
export function runsOf(notes: readonly Note[]): Note[][] {
  const runs: Note[][] = [];
  let current: Note[] = [];
  let end: Rational | undefined;
  for (const n of notes) {
    if (end !== undefined && !eq(n.position, end)) {
      runs.push(current);
      current = [];
    }
    current.push(n);
    end = add(n.position, n.duration);
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

/** Fails unless a staff's single-line notes never overlap and never leave a gap inside their bars. */
export function checkFullBars(exercise: Exercise, staff: number): void {
  const measure = measureLength(exercise.timeSignature);
  const notes = notesOf(exercise.score, staff);
  for (const run of runsOf(notes)) {
    const first = run[0] as Note;
    const last = run[run.length - 1] as Note;
    const start = first.position;
    const end = add(last.position, last.duration);
    const startBar = start.n / start.d / (measure.n / measure.d);
    const endBar = end.n / end.d / (measure.n / measure.d);
    if (!Number.isInteger(startBar) || !Number.isInteger(endBar)) {
      throw new Error(`staff ${staff}: a run from ${startBar} to ${endBar} bars does not fill whole bars`);
    }
  }
  const total = mul(rat(exercise.bars), measure);
  for (const n of notes) {
    if (compare(add(n.position, n.duration), total) > 0) throw new Error('a note runs past the last bar');
  }
}

export const fingerAt = (fingering: readonly FingeringMark[], n: Note): number | undefined =>
  fingering.find(
    (f) => f.staff === n.staff && eq(f.position, n.position) && midiOf(f.pitch) === midiOf(n.pitch),
  )?.finger;

/** Seeds 1..count, each with a pseudo-random but fixed pick from a list (the test's own, not the generator's). */
export const cycle = <T>(items: readonly T[], i: number): T =>
  items[(i * 7 + Math.floor(i / items.length)) % items.length] as T;

/**
 * Splits a staff into passes: a pass ends with silence or with its held last note (longer than the
 * pass's running value), so back-to-back inversions of an arpeggio come apart.
 */
export function passesOf(notes: readonly Note[]): Note[][] {
  return runsOf(notes).flatMap((run) => {
    const out: Note[][] = [];
    let current: Note[] = [];
    const value = run[0]?.duration;
    for (const n of run) {
      current.push(n);
      if (value && compare(n.duration, value) > 0) {
        out.push(current);
        current = [];
      }
    }
    if (current.length > 0) out.push(current);
    return out;
  });
}

/** A cheap check for hot loops over hundreds of seeds (vitest's expect is slow there). */
export function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Every bar's events fill the meter exactly, and the score's notes are exactly the sounding events. */
export function checkRhythmBars(e: Exercise, staff = 1): void {
  const measure = measureLength(e.timeSignature);
  const bars = e.rhythm ?? [];
  assert(bars.length === e.bars, `expected ${e.bars} bars of rhythm, got ${bars.length}`);
  const expected: { position: Rational; duration: Rational }[] = [];
  bars.forEach((events, b) => {
    const total = sum(events.map((ev) => NOTE_VALUES[ev.value]));
    assert(
      eq(total, measure),
      `bar ${b + 1} holds ${total.n}/${total.d} quarters, not ${measure.n}/${measure.d}`,
    );
    let at = rat(b * measure.n, measure.d);
    for (const ev of events) {
      if (!ev.rest) expected.push({ position: at, duration: NOTE_VALUES[ev.value] });
      at = add(at, NOTE_VALUES[ev.value]);
    }
  });
  const notes = notesOf(e.score, staff);
  assert(notes.length === expected.length, `${notes.length} notes for ${expected.length} sounding events`);
  notes.forEach((n: Note, i) => {
    const x = expected[i];
    assert(
      !!x && eq(n.position, x.position) && eq(n.duration, x.duration),
      `note ${i + 1} is off the rhythm`,
    );
  });
}

import {
  add,
  compare,
  eq,
  measureLength,
  midiOf,
  mul,
  rat,
  type Note,
  type Rational,
  type Score,
} from '@cadenza/core';
import type { Exercise, FingeringMark } from '../src/index.js';

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

import { compare, eq, type Dynamic, type DynamicMark, type Note, type Score } from '@cadenza/core';

/**
 * MIDI velocity (1–127) for each dynamic mark: the eight levels are spaced by 16 around mf = 80,
 * close to what notation programs play back. sf and sfz accent only notes that start on the mark;
 * fp plays f on the mark and leaves the level at p afterwards.
 */
export const DYNAMIC_VELOCITY: Readonly<Record<Dynamic, number>> = {
  ppp: 16,
  pp: 33,
  p: 49,
  mp: 64,
  mf: 80,
  f: 96,
  ff: 112,
  fff: 127,
  sf: 112,
  sfz: 112,
  fp: 96,
};

/** Velocity when neither the note nor any dynamic mark says otherwise. */
export const DEFAULT_VELOCITY = 80;

const ACCENTS: ReadonlySet<Dynamic> = new Set(['sf', 'sfz']);

/** The running level a mark leaves behind it (undefined for accents, which leave it unchanged). */
function levelAfter(mark: Dynamic): number | undefined {
  if (ACCENTS.has(mark)) return undefined;
  return mark === 'fp' ? DYNAMIC_VELOCITY.p : DYNAMIC_VELOCITY[mark];
}

/**
 * Returns the notated velocity of a part's notes from the score's dynamic marks: the latest mark at or
 * before the note on the note's staff, or on any staff of the part when that staff has no marks (piano
 * dynamics are often written once between the staves). Ignores `note.velocity`; the caller decides.
 */
export function dynamicsVelocity(score: Score, partId: string): (note: Note) => number {
  const marks = score.dynamics
    .filter((d) => d.partId === partId)
    .sort((a, b) => compare(a.position, b.position));
  const staffMarks = new Map<number, DynamicMark[]>();
  for (const m of marks) staffMarks.set(m.staff, [...(staffMarks.get(m.staff) ?? []), m]);
  return (note) => {
    const relevant = staffMarks.get(note.staff) ?? marks;
    let velocity = DEFAULT_VELOCITY;
    for (const m of relevant) {
      if (compare(m.position, note.position) > 0) break;
      if (eq(m.position, note.position) && (ACCENTS.has(m.mark) || m.mark === 'fp')) {
        velocity = DYNAMIC_VELOCITY[m.mark];
        continue;
      }
      velocity = levelAfter(m.mark) ?? velocity;
    }
    return velocity;
  };
}

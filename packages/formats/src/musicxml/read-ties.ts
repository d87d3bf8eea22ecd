/**
 * Merges tied notes into one model note: a note whose tie stops joins the open note of the same pitch
 * that ends exactly where it starts (same voice first, then same spelling, then same key on the piano).
 */
import {
  add,
  compare,
  eq,
  midiOf,
  samePitch,
  type Articulation,
  type Note,
  type Rational,
} from '@cadenza/core';
import type { RawNote } from './read-part.js';

interface Building {
  readonly note: Omit<Note, 'duration' | 'articulations'>;
  duration: Rational;
  articulations: Articulation[];
  open: boolean;
}

export interface PlacedNote extends RawNote {
  readonly position: Rational;
}

export function mergeTies(notes: readonly PlacedNote[]): Note[] {
  const ordered = notes
    .map((n, i) => ({ n, i }))
    .sort((a, b) => compare(a.n.position, b.n.position) || a.i - b.i);
  const built: Building[] = [];
  let open: Building[] = [];
  for (const { n } of ordered) {
    const continues = (b: Building): boolean => eq(add(b.note.position, b.duration), n.position);
    const target = n.tieStop
      ? (open.find(
          (b) =>
            continues(b) &&
            samePitch(b.note.pitch, n.pitch) &&
            b.note.voice === n.voice &&
            b.note.staff === n.staff,
        ) ??
        open.find((b) => continues(b) && samePitch(b.note.pitch, n.pitch)) ??
        open.find((b) => continues(b) && midiOf(b.note.pitch) === midiOf(n.pitch)))
      : undefined;
    if (target) {
      target.duration = add(target.duration, n.duration);
      for (const a of n.articulations)
        if (a === 'fermata' && !target.articulations.includes(a)) target.articulations.push(a);
      target.open = n.tieStart;
    } else {
      const b: Building = {
        note: { pitch: n.pitch, position: n.position, staff: n.staff, voice: n.voice },
        duration: n.duration,
        articulations: [...n.articulations],
        open: n.tieStart,
      };
      built.push(b);
      if (b.open) open.push(b);
    }
    // Keep only ties that can still continue (one ending after this onset).
    open = open.filter((b) => b.open && compare(add(b.note.position, b.duration), n.position) >= 0);
  }
  return built.map((b) => ({
    ...b.note,
    duration: b.duration,
    ...(b.articulations.length ? { articulations: b.articulations } : {}),
  }));
}

import { chroma, createRng, midiOf, toNumber, type Note, type Pitch } from '@cadenza/core';
import {
  arrange,
  chordAt,
  GENRE_ARRANGERS,
  type ArrangeRequest,
  type GenreArranger,
  type Progression,
} from '../src/index.js';
import { testRequest } from './arrange-helpers.js';

/** The registered jazz arranger. */
export const jazz: GenreArranger = (() => {
  const found = GENRE_ARRANGERS.jazz;
  if (!found) throw new Error('jazz arranger not registered');
  return found;
})();

export const request = (overrides: Parameters<typeof testRequest>[1] = {}): ArrangeRequest =>
  testRequest('jazz', overrides);

export const seeds = Array.from({ length: 30 }, (_, i) => i + 1);
export const progressionOf = (req: ArrangeRequest, seed: number): Progression =>
  jazz.progression(req, createRng(seed));

/** The arrangement and the notes of each hand. */
export function render(req: ArrangeRequest, seed = 5) {
  const result = arrange(req, seed, 'Jazz');
  const notes = result.score.parts.flatMap((p) => p.notes);
  return {
    result,
    notes,
    right: notes.filter((n) => n.staff === 1),
    left: notes.filter((n) => n.staff === 2),
  };
}

/** Notes grouped by onset, in time order. */
export function onsets(notes: readonly Note[]): { at: number; notes: Note[]; midis: number[] }[] {
  const groups = new Map<number, Note[]>();
  for (const n of notes) groups.set(toNumber(n.position), [...(groups.get(toNumber(n.position)) ?? []), n]);
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([at, group]) => ({
      at,
      notes: group,
      midis: group.map((n) => midiOf(n.pitch)).sort((x, y) => x - y),
    }));
}

/** Whether a pitch belongs to the chord sounding at the note's onset. */
export function isChordTone(progression: Progression, note: Note): boolean {
  const event = chordAt(progression, note.position);
  return event
    ? [event.chord.bass, ...event.chord.notes].some((pc) => chroma(pc) === chroma(note.pitch))
    : false;
}

/** Semitones from the key's tonic to a pitch class, 0–11. */
export const fromTonic = (req: ArrangeRequest, pc: Pitch | { step: Pitch['step']; alter: number }): number =>
  (chroma(pc) - chroma(req.key.tonic) + 12) % 12;

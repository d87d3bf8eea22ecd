import { chroma, createRng, midiOf, toNumber, type Note, type PitchClass } from '@cadenza/core';
import {
  arrange,
  GENRE_ARRANGERS,
  type ArrangeRequest,
  type ChordEvent,
  type GenreArranger,
} from '../src/index.js';
import { testRequest } from './arrange-helpers.js';

/** The registered gospel arranger. */
export const gospel: GenreArranger = (() => {
  const found = GENRE_ARRANGERS.gospel;
  if (!found) throw new Error('gospel arranger not registered');
  return found;
})();

/** A gospel request with fills switched off unless asked for (so pattern tests see the pattern alone). */
export function request(
  overrides: Parameters<typeof testRequest>[1] = {},
  improvisation = 0,
): ArrangeRequest {
  const base = testRequest('gospel', overrides);
  return { ...base, application: { ...base.application, improvisation } };
}

export const seeds = Array.from({ length: 60 }, (_, i) => i + 1);
export const progressionOf = (req: ArrangeRequest, seed: number) => gospel.progression(req, createRng(seed));
export const symbols = (chords: readonly ChordEvent[]) => chords.map((c) => c.chord.symbol);

/** Notes of one staff grouped by onset, in time order, with their MIDI numbers sorted low to high. */
export function onsets(
  notes: readonly Note[],
  staff: number,
): { at: number; midis: number[]; notes: Note[] }[] {
  const groups = new Map<number, Note[]>();
  for (const n of notes.filter((x) => x.staff === staff)) {
    const at = toNumber(n.position);
    groups.set(at, [...(groups.get(at) ?? []), n]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([at, group]) => ({
      at,
      notes: group,
      midis: group.map((n) => midiOf(n.pitch)).sort((x, y) => x - y),
    }));
}

/** The arrangement and all its notes. */
export function render(req: ArrangeRequest, seed = 5) {
  const result = arrange(req, seed, 'Gospel');
  return { result, notes: result.score.parts.flatMap((p) => p.notes) };
}

/** Distinct chromas (0–11), sorted. */
export const chromaSet = (pcs: readonly PitchClass[]): number[] =>
  [...new Set(pcs.map((pc) => chroma(pc)))].sort((a, b) => a - b);

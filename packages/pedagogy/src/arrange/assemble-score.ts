import { createScore, rat, type Bpm, type Note, type Score } from '@cadenza/core';
import type { ArrangeRequest, Feel, Progression } from './arrangement-types.js';
import { barStart } from './chord-events.js';

/** What the score shows for the feel: "Swing", "Shuffle", "Laid back" (the playing is in the offsets). */
export function feelText(feel: Feel): string | undefined {
  if (feel.kind === 'swing') return feel.label;
  if (feel.kind === 'laid-back') return 'Laid back';
  return undefined;
}

/** Italian tempo words as a classical score prints them, by quarter-note tempo. */
const ITALIAN: readonly (readonly [number, string])[] = [
  [60, 'Largo'],
  [72, 'Adagio'],
  [90, 'Andante'],
  [110, 'Moderato'],
  [120, 'Allegretto'],
  [156, 'Allegro'],
  [176, 'Vivace'],
];
/** Plain words for the other genres when the feel names nothing ("Slow", "Moderately"…). */
const PLAIN: readonly (readonly [number, string])[] = [
  [72, 'Slow'],
  [100, 'Moderately'],
  [132, 'Medium'],
  [176, 'Bright'],
];

/**
 * The word over the tempo mark: the feel's ("Swing", "Shuffle", "Laid back"), else a tempo word — Italian
 * for classical (Andante, Allegro…), plain English otherwise — as printed music always has one.
 */
export function tempoText(request: ArrangeRequest, feel: Feel): string {
  const fromFeel = feelText(feel);
  if (fromFeel) return fromFeel;
  const words = request.genre === 'classical' ? ITALIAN : PLAIN;
  const found = words.find(([upTo]) => request.tempo <= upTo);
  return found ? found[1] : request.genre === 'classical' ? 'Presto' : 'Fast';
}

/**
 * A piano score (right hand staff 1, left hand staff 2) with the chart, sections, and the tempo mark
 * carrying its word ("Swing", "Andante" over ♩ = 160), as a chart would print it.
 */
export function assembleScore(
  request: ArrangeRequest,
  progression: Progression,
  notes: { readonly right: readonly Note[]; readonly left: readonly Note[] },
  feel: Feel,
  title: string,
  seed: number,
): Score {
  const text = tempoText(request, feel);
  return createScore({
    metadata: {
      title,
      source: `cadenza generate ${request.genre} (${request.application.id}), seed ${seed}`,
    },
    parts: [
      {
        id: 'P1',
        name: 'Piano',
        staves: 2,
        clefs: ['treble', 'bass'],
        program: 0,
        notes: [...notes.right, ...notes.left],
      },
    ],
    meters: [{ position: rat(0), timeSignature: request.meter }],
    keys: [{ position: rat(0), key: request.key }],
    tempos: [{ position: rat(0), bpm: request.tempo as Bpm, text }],
    chordSymbols: progression.chords.map((c) => ({ position: c.position, symbol: c.chord.symbol })),
    sections: progression.sections,
    end: barStart(request.bars, request.meter),
  });
}

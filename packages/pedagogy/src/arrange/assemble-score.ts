import { createScore, rat, type Bpm, type Note, type Score } from '@cadenza/core';
import type { ArrangeRequest, Feel, Progression } from './arrangement-types.js';
import { barStart } from './chord-events.js';

/** What the score shows for the feel: "Swing", "Shuffle", "Laid back" (the playing is in the offsets). */
export function feelText(feel: Feel): string | undefined {
  if (feel.kind === 'swing') return feel.label;
  if (feel.kind === 'laid-back') return 'Laid back';
  return undefined;
}

/**
 * A piano score (right hand staff 1, left hand staff 2) with the chart, sections, and the tempo mark
 * carrying the feel's word ("Swing" over ♩ = 160), as a chart would print it.
 */
export function assembleScore(
  request: ArrangeRequest,
  progression: Progression,
  notes: { readonly right: readonly Note[]; readonly left: readonly Note[] },
  feel: Feel,
  title: string,
  seed: number,
): Score {
  const text = feelText(feel);
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
    tempos: [{ position: rat(0), bpm: request.tempo as Bpm, ...(text ? { text } : {}) }],
    chordSymbols: progression.chords.map((c) => ({ position: c.position, symbol: c.chord.symbol })),
    sections: progression.sections,
    end: barStart(request.bars, request.meter),
  });
}

import { add, div, measureLength, mul, rat, type Chord } from '@cadenza/core';
import type { ArrangeRequest, ChordEvent, Progression } from './arrangement-types.js';
import { barStart, chordEventOf } from './chord-events.js';

/**
 * The progression of a user's chart: each bar's chords share the bar equally (`| Dm7 G7 |` = two beats
 * each in 4/4); the chart repeats to fill the requested bars. Numerals are analysed in the request's key.
 */
export function chartProgression(request: ArrangeRequest, chart: readonly (readonly Chord[])[]): Progression {
  const chords: ChordEvent[] = [];
  const bar = measureLength(request.meter);
  for (let b = 0; b < request.bars; b++) {
    const inBar = chart[b % chart.length] ?? [];
    const each = div(bar, rat(Math.max(1, inBar.length)));
    inBar.forEach((chord, i) => {
      const position = add(barStart(b, request.meter), mul(each, rat(i)));
      chords.push(chordEventOf(chord, request.key, { position, duration: each }, 'from your chart'));
    });
  }
  return { chords, sections: [{ position: rat(0), label: 'A' }] };
}

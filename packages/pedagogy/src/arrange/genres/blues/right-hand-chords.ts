import { add, measureLength, midiOf, rat, toNumber, type Note, type Pitch } from '@cadenza/core';
import type { HandPattern, PatternContext } from '../../arrangement-types.js';
import { barStart, chordAt } from '../../chord-events.js';
import { closeVoicing } from '../../voicing.js';
import { degreePitch, tonicAbove } from './blues-riffs.js';
import { bluesScale, bluesTones, handNote, shuffleGrid } from './blues-tools.js';

const RH_RANGE: readonly [number, number] = [55, 81];

/** Four-note blues voicing of a chord: 3rd, 5th, ♭7 and the root on top of the left hand's bass. */
function voice(context: PatternContext, at: ReturnType<typeof barStart>, top: number): Pitch[] {
  const event = chordAt(context.progression, at);
  if (!event) return [];
  const t = bluesTones(event.chord);
  return closeVoicing([t.root, t.third, t.fifth, t.seventh], top, RH_RANGE);
}

/** Hits in a bar: [beat, length] — cut at the bar line. */
function hitsIn(barLength: number, hits: readonly (readonly [number, number])[]): [number, number][] {
  return hits.filter(([at]) => at < barLength).map(([at, length]) => [at, Math.min(length, barLength - at)]);
}

/** Renders chord hits bar by bar, each voiced close to the one before (smooth top line). */
function chordHits(
  context: PatternContext,
  hitsOfBar: (bar: number, barLength: number) => [number, number][],
): Note[] {
  const { request } = context;
  const barLength = toNumber(measureLength(request.meter));
  const notes: Note[] = [];
  let top = 74;
  for (let bar = 0; bar < request.bars; bar++) {
    for (const [at, length] of hitsOfBar(bar, barLength)) {
      const position = add(barStart(bar, request.meter), rat(Math.round(at * 12), 12));
      const voiced = voice(context, position, top);
      if (voiced.length === 0) continue;
      top = Math.max(...voiced.map(midiOf));
      const velocity = Number.isInteger(at) ? 84 : 92; // the pushed off-beat stab is the accent
      const duration = rat(Math.round(length * 12), 12);
      notes.push(...voiced.map((p) => handNote(p, position, duration, 'right', velocity)));
    }
  }
  return notes;
}

/** Where the chords change inside a bar (jazz blues bar 4, turnarounds), as beats. */
function changesIn(context: PatternContext, bar: number): number[] {
  const start = toNumber(barStart(bar, context.request.meter));
  const end = start + toNumber(measureLength(context.request.meter));
  return context.progression.chords
    .map((c) => toNumber(c.position))
    .filter((p) => p > start && p < end)
    .map((p) => p - start);
}

/**
 * Spec "Block Chords": the four-note chord (root, 3rd, 5th, ♭7) struck in the shuffle comp rhythm,
 * beat 1, the pushed "and" of 2 and beat 4, plus a hit wherever the chord changes in mid-bar.
 */
export const blockChords: HandPattern = {
  id: 'block-chords',
  name: 'Block Chords',
  hand: 'right',
  render: (context) =>
    chordHits(context, (bar, barLength) => {
      const changes = changesIn(context, bar);
      // In 6/8 and 12/8 the pushed "and" of 2 is the third eighth of the second dotted quarter.
      const grid = shuffleGrid(context.request.meter);
      const base: [number, number][] = [
        [0, 1],
        [grid.at(1.5), grid.at(2) - grid.at(1.5)],
        [grid.at(3), 1],
      ];
      const hits = base.filter(([at]) => !changes.some((c) => Math.abs(c - at) < 1e-9));
      return hitsIn(barLength, [...hits, ...changes.map((c) => [c, 1] as [number, number])]).sort(
        (a, b) => a[0] - b[0],
      );
    }),
};

/**
 * Spec "Chord Fills": the chord held for the first half of each bar; at the end of each two-bar
 * phrase (and where the seed adds a lick, more often the more the application improvises) the second
 * half becomes a fill running down the blues scale in eighths from somewhere between ♭5 and the octave.
 */
export const chordFills: HandPattern = {
  id: 'chord-fills',
  name: 'Chord Fills',
  hand: 'right',
  render: (context) => {
    const { request, rng } = context;
    const barLength = toNumber(measureLength(request.meter));
    const half = Math.max(1, Math.ceil(barLength / 2));
    const fillBars = new Set<number>();
    for (let bar = 0; bar < request.bars - 1; bar++) {
      if (bar % 2 === 1 || rng.chance(request.application.improvisation / 2)) fillBars.add(bar);
    }
    const chords = chordHits(context, (bar) => {
      const changes = changesIn(context, bar);
      if (!fillBars.has(bar) || changes.length > 0 || barLength < 2) {
        return hitsIn(barLength, [
          [0, changes[0] ?? barLength],
          ...changes.map((c) => [c, barLength - c] as const),
        ]);
      }
      return [[0, half]];
    });
    const scale = bluesScale(request.key.tonic);
    const tonic = tonicAbove(request, 60); // tonic in C4–B4: the run starts just above the held chord
    const fills: Note[] = [];
    for (const bar of fillBars) {
      if (changesIn(context, bar).length > 0 || barLength < 2) continue;
      const start = toNumber(barStart(bar, request.meter));
      const eighths = Math.floor((barLength - half) * 2);
      const from = rng.int(3, 6); // start between ♭5 and the octave
      for (let i = 0; i < eighths; i++) {
        const position = rat(Math.round((start + half + i / 2) * 12), 12);
        const pitch = degreePitch(scale, tonic, Math.max(0, from - i));
        fills.push(handNote(pitch, position, rat(1, 2), 'right', i === 0 ? 90 : 78));
      }
    }
    return [...chords, ...fills];
  },
};

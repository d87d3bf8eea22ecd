import { add, measureLength, midiOf, rat, toNumber, type Note, type PitchClass } from '@cadenza/core';
import type { HandPattern, PatternContext } from '../../arrangement-types.js';
import { barStart, chordAt } from '../../chord-events.js';
import { isCompound } from '../../meter-grid.js';
import { bluesTones, handNote, placeAbove, shuffleGrid, toneAt } from './blues-tools.js';

/** Lower notes of the double stops sit from D4 (MIDI 62) up. */
const DOUBLE_STOP_FLOOR = 62;
/** Intervals a blues double stop uses: minor/major 3rd, perfect 4th, minor/major 6th (in semitones). */
export const DOUBLE_STOP_INTERVALS: readonly number[] = [3, 4, 5, 8, 9];

type Dyad = readonly [PitchClass, PitchClass];

/** The first candidate pair whose interval is a 3rd, 4th or 6th, placed with the lower note from the floor. */
function place(candidates: readonly Dyad[]) {
  for (const [low, high] of candidates) {
    const lower = placeAbove(low, DOUBLE_STOP_FLOOR);
    const upper = placeAbove(high, lower.midi + 1);
    if (DOUBLE_STOP_INTERVALS.includes(upper.midi - lower.midi)) return [lower.pitch, upper.pitch] as const;
  }
  return undefined;
}

/**
 * The figure of one bar, by eighth: [eighth, candidates, length in eighths]. Beat 1 slides from the
 * blue ♭3 into the major 3rd under the 5th (a triplet grace, 1/3 + 2/3 of the beat); beat 2 rocks
 * between 5th–root (a 4th); beat 3 is the 3rd under the root (a 6th); beat 4 the 5th under the ♭7.
 */
function barFigure(context: PatternContext, bar: number): Note[] {
  const { request, progression } = context;
  const barLength = toNumber(measureLength(request.meter));
  const start = barStart(bar, request.meter);
  const notes: Note[] = [];
  // Written in 4/4 beats; 6/8 and 12/8 read each beat as a dotted quarter (see shuffleGrid).
  const grid = shuffleGrid(request.meter);
  const push = (beat: number, beats: number, candidates: readonly Dyad[], velocity: number) => {
    if (beat >= grid.beats) return;
    const at = grid.at(beat);
    const length = grid.at(Math.min(beat + beats, grid.beats)) - at;
    const position = add(start, rat(Math.round(at * 12), 12));
    const event = chordAt(progression, position);
    if (!event) return;
    const pair = place(candidates);
    if (!pair) return;
    const duration = rat(Math.round(Math.min(length, barLength - at) * 12), 12);
    notes.push(...pair.map((p) => handNote(p, position, duration, 'right', velocity)));
  };
  const tonesAt = (beat: number) => {
    const event = chordAt(progression, add(start, rat(Math.round(grid.at(beat) * 12), 12)));
    return event ? { t: bluesTones(event.chord), chord: event.chord } : undefined;
  };
  const fallback = (at: number): Dyad[] => {
    const x = tonesAt(at);
    return x
      ? [
          [x.t.third, x.t.fifth],
          [x.t.root, x.t.third],
          [x.t.fifth, x.t.root],
        ]
      : [];
  };
  const first = tonesAt(0);
  if (first) {
    const major = toneAt(first.chord, 4);
    if (major) {
      // The blue note: a half step under the major 3rd, spelled as the chord's ♭3 would be.
      const flat3 = { step: major.step, alter: major.alter - 1 };
      const grace = grid.compound ? 1 / 4 : 1 / 3; // an eighth of the dotted quarter in 12/8
      push(0, grace, [[flat3, first.t.fifth]], 72);
      push(grace, 1 - grace, [[first.t.third, first.t.fifth]], 88);
    } else push(0, 1, fallback(0), 88);
  }
  const at = (beat: number) => tonesAt(beat)?.t;
  const t1 = at(1);
  if (t1) {
    push(1, 0.5, [[t1.fifth, t1.root], ...fallback(1)], 80);
    push(1.5, 0.5, [[t1.fifth, t1.root], ...fallback(1.5)], 72);
  }
  const t2 = at(2);
  if (t2) push(2, 1, [[t2.third, t2.root], ...fallback(2)], 86);
  const t3 = at(3);
  if (t3) push(3, 1, [[t3.fifth, t3.seventh], ...fallback(3)], 80);
  return notes;
}

/**
 * A bar of tremolo: the 3rd and the root a 6th above it shaken in triplet eighths, the phrase-ending
 * shimmer of barrelhouse piano. On the triplet grid so the shuffle does not move it.
 */
function tremoloBar(context: PatternContext, bar: number): Note[] {
  const { request, progression } = context;
  const barLength = toNumber(measureLength(request.meter));
  const notes: Note[] = [];
  // Triplet eighths against a 4/4 shuffle; in 6/8 and 12/8 (already triplets) sixteenths.
  const perQuarter = isCompound(request.meter) ? 4 : 3;
  for (let k = 0; k < Math.floor(barLength * perQuarter); k++) {
    const position = add(barStart(bar, request.meter), rat(k, perQuarter));
    const event = chordAt(progression, position);
    if (!event) continue;
    const t = bluesTones(event.chord);
    const lower = placeAbove(t.third, DOUBLE_STOP_FLOOR);
    const pitch = k % 2 === 0 ? lower.pitch : placeAbove(t.root, lower.midi + 1).pitch;
    notes.push(handNote(pitch, position, rat(1, perQuarter), 'right', k % 3 === 0 ? 84 : 74));
  }
  return notes;
}

/**
 * Spec "Tremolo/Double Stops": two-note figures a 3rd, 4th or 6th apart (the guitar-like language of
 * blues piano), with a tremolo bar closing each four-bar line and the piece.
 */
export const tremoloDoubleStops: HandPattern = {
  id: 'tremolo-double-stops',
  name: 'Tremolo/Double Stops',
  hand: 'right',
  render: (context) => {
    const notes: Note[] = [];
    for (let bar = 0; bar < context.request.bars; bar++) {
      const closing = bar % 4 === 3 || bar === context.request.bars - 1;
      notes.push(...(closing ? tremoloBar(context, bar) : barFigure(context, bar)));
    }
    return notes.filter((n) => midiOf(n.pitch) <= 96);
  },
};

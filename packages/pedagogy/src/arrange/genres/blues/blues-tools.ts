import {
  add,
  iv,
  measureLength,
  midiOf,
  rat,
  toNumber,
  transposeClass,
  type Chord,
  type Pitch,
  type PitchClass,
  type Rational,
  type TimeSignature,
} from '@cadenza/core';
import type { ArrangeRequest, ChordEvent, Progression } from '../../arrangement-types.js';
import { barStart, chordAt } from '../../chord-events.js';
import { isCompound, pulsesPerBar } from '../../meter-grid.js';
import { pitchAtOrAbove } from '../../voicing.js';
import { handNote, toneAt } from '../../hand-notes.js';

// Shared with the other genres; re-exported so this genre's files keep one place to import from.
export { handNote, toneAt };

/** One eighth-note slot of the piece, with the chord over it and where it sits inside that chord. */
export interface EighthSlot {
  readonly bar: number;
  readonly position: Rational;
  /** Eighth index from the start of the chord (counting on across bars: 8–15 is a chord's second 4/4 bar). */
  readonly indexInChord: number;
  /**
   * Eighth index from the start of a run of the same chord (bars 1–4 of the basic blues are four I7
   * events but one run): 8–15 is the run's second 4/4 bar, where the patterns vary.
   */
  readonly indexInRun: number;
  /** Eighth index inside the bar. */
  readonly indexInBar: number;
  readonly chord: ChordEvent;
  /** An eighth; in 6/8 and 12/8 a quarter on the beat and an eighth off it. */
  readonly length: Rational;
}

/**
 * Every eighth note of the piece. Patterns count from the chord's start so that a chord changing on
 * beat 3 (jazz blues bar 4, a turnaround) starts its figure again from its root; even indices fall on
 * beats, so a figure with chord tones at even indices keeps every strong beat a chord tone.
 *
 * In 6/8 and 12/8 the slots are the shuffle written out: each dotted-quarter beat holds an on-beat
 * quarter and the off-beat on its third eighth (the triplet long–short), so every 4/4 figure reads as
 * the same blues in 12/8, bass on the dotted-quarter beats.
 */
export function eighthsOf(request: ArrangeRequest, progression: Progression): EighthSlot[] {
  const slots: EighthSlot[] = [];
  const grid = shuffleGrid(request.meter);
  let runStart = 0;
  let previous: ChordEvent | undefined;
  for (let bar = 0; bar < request.bars; bar++) {
    const start = barStart(bar, request.meter);
    for (let indexInBar = 0; indexInBar * 0.5 < grid.beats - 1e-9; indexInBar++) {
      const position = add(start, rat(Math.round(grid.at(indexInBar / 2) * 12), 12));
      const chord = chordAt(progression, position);
      if (!chord) continue;
      const fromChord = toNumber(position) - toNumber(chord.position);
      const indexInChord = Math.round(grid.compound ? (fromChord / 1.5) * 2 : fromChord * 2);
      if (previous !== chord && previous?.chord.symbol !== chord.chord.symbol) runStart = slots.length;
      previous = chord;
      const length = rat(Math.round((grid.at((indexInBar + 1) / 2) - grid.at(indexInBar / 2)) * 12), 12);
      slots.push({
        bar,
        position,
        indexInChord,
        indexInRun: slots.length - runStart,
        indexInBar,
        chord,
        length,
      });
    }
  }
  return slots;
}

/** The slot's length, never past its bar line (the last eighth of a 5/8 bar is not cut). */
export function eighthIn(request: ArrangeRequest, slot: EighthSlot): Rational {
  const end = toNumber(barStart(slot.bar + 1, request.meter));
  return end - toNumber(slot.position) < toNumber(slot.length)
    ? rat(Math.round((end - toNumber(slot.position)) * 12), 12)
    : slot.length;
}

/**
 * How a blues figure written in 4/4 beats lands in the bar. Simple meters: as written (`beats` is the
 * bar in quarters). 6/8 and 12/8: beat b is the b-th dotted quarter and its "and" the third eighth of
 * it, the shuffle as a 12/8 player reads it (`beats` is the number of dotted quarters).
 */
export interface ShuffleGrid {
  readonly compound: boolean;
  /** How many 4/4-style beats the bar holds. */
  readonly beats: number;
  /** A 4/4-style beat position (0, 0.5, 1.5…) as quarter notes from the bar line. */
  at(beat: number): number;
}

export function shuffleGrid(meter: TimeSignature): ShuffleGrid {
  if (!isCompound(meter)) {
    const beats = toNumber(measureLength(meter));
    return { compound: false, beats, at: (beat) => Math.min(beat, beats) };
  }
  const beats = pulsesPerBar(meter);
  return {
    compound: true,
    beats,
    at(beat) {
      const whole = Math.floor(beat + 1e-9);
      const part = beat - whole;
      return Math.min(beats * 1.5, whole * 1.5 + Math.min(1.5, part * 2));
    },
  };
}

/**
 * The five tones a blues bass walks through: root, 3rd, 5th, the major 6th (the boogie's colour tone,
 * a neighbour to the 5th) and the 7th. A chord without a 7th (a triad from a chart) uses its root
 * instead, so the strong beats stay chord tones.
 */
export interface BluesTones {
  readonly root: PitchClass;
  readonly third: PitchClass;
  readonly fifth: PitchClass;
  readonly sixth: PitchClass;
  readonly seventh: PitchClass;
}

export function bluesTones(chord: Chord): BluesTones {
  const root = chord.root;
  return {
    root,
    third: toneAt(chord, 4, 3, 5, 2) ?? root,
    fifth: toneAt(chord, 7, 6, 8) ?? root,
    sixth: toneAt(chord, 9) ?? transposeClass(root, iv('M6')),
    seventh: toneAt(chord, 10, 11, 9) ?? root,
  };
}

/** A pitch class placed at or above a MIDI floor, as a Pitch and its MIDI number. */
export function placeAbove(pc: PitchClass, floor: number): { pitch: Pitch; midi: number } {
  const pitch = pitchAtOrAbove(pc, floor);
  return { pitch, midi: midiOf(pitch) };
}

/** The blues scale on the tonic (1 ♭3 4 ♭5 5 ♭7): the minor pentatonic with the "blue" ♭5 added. */
export function bluesScale(tonic: PitchClass): PitchClass[] {
  return ['P1', 'm3', 'P4', 'd5', 'P5', 'm7'].map((name) => transposeClass(tonic, iv(name)));
}

/** The bar (from 0) a chord event starts in, for a 4/4 or any other meter. */
export const barOf = (request: ArrangeRequest, position: Rational): number =>
  Math.floor(toNumber(position) / toNumber(measureLength(request.meter)) + 1e-9);

import { add, midiOf, rat, type Note, type PitchClass, type Rng } from '@cadenza/core';
import type { ArrangeRequest } from '../../arrangement-types.js';
import { barStart } from '../../chord-events.js';
import { pitchAtOrAbove } from '../../voicing.js';
import { bluesScale, handNote, shuffleGrid } from './blues-tools.js';

/**
 * A two-bar riff on the blues scale: [eighth from the riff's start (0–15 in 4/4), scale degree (0 =
 * tonic, 1 = ♭3, 2 = 4, 3 = ♭5, 4 = 5, 5 = ♭7, 6 = the tonic an octave up…), length in eighths].
 */
export type Riff = readonly (readonly [number, number, number])[];

/** Opening riffs (the first and second lines of the blues say the same thing). */
export const CALL_RIFFS: readonly Riff[] = [
  [
    [0, 6, 2],
    [2, 5, 1],
    [3, 6, 1],
    [4, 4, 2],
    [6, 1, 1],
    [7, 0, 3],
  ],
  [
    [0, 1, 1],
    [1, 2, 1],
    [2, 3, 1],
    [3, 4, 3],
    [6, 1, 1],
    [7, 0, 3],
    [10, 4, 1],
    [11, 5, 1],
    [12, 4, 4],
  ],
  [
    [1, 4, 1],
    [2, 5, 1],
    [3, 6, 3],
    [6, 5, 1],
    [7, 4, 2],
    [9, 1, 1],
    [10, 0, 6],
  ],
  [
    [0, 4, 1],
    [1, 4, 1],
    [2, 5, 2],
    [4, 4, 1],
    [5, 3, 1],
    [6, 2, 1],
    [7, 1, 1],
    [8, 0, 4],
  ],
];

/** Closing riffs (the third line): they come down the scale and end on the tonic. */
export const CLOSING_RIFFS: readonly Riff[] = [
  [
    [0, 7, 2],
    [2, 6, 1],
    [3, 5, 1],
    [4, 4, 1],
    [5, 3, 1],
    [6, 2, 1],
    [7, 1, 1],
    [8, 0, 8],
  ],
  [
    [0, 4, 1],
    [1, 4, 1],
    [2, 5, 1],
    [3, 4, 1],
    [4, 1, 2],
    [6, 0, 2],
    [8, 4, 1],
    [9, 3, 1],
    [10, 2, 1],
    [11, 1, 1],
    [12, 0, 4],
  ],
];

/** Semitones of the blues-scale degrees above the tonic. */
const DEGREE_SEMITONES = [0, 3, 5, 6, 7, 10];

/** The pitch of a scale degree above a tonic placed at `tonicMidi`. */
export function degreePitch(scale: readonly PitchClass[], tonicMidi: number, degree: number) {
  const octave = Math.floor(degree / 6);
  const index = degree - octave * 6;
  const pc = scale[index] ?? scale[0];
  if (!pc) throw new RangeError('empty blues scale');
  return pitchAtOrAbove(pc, tonicMidi + 12 * octave + (DEGREE_SEMITONES[index] ?? 0));
}

/**
 * Plays a riff from the start of bar `bar`, as single right-hand notes. A 4/4 riff in a shorter bar
 * drops the eighths that do not fit; no note crosses its bar line or the end of the piece. In 6/8 and
 * 12/8 the riff's beats are the dotted quarters and its off-beats their third eighths (see shuffleGrid).
 */
export function playRiff(
  request: ArrangeRequest,
  riff: Riff,
  bar: number,
  tonicMidi: number,
  velocity = 84,
): Note[] {
  const scale = bluesScale(request.key.tonic);
  const grid = shuffleGrid(request.meter);
  const notes: Note[] = [];
  for (const [eighth, degree, length] of riff) {
    const b = bar + Math.floor(eighth / 8);
    const inBar = (eighth % 8) / 2;
    if (b >= request.bars || inBar >= grid.beats) continue;
    const from = grid.at(inBar);
    const duration = grid.at(Math.min(inBar + length / 2, grid.beats)) - from;
    const pitch = degreePitch(scale, tonicMidi, degree);
    const accent = eighth % 2 === 0 ? velocity : velocity - 10;
    notes.push(
      handNote(
        pitch,
        add(barStart(b, request.meter), rat(Math.round(from * 12), 12)),
        rat(Math.round(duration * 12), 12),
        'right',
        accent,
      ),
    );
  }
  return notes;
}

/** The tonic placed at or above `floor`, as MIDI. */
export const tonicAbove = (request: ArrangeRequest, floor: number): number =>
  midiOf(pitchAtOrAbove(request.key.tonic, floor));

/** One call riff and one closing riff per chorus, chosen by the seed. */
export function chorusRiffs(rng: Rng, choruses: number): { call: Riff; closing: Riff }[] {
  return Array.from({ length: choruses }, () => ({
    call: rng.pick(CALL_RIFFS),
    closing: rng.pick(CLOSING_RIFFS),
  }));
}

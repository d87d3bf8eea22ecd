import { describe, expect, it } from 'vitest';
import { segmentNotes, type PitchTrack } from '../src/index.js';

const RATE = 22_050;
const HOP = 256;
const FRAME = HOP / RATE;
const hz = (midi: number) => 440 * 2 ** ((midi - 69) / 12);

/** One frame of a synthetic melody: its pitch (MIDI, or NaN when unvoiced) and its level (dBFS). */
interface Frame {
  readonly midi: number;
  readonly db: number;
}

/** The segmenter's inputs for a run of frames: a pitch track (voiced where pitched) and the frame levels. */
function inputs(frames: readonly Frame[]): { track: PitchTrack; levels: Float64Array } {
  const n = frames.length;
  const track: PitchTrack = {
    times: Float64Array.from({ length: n }, (_, i) => i * FRAME),
    f0: Float64Array.from(frames, (f) => (Number.isNaN(f.midi) ? 0 : hz(f.midi))),
    voicedProbability: Float64Array.from(frames, (f) => (Number.isNaN(f.midi) ? 0 : 1)),
    hop: HOP,
    rate: RATE,
  };
  return { track, levels: Float64Array.from(frames, (f) => f.db) };
}

/** `count` frames at one pitch whose level goes from `fromDb` to `toDb` in a straight line. */
function ramp(midi: number, count: number, fromDb: number, toDb: number): Frame[] {
  return Array.from({ length: count }, (_, i) => ({
    midi,
    db: fromDb + ((toDb - fromDb) * i) / Math.max(1, count - 1),
  }));
}

describe('segmentNotes on a piano-like decay', () => {
  it('starts the next note at the onset heard where its pitch settles, not at the fading note’s lowest frame', () => {
    // B♭4 struck, fading 25 dB over a second; its level wavers back up 2 dB over its last 80 ms (strings
    // beating) before A4 is struck. The onset is heard at the very frame the new pitch settles.
    const strike = 100;
    const frames = [
      ...ramp(70, 20, -12, -20),
      ...ramp(70, strike - 27, -20, -39),
      ...ramp(70, 7, -39, -37),
      ...ramp(69, 4, -25, -15),
      ...ramp(69, 60, -15, -30),
    ];
    const { track, levels } = inputs(frames);
    const notes = segmentNotes(track, levels, [strike * FRAME], {
      deviationRatio: Number.POSITIVE_INFINITY,
    });
    expect(notes.map((n) => n.midi)).toEqual([70, 69]);
    expect(notes[1]?.onset).toBeCloseTo(strike * FRAME - FRAME / 2, 6);
    expect(notes[0]?.offset).toBeCloseTo(strike * FRAME - FRAME / 2, 6);
  });

  it('hears no new note in a flutter of the release far below the note (a reverb tail)', () => {
    // G4 from −12 dBFS fades to −95; deep in the tail the level dips 9 dB and comes back 6 dB, still
    // pitched: the shape of a re-articulation, but 80 dB under the note.
    const frames = [
      ...ramp(67, 30, -12, -20),
      ...ramp(67, 60, -20, -95),
      ...ramp(67, 8, -95, -104),
      ...ramp(67, 8, -104, -98),
      ...ramp(67, 6, -98, -99),
    ];
    const { track, levels } = inputs(frames);
    const notes = segmentNotes(track, levels, [], { deviationRatio: Number.POSITIVE_INFINITY });
    expect(notes.map((n) => n.midi)).toEqual([67]);
  });

  it('still hears a repeated note through the same dip when the level comes back near the note’s peak', () => {
    const frames = [
      ...ramp(67, 30, -12, -16),
      ...ramp(67, 8, -16, -26),
      ...ramp(67, 8, -26, -14),
      ...ramp(67, 30, -14, -18),
    ];
    const { track, levels } = inputs(frames);
    const notes = segmentNotes(track, levels, [], { deviationRatio: Number.POSITIVE_INFINITY });
    expect(notes.map((n) => n.midi)).toEqual([67, 67]);
    expect(notes[1]?.cue).toBe('level');
  });
});

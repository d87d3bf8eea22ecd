import { createScore, parsePitch, rat, type Bpm } from '@cadenza/core';
import { describe, expect, it } from 'vitest';
import { expectedNotesFromScore, timingTolerance } from '../src/index.js';
import { chordScore, scaleScore } from './grading-helpers.js';

describe('expectedNotesFromScore', () => {
  it('turns eighth notes at ♩ = 100 into 0.3 s steps with MIDI pitches', () => {
    const notes = expectedNotesFromScore(scaleScore('G', 55, 100));
    expect(notes.map((n) => n.midi)).toEqual([55, 57, 59, 60, 62, 64, 66, 67, 66, 64, 62, 60, 59, 57, 55]);
    expect(notes.map((n) => Math.round(n.onset * 1000))).toEqual(
      Array.from({ length: 15 }, (_, i) => i * 300),
    );
    expect(notes.every((n) => Math.abs(n.duration - 0.3) < 1e-9)).toBe(true);
  });

  it('plays the score at a requested tempo instead of its own', () => {
    const notes = expectedNotesFromScore(scaleScore('C', 60, 100), { bpm: 60 });
    expect(notes[1]?.onset).toBeCloseTo(0.5, 9);
    expect(notes[14]?.onset).toBeCloseTo(7, 9);
  });

  it('keeps tempo changes in proportion when a tempo is requested', () => {
    const score = createScore({
      tempos: [
        { position: rat(0), bpm: 120 as Bpm },
        { position: rat(2), bpm: 60 as Bpm },
      ],
      parts: [
        {
          notes: [0, 1, 2, 3].map((q) => ({
            pitch: parsePitch('A4'),
            position: rat(q),
            duration: rat(1),
            staff: 1,
            voice: 1,
          })),
        },
      ],
    });
    expect(expectedNotesFromScore(score).map((n) => n.onset)).toEqual([0, 0.5, 1, 2]);
    expect(expectedNotesFromScore(score, { bpm: 240 }).map((n) => n.onset)).toEqual([0, 0.25, 0.5, 1]);
  });

  it('gives chord tones one onset, sorted by pitch', () => {
    const notes = expectedNotesFromScore(chordScore([['G4', 'C4', 'E4']], 4, 120));
    expect(notes.map((n) => [n.midi, n.onset, n.duration])).toEqual([
      [60, 0, 2],
      [64, 0, 2],
      [67, 0, 2],
    ]);
  });

  it('names a missing part and refuses a bad tempo', () => {
    expect(() => expectedNotesFromScore(scaleScore(), { partIds: ['P9'] })).toThrow(/no part 'P9'/);
    expect(() => expectedNotesFromScore(scaleScore(), { bpm: 0 })).toThrow(/positive/);
  });
});

describe('timingTolerance', () => {
  it('is 75 ms by default, 100 ms for beginners and 55 ms at difficulty 10', () => {
    expect([timingTolerance(), timingTolerance(1), timingTolerance(10)]).toEqual([75, 100, 55]);
    expect(timingTolerance(5)).toBe(80);
  });
});

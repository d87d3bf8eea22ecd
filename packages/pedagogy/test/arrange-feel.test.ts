import { parsePitch, rat, type Note } from '@cadenza/core';
import { describe, expect, it } from 'vitest';
import { applyFeel, arrange, swingOffset } from '../src/index.js';
import { testRequest } from './arrange-helpers.js';

const eighth = (beats: number): Note => ({
  pitch: parsePitch('C4'),
  position: rat(Math.round(beats * 2), 2),
  duration: rat(1, 2),
  staff: 1,
  voice: 1,
});

describe('applyFeel', () => {
  it.each([
    [1, 0],
    [2, 1 / 6],
    [3, 0.25],
  ])('swing ratio %d delays the off-beat eighth by %d of a beat', (ratio, late) => {
    expect(swingOffset(ratio)).toBeCloseTo(late, 12);
    const played = applyFeel([eighth(0), eighth(0.5), eighth(1), eighth(1.5)], {
      kind: 'swing',
      ratio,
      label: 'Swing',
    });
    expect(played.map((n) => n.offset ?? 0)).toEqual([0, swingOffset(ratio), 0, swingOffset(ratio)]);
    // Long:short measured back from the performed onsets equals the ratio.
    const long = 0.5 + (played[1]?.offset ?? 0);
    expect(long / (1 - long)).toBeCloseTo(ratio, 9);
    // The notation is untouched.
    expect(played.map((n) => n.position)).toEqual([rat(0), rat(1, 2), rat(1), rat(3, 2)]);
  });

  it('laid-back delays every note by the same fraction of a beat', () => {
    const played = applyFeel([eighth(0), eighth(0.5)], { kind: 'laid-back', delay: 0.05 });
    expect(played.map((n) => n.offset)).toEqual([0.05, 0.05]);
  });
});

describe('the word over the tempo mark', () => {
  it.each([
    ['classical', 100, undefined, 'Moderato'],
    ['classical', 66, undefined, 'Adagio'],
    ['classical', 130, undefined, 'Allegro'],
    ['jazz', 160, 1, 'Bright'],
    ['jazz', 160, 2, 'Swing'],
    ['gospel', 90, undefined, 'Moderately'],
  ] as const)('%s at %i bpm (swing %s): %s', (genre, tempo, swingRatio, word) => {
    const application = genre === 'classical' ? (tempo < 72 ? 'romantic' : 'classical') : undefined;
    const request = testRequest(genre, {
      tempo,
      ...(application ? { application } : {}),
      ...(swingRatio !== undefined ? { swingRatio } : {}),
    });
    expect(arrange(request, 1, 'T').score.tempos[0]?.text).toBe(word);
  });
});

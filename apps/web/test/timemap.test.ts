import { describe, expect, it } from 'vitest';
import { scoreLayout } from '../src/components/score-view/score-layout.js';
import { buildSoundingIndex, parseTimemap, soundingAt } from '../src/components/score-view/timemap.js';

// A verovio timemap for: C (0–500 ms) then E (500–1000 ms) over a held bass G (0–1000 ms); 120 bpm.
const TIMEMAP = parseTimemap([
  { tstamp: 0, qstamp: 0, on: ['c', 'g'], tempo: 120 },
  { tstamp: 500, qstamp: 1, on: ['e'], off: ['c'] },
  { tstamp: 1000, qstamp: 2, off: ['e', 'g'] },
]);

describe('which notes sound at a time (the Player cursor)', () => {
  const index = buildSoundingIndex(TIMEMAP);

  it.each([
    [-1, []],
    [0, ['c', 'g']],
    [499.9, ['c', 'g']],
    [500, ['g', 'e']],
    [999, ['g', 'e']],
    [1000, []],
    [5000, []],
  ])('at %d ms: %j', (ms, ids) => {
    expect([...soundingAt(index, ms)].sort()).toEqual([...ids].sort());
  });

  it('merges entries that share a time and accepts them out of order', () => {
    const merged = buildSoundingIndex([
      { tstamp: 500, off: ['a'] },
      { tstamp: 0, on: ['a'] },
      { tstamp: 500, on: ['b'] },
    ]);
    expect(merged.times).toEqual([0, 500]);
    expect(soundingAt(merged, 600)).toEqual(['b']);
  });

  it('rejects something that is not a timemap, naming what was expected', () => {
    expect(() => parseTimemap({ tstamp: 0 })).toThrow(/list of \{ tstamp, on, off \}/);
    expect(() => parseTimemap([{ on: ['x'] }])).toThrow(/timemap/);
  });
});

describe('score layout for a container width', () => {
  it('makes the page exactly as wide as the container at the chosen zoom', () => {
    const desktop = scoreLayout(1100);
    expect(desktop.scale).toBe(55);
    expect(desktop.pageWidth).toBe(2000); // 1100 px × 100 / 55
    const phone = scoreLayout(340);
    expect(phone.scale).toBe(40);
    expect(phone.pageWidth).toBe(850);
  });

  it('never asks verovio for a page narrower than it accepts', () => {
    expect(scoreLayout(10).pageWidth).toBe(100);
  });
});

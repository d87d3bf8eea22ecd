import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add,
  beatLength,
  beatsPerMeasure,
  beatsToSeconds,
  compare,
  createScore,
  div,
  formatRational,
  isCompoundMeter,
  measureLength,
  measureMap,
  mul,
  parseRational,
  parsePitch,
  parseTimeSignature,
  rat,
  secondsToBeats,
  sub,
  tempoMap,
  type Bpm,
} from '@cadenza/core';

describe('rational time', () => {
  it('is exact for triplets and dots', () => {
    const tripletEighth = rat(1, 3);
    expect(add(add(tripletEighth, tripletEighth), tripletEighth)).toEqual(rat(1));
    expect(add(rat(1, 2), rat(1, 4))).toEqual(rat(3, 4));
    expect(mul(rat(2, 3), rat(3, 4))).toEqual(rat(1, 2));
    expect(div(rat(1), rat(1, 3))).toEqual(rat(3));
    expect(sub(rat(1, 3), rat(1, 2))).toEqual(rat(-1, 6));
    expect(formatRational(rat(6, 4))).toBe('3/2');
    expect(parseRational('-2/6')).toEqual(rat(-1, 3));
    expect(() => rat(1, 0)).toThrow(/zero/);
  });

  it('keeps lowest terms with a positive denominator (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -500, max: 500 }),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 50 }),
        (n, d, k) => {
          const r = rat(n * k, -d * k);
          expect(r.d).toBeGreaterThan(0);
          expect(compare(r, rat(-n, d))).toBe(0);
          expect(r).toEqual(rat(-n, d));
        },
      ),
      { seed: 7 },
    );
  });
});

describe('meters', () => {
  it.each([
    ['4/4', 4, 1, 4, false],
    ['3/4', 3, 1, 3, false],
    ['2/2', 4, 2, 2, false],
    ['6/8', 3, 3 / 2, 2, true],
    ['9/8', 9 / 2, 3 / 2, 3, true],
    ['12/8', 6, 3 / 2, 4, true],
    ['5/4', 5, 1, 5, false],
    ['3/8', 3 / 2, 1 / 2, 3, false],
  ])('%s: measure %f quarters, beat %f, %i beats, compound %s', (text, len, beat, beats, compound) => {
    const ts = parseTimeSignature(text);
    const asNumber = (r: { n: number; d: number }): number => r.n / r.d;
    expect(asNumber(measureLength(ts))).toBe(len);
    expect(asNumber(beatLength(ts))).toBe(beat);
    expect(beatsPerMeasure(ts)).toBe(beats);
    expect(isCompoundMeter(ts)).toBe(compound);
  });

  it('reads common and cut time, rejects nonsense', () => {
    expect(parseTimeSignature('C')).toEqual({ beats: 4, beatType: 4 });
    expect(parseTimeSignature('C|')).toEqual({ beats: 2, beatType: 2 });
    expect(() => parseTimeSignature('4/5')).toThrow(/lower number/);
    expect(() => parseTimeSignature('four')).toThrow(/not a time signature/);
  });
});

describe('tempo map', () => {
  const map = tempoMap([
    { position: rat(0), bpm: 120 as Bpm },
    { position: rat(8), bpm: 60 as Bpm },
  ]);
  it('converts beats to seconds across a tempo change', () => {
    expect(beatsToSeconds(map, 4)).toBe(2);
    expect(beatsToSeconds(map, 8)).toBe(4);
    expect(beatsToSeconds(map, 10)).toBe(6);
    expect(secondsToBeats(map, 2)).toBe(4);
    expect(secondsToBeats(map, 6)).toBe(10);
  });

  it('inverts exactly (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), (beats) => {
        expect(secondsToBeats(map, beatsToSeconds(map, beats))).toBeCloseTo(beats, 9);
      }),
      { seed: 11 },
    );
  });

  it('rejects negative and zero tempos', () => {
    expect(() => tempoMap([{ position: rat(0), bpm: -90 as Bpm }])).toThrow(/positive/);
    expect(() => tempoMap([{ position: rat(0), bpm: 0 as Bpm }])).toThrow(/positive/);
  });
});

describe('measure map', () => {
  it('lays out a pickup and a meter change', () => {
    const score = createScore({
      pickup: rat(1),
      meters: [
        { position: rat(0), timeSignature: { beats: 4, beatType: 4 } },
        { position: rat(9), timeSignature: { beats: 6, beatType: 8 } },
      ],
      parts: [
        {
          notes: [{ pitch: parsePitch('C4'), position: rat(14), duration: rat(1), staff: 1, voice: 1 }],
        },
      ],
    });
    const ms = measureMap(score).map((m) => [
      m.number,
      formatRational(m.start),
      formatRational(m.length),
      m.timeSignature.beats,
    ]);
    expect(ms).toEqual([
      [0, '0', '1', 4],
      [1, '1', '4', 4],
      [2, '5', '4', 4],
      [3, '9', '3', 6],
      [4, '12', '3', 6],
    ]);
  });
});

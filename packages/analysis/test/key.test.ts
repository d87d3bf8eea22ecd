import { describe, expect, it } from 'vitest';
import { keyName } from '@cadenza/core';
import {
  estimateKey,
  mirexKeyScore,
  pitchClassHistogram,
  toCoreKey,
  type KeyClass,
  type KeyNote,
  type KeyProfileName,
} from '../src/index.js';

/** Notes from (midi, duration) pairs. */
const notes = (pairs: readonly (readonly [number, number])[]): KeyNote[] =>
  pairs.map(([midi, duration]) => ({ midi, duration }));

/** A C major melody: scale up and down, phrases ending on long tonic-triad notes. */
const C_MAJOR_MELODY = notes([
  [60, 1],
  [62, 0.5],
  [64, 0.5],
  [65, 0.5],
  [67, 1],
  [69, 0.5],
  [71, 0.5],
  [72, 2],
  [71, 0.5],
  [69, 0.5],
  [67, 1],
  [65, 0.5],
  [64, 1],
  [62, 0.5],
  [60, 2],
  [64, 1],
  [67, 1],
  [72, 1],
  [67, 1],
  [65, 0.5],
  [62, 0.5],
  [59, 0.5],
  [60, 2],
]);

/** A melody in A harmonic minor: the raised seventh G♯ leading to A. */
const A_MINOR_MELODY = notes([
  [57, 1],
  [59, 0.5],
  [60, 1],
  [62, 0.5],
  [64, 1],
  [65, 0.5],
  [68, 0.5],
  [69, 2],
  [68, 0.5],
  [65, 0.5],
  [64, 1],
  [62, 0.5],
  [60, 1],
  [59, 0.5],
  [57, 2],
  [64, 1],
  [60, 1],
  [57, 1],
  [56, 1],
  [59, 0.5],
  [62, 0.5],
  [56, 0.5],
  [57, 2],
]);

/** B♭ major: I – IV – V7 – I – vi – ii – V – I as block chords, one beat each (the tonic two). */
const B_FLAT_PROGRESSION = notes(
  [
    [58, 62, 65],
    [63, 67, 70],
    [65, 69, 72, 75],
    [58, 62, 65, 70],
    [67, 70, 74],
    [60, 63, 67],
    [65, 69, 72],
    [58, 62, 65, 70],
  ].flatMap((chord, i) => chord.map((midi) => [midi, i === 0 || i === 7 ? 2 : 1] as const)),
);

const PROFILES: readonly KeyProfileName[] = ['krumhansl', 'temperley'];

describe('estimateKey', () => {
  it.each(PROFILES)('finds C major, A minor and B♭ major with the %s profiles', (profile) => {
    expect(estimateKey(C_MAJOR_MELODY, { profile })).toMatchObject({ tonic: 0, mode: 'major' });
    expect(estimateKey(A_MINOR_MELODY, { profile })).toMatchObject({ tonic: 9, mode: 'minor' });
    expect(estimateKey(B_FLAT_PROGRESSION, { profile })).toMatchObject({ tonic: 10, mode: 'major' });
  });

  it('returns all 24 keys, best first, with the best as the answer', () => {
    const estimate = estimateKey(C_MAJOR_MELODY);
    expect(estimate.candidates).toHaveLength(24);
    expect(estimate.candidates[0]).toEqual({ tonic: 0, mode: 'major', correlation: estimate.correlation });
    const correlations = estimate.candidates.map((c) => c.correlation);
    expect(correlations).toEqual([...correlations].sort((a, b) => b - a));
    expect(estimate.correlation).toBeGreaterThan(0.8);
  });

  it('gives a lone C major triad the Krumhansl–Schmuckler correlations, E minor second', () => {
    // Reference values: numpy.corrcoef of {C, E, G} = 1 against the rotated Krumhansl–Kessler ratings.
    const estimate = estimateKey(
      notes([
        [60, 1],
        [64, 1],
        [67, 1],
      ]),
    );
    expect(estimate).toMatchObject({ tonic: 0, mode: 'major' });
    expect(estimate.correlation).toBeCloseTo(0.83378, 4);
    expect(estimate.candidates[1]).toMatchObject({ tonic: 4, mode: 'minor' });
    expect(estimate.candidates[1]?.correlation).toBeCloseTo(0.76025, 4);
  });

  it('weighs pitch classes by duration across octaves', () => {
    expect(
      pitchClassHistogram(
        notes([
          [60, 1],
          [72, 2],
          [71, 0.5],
          [-1, 1],
        ]),
      ),
    ).toEqual([3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1.5]);
  });

  it('refuses to find a key in silence', () => {
    expect(() => estimateKey([])).toThrow(/no notes/);
  });

  it('lets the final note decide between keys the pitch classes cannot tell apart', () => {
    // G minor and B♭ major share their notes: a tune on G B♭ D F A C with equal weights.
    const shared = notes([
      [67, 1],
      [70, 1],
      [74, 1],
      [65, 1],
      [69, 1],
      [72, 1],
    ]);
    const gMinor = estimateKey(shared, { profile: 'temperley', finalMidi: 55 });
    expect(gMinor).toMatchObject({ tonic: 7, mode: 'minor' });
    expect(estimateKey(shared, { profile: 'temperley', finalMidi: 58 })).toMatchObject({
      tonic: 10,
      mode: 'major',
    });
    // The ranking changes, the correlations do not.
    const plain = estimateKey(shared, { profile: 'temperley' });
    expect(gMinor.candidates.map((c) => c.correlation).sort()).toEqual(
      plain.candidates.map((c) => c.correlation).sort(),
    );
  });

  it('does not let a final note override clear evidence', () => {
    // A plain C major melody ending on its fifth stays in C major.
    expect(estimateKey(C_MAJOR_MELODY, { profile: 'temperley', finalMidi: 67 })).toMatchObject({
      tonic: 0,
      mode: 'major',
    });
  });
});

describe('toCoreKey', () => {
  it.each([
    [0, 'major', 'C major'],
    [10, 'major', 'Bb major'],
    [1, 'major', 'Db major'],
    [6, 'major', 'F# major'],
    [8, 'major', 'Ab major'],
    [11, 'major', 'B major'],
    [9, 'minor', 'A minor'],
    [10, 'minor', 'Bb minor'],
    [1, 'minor', 'C# minor'],
    [8, 'minor', 'G# minor'],
    [3, 'minor', 'D# minor'],
    [5, 'minor', 'F minor'],
  ] as const)('spells %i %s as %s', (tonic, mode, name) => {
    expect(keyName(toCoreKey({ tonic, mode }))).toBe(name);
  });
});

describe('mirexKeyScore', () => {
  const C: KeyClass = { tonic: 0, mode: 'major' };
  const a: KeyClass = { tonic: 9, mode: 'minor' };
  it.each([
    [C, C, 1],
    [{ tonic: 7, mode: 'major' }, C, 0.5],
    [{ tonic: 5, mode: 'major' }, C, 0],
    [{ tonic: 4, mode: 'minor' }, a, 0.5],
    [a, C, 0.3],
    [C, a, 0.3],
    [{ tonic: 0, mode: 'minor' }, C, 0.2],
    [{ tonic: 9, mode: 'major' }, a, 0.2],
    [{ tonic: 2, mode: 'major' }, C, 0],
    [{ tonic: 4, mode: 'minor' }, C, 0],
  ] as const)('scores %o against %o as %d', (estimated, reference, score) => {
    expect(mirexKeyScore(estimated, reference)).toBe(score);
  });

  it('credits a fifth below only when asked', () => {
    const f: KeyClass = { tonic: 5, mode: 'major' };
    expect(mirexKeyScore(f, { tonic: 0, mode: 'major' }, { allowDescendingFifths: true })).toBe(0.5);
  });
});

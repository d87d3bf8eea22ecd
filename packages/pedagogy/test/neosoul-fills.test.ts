import { chroma, midiOf, parseKey, toNumber, type Note } from '@cadenza/core';
import { describe, expect, it } from 'vitest';
import { applicationProfile, arrange, chordAt, type Arrangement } from '../src/index.js';
import { testRequest } from './arrange-helpers.js';

// Chromatic Fills measured: where the enclosures fall, what they land on, and how often (the
// application's improvisation chance).
const BARS = 16;

function fills(improvisation: number | undefined, seed: number, key = 'C') {
  const base = applicationProfile('neosoul', 'smooth');
  if (!base) throw new Error('no smooth application');
  const request = testRequest('neosoul', {
    key: parseKey(key),
    bars: BARS,
    rightHand: 'chromatic-fills',
  });
  const application = improvisation === undefined ? base : { ...base, improvisation };
  const result = arrange({ ...request, application }, seed, 'Fills');
  return { result, runs: enclosures(result) };
}

/** Runs of four single sixteenths in the right hand: [onset of the first, the four MIDI notes]. */
function enclosures(result: Arrangement): { at: number; midis: number[]; last: Note }[] {
  const right = result.score.parts.flatMap((p) => p.notes).filter((n) => n.staff === 1);
  const byOnset = new Map<number, Note[]>();
  for (const n of right) byOnset.set(toNumber(n.position), [...(byOnset.get(toNumber(n.position)) ?? []), n]);
  const singles = [...byOnset.entries()]
    .filter(([, g]) => g.length === 1 && toNumber((g[0] as Note).duration) === 0.25)
    .sort((a, b) => a[0] - b[0]);
  const runs: { at: number; midis: number[]; last: Note }[] = [];
  for (let i = 0; i + 3 < singles.length; i++) {
    const four = singles.slice(i, i + 4);
    const at = four[0]?.[0] ?? 0;
    if (four.every(([t], k) => t === at + k * 0.25)) {
      const notes = four.map(([, g]) => g[0] as Note);
      runs.push({ at, midis: notes.map((n) => midiOf(n.pitch)), last: notes[3] as Note });
      i += 3;
    }
  }
  return runs;
}

describe('neo-soul chromatic fills', () => {
  it.each(['C', 'Ab', 'C minor', 'G# minor'])(
    '%s: each fill is on the last beat of a phrase and lands by half step on a tone of the next chord',
    (key) => {
      for (const seed of [1, 2, 3]) {
        const { result, runs } = fills(undefined, seed, key);
        expect(runs.length).toBeGreaterThanOrEqual(1);
        for (const run of runs) {
          expect(run.at % 8).toBe(7); // beat 4 of every second bar
          expect(run.midis.slice(1).map((m, k) => m - (run.midis[k] ?? m))).toEqual([-1, -2, 1]);
          const next = chordAt(result.progression, { n: (run.at + 1) * 4, d: 4 });
          const tones = [next?.chord.bass, ...(next?.chord.notes ?? [])].map((pc) => pc && chroma(pc));
          expect(tones).toContain(chroma(run.last.pitch));
        }
      }
    },
  );

  it('how often follows the improvisation chance: never beyond the first at 0, every phrase at 1', () => {
    for (const seed of [1, 2, 3, 4]) {
      expect(fills(0, seed).runs).toHaveLength(1);
      expect(fills(1, seed).runs.length).toBe(BARS / 2 - 1);
    }
    let later = 0;
    for (let seed = 1; seed <= 40; seed++) later += fills(undefined, seed).runs.length - 1;
    const ratio = later / (40 * (BARS / 2 - 2)); // chances after the first fill
    expect(ratio).toBeGreaterThan(0.2);
    expect(ratio).toBeLessThan(0.5); // smooth's chance is 0.35
  });
});

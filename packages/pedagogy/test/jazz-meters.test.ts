import { measureLength, midiOf, parseChordSymbol, parseTimeSignature, toNumber } from '@cadenza/core';
import { describe, expect, it } from 'vitest';
import { playableByOneHand } from '../src/index.js';
import { isChordTone, jazz, onsets, progressionOf, render, request } from './jazz-test-helpers.js';

// Every pattern in odd and compound meters, and over a user's chart of plain triads and sevenths.
const meters = ['3/4', '5/4', '6/8', '7/8', '2/2'];
const patterns = [...jazz.leftHand.map((p) => ['left', p.id]), ...jazz.rightHand.map((p) => ['right', p.id])];

describe('jazz in other meters and over charts', () => {
  it.each(meters.flatMap((m) => patterns.map(([hand, id]) => [m, hand, id] as const)))(
    '%s %s %s: fills the bars, playable, bar lines on chord tones',
    (meter, hand, id) => {
      const req = request({
        meter: parseTimeSignature(meter),
        bars: 6,
        [hand === 'left' ? 'leftHand' : 'rightHand']: id,
      });
      const { result, notes, left } = render(req, 2);
      const barLength = toNumber(measureLength(req.meter));
      for (const n of notes)
        expect(toNumber(n.position) + toNumber(n.duration)).toBeLessThanOrEqual(6 * barLength + 1e-9);
      for (const staff of [1, 2])
        for (const g of onsets(notes.filter((n) => n.staff === staff)))
          expect(playableByOneHand(g.midis)).toBe(true);
      const downbeats = left.filter((n) => Math.abs((toNumber(n.position) / barLength) % 1) < 1e-9);
      expect(downbeats.every((n) => isChordTone(result.progression, n))).toBe(true);
    },
  );

  it('a chart of triads and sevenths: the walking bass still lands on the chart’s roots', () => {
    const chart = [['C'], ['Am7'], ['Dm7', 'G7'], ['C6']].map((bar) => bar.map((s) => parseChordSymbol(s)));
    const { result, left } = render(request({ chart, bars: 4, application: 'standard' }), 1);
    const roots = [0, 4, 8, 10, 12].map((at) => left.find((n) => toNumber(n.position) === at));
    expect(roots.map((n) => (n ? midiOf(n.pitch) % 12 : -1))).toEqual([0, 9, 2, 7, 0]);
    expect(result.leftHand).toBe('walking-bass');
  });

  it('rhythm changes in 16 bars: I–VI–ii–V, iii–VI–ii–V fragments, ending home', () => {
    const p = progressionOf(request({ bars: 16, styles: ['rhythm changes'] }), 4);
    // B♭: B♭6 G7♭9 Cm9 F13 | Dm7 G7♭9 Cm9 F13
    expect(p.chords.slice(0, 8).map((c) => c.chord.symbol)).toEqual([
      'Bb6',
      'G7b9',
      'Cm9',
      'F13',
      'Dm7',
      'G7b9',
      'Cm9',
      'F13',
    ]);
    expect(p.chords[p.chords.length - 1]?.chord.symbol).toBe('Bbmaj7');
  });
});

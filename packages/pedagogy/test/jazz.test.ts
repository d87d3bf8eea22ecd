import { chroma, midiOf, MusicError, parseKey, parseTimeSignature, toNumber } from '@cadenza/core';
import { readMidi, writeMidi } from '@cadenza/formats';
import { describe, expect, it } from 'vitest';
import { chordAt } from '../src/index.js';
import { fromTonic, isChordTone, jazz, progressionOf, render, request, seeds } from './jazz-test-helpers.js';

/** Long:short ratios of every eighth pair of the right hand, measured from the performed MIDI. */
function measuredSwing(ratio: number): number[] {
  const { result } = render(request({ rightHand: 'improvisation', swingRatio: ratio, bars: 8 }));
  const played = readMidi(writeMidi(result.score, { performance: true }));
  const right = played.parts
    .flatMap((p) => p.notes)
    .filter((n) => n.staff === 1)
    .map((n) => toNumber(n.position))
    .sort((a, b) => a - b);
  const ratios: number[] = [];
  right.forEach((on, i) => {
    const off = right[i + 1];
    const next = right[i + 2];
    if (off === undefined || next === undefined || on % 1 !== 0 || next !== on + 1 || off <= on) return;
    ratios.push((off - on) / (next - off));
  });
  return ratios;
}

describe('jazz feel', () => {
  it.each([1.5, 2, 2.5])('swing %d: every eighth pair of the bebop line measures the ratio ±0.1', (ratio) => {
    const ratios = measuredSwing(ratio);
    expect(ratios.length).toBeGreaterThan(15);
    for (const r of ratios) expect(Math.abs(r - ratio)).toBeLessThanOrEqual(0.1);
  });

  it('swings 2:1 by default, labelled Swing; 1.0 is straight; outside 1–3 is refused', () => {
    expect(jazz.feel(request())).toEqual({ kind: 'swing', ratio: 2, label: 'Swing' });
    expect(jazz.feel(request({ swingRatio: 1 }))).toEqual({ kind: 'straight' });
    expect(() => jazz.feel(request({ swingRatio: 3.5 }))).toThrow(MusicError);
    expect(() => jazz.feel(request({ swingRatio: 3.5 }))).toThrow(/1\.0–3\.0/);
  });
});

describe('jazz walking bass (standard)', () => {
  it.each([1, 2, 3, 4])(
    'seed %d: quarters, a chord tone (mostly the root) on 1, a step into each bar',
    (seed) => {
      const req = request({ application: 'standard' });
      const { result, left } = render(req, seed);
      expect(result.leftHand).toBe('walking-bass');
      const byPosition = new Map(left.map((n) => [toNumber(n.position), n]));
      expect(left).toHaveLength(req.bars * 4);
      let roots = 0;
      for (let bar = 0; bar < req.bars; bar++) {
        for (let beat = 0; beat < 4; beat++)
          expect(toNumber(byPosition.get(bar * 4 + beat)?.duration ?? rat0)).toBe(1);
        const one = byPosition.get(bar * 4);
        if (!one) throw new Error(`no bass on bar ${bar + 1}`);
        expect(isChordTone(result.progression, one)).toBe(true);
        const event = chordAt(result.progression, one.position);
        if (event && chroma(event.chord.root) === chroma(one.pitch)) roots++;
        const four = byPosition.get(bar * 4 + 3);
        const nextOne = byPosition.get(bar * 4 + 4);
        if (four && nextOne) expect([1, 2]).toContain(Math.abs(midiOf(four.pitch) - midiOf(nextOne.pitch)));
      }
      expect(roots / req.bars).toBeGreaterThanOrEqual(0.6);
    },
  );
});
const rat0 = { n: 0, d: 1 };

describe('jazz progression', () => {
  it('a ii–V–I request has ii–V–I (roots up a 2nd, up a 5th, home) and ends on I', () => {
    const req = request({ styles: ['ii-v-i turnarounds'] });
    for (const seed of seeds) {
      const chords = progressionOf(req, seed).chords;
      const found = chords.some((c, i) => {
        const v = chords[i + 1];
        const one = chords[i + 2];
        return (
          v !== undefined &&
          one !== undefined &&
          fromTonic(req, c.chord.root) === 2 &&
          fromTonic(req, v.chord.root) === 7 &&
          fromTonic(req, one.chord.root) === 0 &&
          c.numeral.startsWith('ii') &&
          v.numeral.startsWith('V') &&
          one.numeral.startsWith('I')
        );
      });
      expect(found).toBe(true);
      expect(chords[chords.length - 1]?.numeral).toMatch(/^I/);
    }
  });

  it('minor keys cadence iiø7–V7♭9–i', () => {
    const req = request({ key: parseKey('C minor'), bars: 8 });
    const chords = progressionOf(req, 3).chords;
    expect(chords.slice(-3).map((c) => c.chord.symbol)).toEqual(['Dm7b5', 'G7b9', 'Cm6']);
    expect(chords.slice(-3).map((c) => c.numeral)).toEqual(['iiø7', 'V7♭9', 'i6']);
  });

  it.each([
    ['F#', 1],
    ['Gb', 2],
    ['Db', 3],
    ['B minor', 7],
    ['Eb', 13],
    ['A', 31],
    ['Bb minor', 64],
    ['C', 256],
  ] as const)(
    '%s, %d bars: fills the bars exactly, ends on the tonic, every chord explained',
    (key, bars) => {
      const req = request({ key: parseKey(key), bars });
      const { chords } = progressionOf(req, 11);
      const total = chords.reduce((sum, c) => sum + toNumber(c.duration), 0);
      expect(total).toBe(bars * 4);
      const last = chords[chords.length - 1];
      expect(last && fromTonic(req, last.chord.root)).toBe(0);
      for (const c of chords) {
        expect(c.numeral.length).toBeGreaterThan(0);
        expect(c.comment.length).toBeGreaterThan(5);
      }
    },
  );

  it('in 3/4 a half-bar change falls on beat 3; a 1/4 bar keeps one chord', () => {
    const three = progressionOf(request({ meter: parseTimeSignature('3/4'), bars: 2 }), 1).chords;
    expect(three.map((c) => toNumber(c.position))).toEqual([0, 2, 3]);
    const one = progressionOf(request({ meter: parseTimeSignature('1/4'), bars: 2 }), 1).chords;
    expect(one.every((c) => Number.isInteger(toNumber(c.position)))).toBe(true);
  });

  it('32 bars are an AABA chorus; rhythm changes put III7 at the bridge', () => {
    const req = request({ bars: 32, styles: ['rhythm changes'] });
    const p = progressionOf(req, 2);
    expect(p.sections.map((s) => [toNumber(s.position), s.label])).toEqual([
      [0, 'A'],
      [32, 'A'],
      [64, 'B'],
      [96, 'A'],
    ]);
    const bridge = chordAt(p, { n: 64, d: 1 });
    expect(bridge && fromTonic(req, bridge.chord.root)).toBe(4);
    expect(bridge?.numeral).toBe('V7/vi');
    expect(p.chords.slice(0, 4).map((c) => fromTonic(req, c.chord.root))).toEqual([0, 9, 2, 7]);
  });

  it('bebop changes chords faster (more ii–Vs per bar)', () => {
    const count = (styles: string[]) =>
      seeds.reduce((sum, s) => sum + progressionOf(request({ bars: 16, styles }), s).chords.length, 0);
    expect(count(['bebop'])).toBeGreaterThan(count([]) * 1.4);
  });

  it('uses the tritone substitute, the backdoor ii–V, secondary ii–Vs and extended symbols', () => {
    const all = seeds.flatMap((s) => progressionOf(request({ bars: 16 }), s).chords);
    const numerals = new Set(all.map((c) => c.numeral));
    for (const n of ['subV7', '♭VII7', 'iv7', 'ii7/IV', 'V7/IV', 'vi7', 'iii7'])
      expect(numerals).toContain(n);
    // subV7 sits a half step above the tonic; ♭VII7 a whole step below.
    const req = request();
    for (const c of all) {
      if (c.numeral === 'subV7') expect(fromTonic(req, c.chord.root)).toBe(1);
      if (c.numeral === '♭VII7') expect(fromTonic(req, c.chord.root)).toBe(10);
    }
    const types = new Set(all.map((c) => c.chord.type?.id));
    for (const t of ['maj7', 'm9', '13', '7b9', 'm7b5']) expect(types).toContain(t);
    const minor = seeds.flatMap((s) => progressionOf(request({ key: parseKey('D minor') }), s).chords);
    expect(new Set(minor.map((c) => c.chord.type?.id))).toContain('7alt');
    // Secondary ii–V into the minor iv (D minor: Aø7–D7♭9–Gm9): ii of iv sits a fifth above the tonic.
    const minorReq = request({ key: parseKey('D minor') });
    const intoIv = minor.filter((c) => c.numeral === 'iiø7/iv');
    expect(intoIv.length).toBeGreaterThan(0);
    for (const c of intoIv) expect(fromTonic(minorReq, c.chord.root)).toBe(7);
  });
});

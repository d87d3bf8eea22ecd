import { chroma, parseKey, parseTimeSignature, rat, toNumber, type Note } from '@cadenza/core';
import { describe, expect, it } from 'vitest';
import { arrange, barStart, type Arrangement, type ArrangeRequest } from '../src/index.js';
import { testRequest } from './arrange-helpers.js';

const blues = (overrides: Parameters<typeof testRequest>[1] = {}): ArrangeRequest =>
  testRequest('blues', overrides);

/** The chords starting in bar `bar` (from 0). */
function chordsOfBar(result: Arrangement, request: ArrangeRequest, bar: number) {
  const start = toNumber(barStart(bar, request.meter));
  const end = toNumber(barStart(bar + 1, request.meter));
  return result.progression.chords.filter((c) => toNumber(c.position) >= start && toNumber(c.position) < end);
}

/** Semitones of each bar's first chord root above the key's tonic. */
function rootsPerBar(result: Arrangement, request: ArrangeRequest, bars: number): number[] {
  const tonic = chroma(request.key.tonic);
  return Array.from({ length: bars }, (_, b) => {
    const first = chordsOfBar(result, request, b)[0];
    return first ? (chroma(first.chord.root) - tonic + 12) % 12 : -1;
  });
}

const I = 0;
const IV = 5;
const V = 7;
const semis = (notes: readonly { semitones: number }[]) => notes.map((i) => ((i.semitones % 12) + 12) % 12);

/** Long:short ratio of a swung beat, measured from an off-beat eighth's performed onset. */
function measuredRatio(note: Note): number {
  const beat = Math.floor(toNumber(note.position));
  const long = toNumber(note.position) + (note.offset ?? 0) - beat;
  return long / (1 - long);
}

const offbeats = (result: Arrangement): Note[] =>
  (result.score.parts[0]?.notes ?? []).filter((n) => Math.abs((toNumber(n.position) % 1) - 0.5) < 1e-9);

describe('blues progression', () => {
  it('the basic 12-bar: I I I I | IV IV I I | V IV I V, all dominant 7ths, each bar explained', () => {
    const request = blues({ styles: ['12-bar'], bars: 24 });
    const result = arrange(request, 1, 'Basic');
    expect(rootsPerBar(result, request, 12)).toEqual([I, I, I, I, IV, IV, I, I, V, IV, I, V]);
    for (const c of result.progression.chords) expect(semis(c.chord.intervals)).toEqual([0, 4, 7, 10]);
    expect(chordsOfBar(result, request, 4)[0]?.numeral).toBe('IV7');
    expect(chordsOfBar(result, request, 4)[0]?.comment).toMatch(/^bar 5: .*IV7.*first big change/);
    expect(result.progression.chords[0]?.chord.symbol).toBe('E7');
    // Second chorus, then the ending: bar 23 turns around to V7 on beat 3, bar 24 is the final I7.
    expect(rootsPerBar(result, request, 24).slice(12, 22)).toEqual([I, I, I, I, IV, IV, I, I, V, IV]);
    expect(chordsOfBar(result, request, 22).map((c) => [c.numeral, toNumber(c.position) % 4])).toEqual([
      ['I7', 0],
      ['V7', 2],
    ]);
    expect(chordsOfBar(result, request, 23).map((c) => c.numeral)).toEqual(['I7']);
    expect(chordsOfBar(result, request, 23)[0]?.comment).toMatch(/final chord/);
  });

  it('quick change: IV7 in bar 2, then the basic form', () => {
    const request = blues({ styles: ['quick change'], key: parseKey('Bb'), bars: 24 });
    const result = arrange(request, 2, 'Quick');
    expect(rootsPerBar(result, request, 12)).toEqual([I, IV, I, I, IV, IV, I, I, V, IV, I, V]);
    expect(chordsOfBar(result, request, 1)[0]?.chord.symbol).toBe('Eb7');
    expect(chordsOfBar(result, request, 1)[0]?.comment).toMatch(/quick change/);
  });

  it('minor blues: i7 and iv7, then ♭VI7 falling to V7, in the parallel minor of a major key', () => {
    const request = blues({ styles: ['minor'], bars: 24 });
    const result = arrange(request, 3, 'Minor');
    const symbols = Array.from({ length: 12 }, (_, b) => chordsOfBar(result, request, b)[0]?.chord.symbol);
    expect(symbols).toEqual([
      'Em7',
      'Em7',
      'Em7',
      'Em7',
      'Am7',
      'Am7',
      'Em7',
      'Em7',
      'C7',
      'B7',
      'Em7',
      'B7',
    ]);
    expect(chordsOfBar(result, request, 0)[0]?.numeral).toBe('i7');
    expect(chordsOfBar(result, request, 4)[0]?.numeral).toBe('iv7');
    expect(chordsOfBar(result, request, 8)[0]?.numeral).toBe('♭VI7');
    // A minor key chooses the minor blues without the cue.
    const cMinor = blues({ key: parseKey('C minor') });
    const inC = arrange(cMinor, 3, 'C minor');
    expect(chordsOfBar(inC, cMinor, 0)[0]?.chord.symbol).toBe('Cm7');
    expect(chordsOfBar(inC, cMinor, 4)[0]?.chord.symbol).toBe('Fm7');
  });

  it('jazz blues: IV7 in bar 2, ii–V into IV, ♯iv°7, VI7 in bar 8, ii–V in bars 9–10, turnaround', () => {
    const request = blues({ styles: ['jazz blues'], key: parseKey('F'), bars: 24 });
    const result = arrange(request, 4, 'Jazz');
    const bars = Array.from({ length: 12 }, (_, b) =>
      chordsOfBar(result, request, b).map((c) => c.chord.symbol),
    );
    expect(bars).toEqual([
      ['F7'],
      ['Bb7'],
      ['F7'],
      ['Cm7', 'F7'],
      ['Bb7'],
      ['Bdim7'],
      ['F7'],
      ['D7'],
      ['Gm7'],
      ['C7'],
      ['F7', 'D7'],
      ['Gm7', 'C7'],
    ]);
    expect(chordsOfBar(result, request, 7)[0]?.numeral).toBe('VI7');
  });

  it('a length that is not a multiple of 12 repeats the form, cuts it and still ends V7 → I7', () => {
    const request = blues({ styles: ['12-bar'], bars: 16 });
    const result = arrange(request, 5, 'Sixteen');
    expect(rootsPerBar(result, request, 16)).toEqual([I, I, I, I, IV, IV, I, I, V, IV, I, V, I, I, I, I]);
    expect(chordsOfBar(result, request, 14).map((c) => c.numeral)).toEqual(['I7', 'V7']);
    expect(chordsOfBar(result, request, 15).map((c) => c.numeral)).toEqual(['I7']);
    expect(result.score.end).toEqual(barStart(16, request.meter));
    // 3/4: two-chord bars change on beat 3 (2 + 1), and the piece has exactly its bars.
    const waltz = blues({ styles: ['12-bar'], bars: 5, meter: parseTimeSignature('3/4') });
    const inThree = arrange(waltz, 5, 'Waltz');
    expect(chordsOfBar(inThree, waltz, 3).map((c) => toNumber(c.position))).toEqual([9, 11]);
    expect(inThree.score.end).toEqual(rat(15));
  });

  it('without a cue the seed chooses among the forms', () => {
    const bar2 = new Set<string>();
    const bar9 = new Set<string>();
    for (let seed = 0; seed < 30; seed++) {
      const request = blues();
      const result = arrange(request, seed, 'Seeded');
      bar2.add(chordsOfBar(result, request, 1)[0]?.numeral ?? '');
      bar9.add(chordsOfBar(result, request, 8)[0]?.numeral ?? '');
    }
    expect([...bar2].sort()).toEqual(expect.arrayContaining(['I7', 'IV7']));
    expect([...bar9].sort()).toEqual(expect.arrayContaining(['V7', 'ii7']));
  });
});

describe('blues feel', () => {
  it('shuffle by default: off-beat eighths played so the beat divides 2.5 : 1', () => {
    const result = arrange(blues({ leftHand: 'boogie-woogie-bass' }), 6, 'Shuffle');
    expect(result.feel).toEqual({ kind: 'swing', ratio: 2.5, label: 'Shuffle' });
    const late = offbeats(result);
    expect(late.length).toBeGreaterThan(40);
    for (const n of late) expect(measuredRatio(n)).toBeCloseTo(2.5, 1);
    const mean = late.reduce((s, n) => s + measuredRatio(n), 0) / late.length;
    expect(Math.abs(mean - 2.5)).toBeLessThanOrEqual(0.1);
  });

  it('fast blues swings lighter (2.0–2.5), slow blues plays even eighths, a requested ratio wins', () => {
    const fast = arrange(blues({ application: 'fast', leftHand: 'shuffle-patterns' }), 6, 'Fast');
    const ratios = offbeats(fast).map(measuredRatio);
    expect(ratios.length).toBeGreaterThan(0);
    for (const r of ratios) expect(r >= 2 - 1e-9 && r <= 2.5 + 1e-9).toBe(true);
    const slow = arrange(blues({ application: 'slow', leftHand: 'shuffle-patterns' }), 6, 'Slow');
    expect(slow.feel).toEqual({ kind: 'straight' });
    for (const n of slow.score.parts[0]?.notes ?? []) expect(n.offset ?? 0).toBe(0);
    const asked = arrange(blues({ swingRatio: 3, leftHand: 'shuffle-patterns' }), 6, 'Asked');
    for (const n of offbeats(asked)) expect(measuredRatio(n)).toBeCloseTo(3, 6);
    const twelveEight = arrange(blues({ styles: ['12/8'], leftHand: 'shuffle-patterns' }), 6, '12/8');
    for (const n of offbeats(twelveEight)) expect(measuredRatio(n)).toBeCloseTo(2, 6);
  });
});

describe('blues input', () => {
  it('refuses a piece of no bars with a message that names the problem', () => {
    expect(() => arrange(blues({ bars: 0 }), 1, 'Empty')).toThrow(
      /whole number of bars, at least 1 \(got 0\)/,
    );
  });
});

describe('blues pattern choice', () => {
  it('style cues name the patterns; otherwise the application leans (boogie drives the fast blues)', () => {
    const cued = arrange(blues({ styles: ['boogie', 'call and response'] }), 9, 'Cued');
    expect([cued.leftHand, cued.rightHand]).toEqual(['boogie-woogie-bass', 'call-response']);
    const stops = arrange(blues({ styles: ['shuffle pattern', 'double stops'] }), 9, 'Stops');
    expect([stops.leftHand, stops.rightHand]).toEqual(['shuffle-patterns', 'tremolo-double-stops']);
    const lefts = Array.from(
      { length: 40 },
      (_, seed) => arrange(blues({ application: 'fast' }), seed, 'F').leftHand,
    );
    const boogie = lefts.filter((id) => id === 'boogie-woogie-bass').length;
    expect(boogie).toBeGreaterThan(lefts.length / 3);
    expect(new Set(lefts).size).toBeGreaterThan(1);
  });

  it('a long piece (256 bars) keeps its form: every twelfth bar starts a chorus on I7', () => {
    const request = blues({ styles: ['12-bar'], bars: 256 });
    const result = arrange(request, 10, 'Long');
    const roots = rootsPerBar(result, request, 256);
    for (let chorus = 0; chorus < 21; chorus++)
      expect(roots.slice(chorus * 12, chorus * 12 + 5)).toEqual([I, I, I, I, IV]);
    expect(result.progression.sections).toHaveLength(22);
    expect(chordsOfBar(result, request, 255).map((c) => c.numeral)).toEqual(['I7']);
  });
});

describe('8-bar blues', () => {
  it.each([8, 16])('a %i-bar piece is an 8-bar blues: I–V–IV–IV, I–V–I–V, ending home', (bars) => {
    const request = blues({ bars });
    const result = arrange(request, 5, 'Eight');
    const roots = rootsPerBar(result, request, bars);
    expect(roots.slice(0, 6)).toEqual([0, 7, 5, 5, 0, 7]);
    expect(roots[bars - 1]).toBe(0);
    expect(result.progression.sections.map((s) => toNumber(s.position) / 4)).toEqual(
      Array.from({ length: bars / 8 }, (_, i) => i * 8),
    );
  });
  it('a 12-bar cue keeps the 12-bar form at 16 bars', () => {
    const request = blues({ bars: 16, styles: ['twelve-bar'] });
    const roots = rootsPerBar(arrange(request, 5, 'Twelve'), request, 12);
    expect(roots.slice(4, 6)).toEqual([5, 5]);
    expect(roots.slice(8, 10)).toEqual([7, 5]);
  });
});

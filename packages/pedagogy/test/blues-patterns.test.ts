import {
  chroma,
  measureLength,
  midiOf,
  parseChordSymbol,
  parseKey,
  parseTimeSignature,
  toNumber,
  type Note,
} from '@cadenza/core';
import { describe, expect, it } from 'vitest';
import {
  arrange,
  barStart,
  chordAt,
  GENRE_ARRANGERS,
  playableByOneHand,
  type ArrangeRequest,
} from '../src/index.js';
import { testRequest } from './arrange-helpers.js';

const blues = (overrides: Parameters<typeof testRequest>[1] = {}): ArrangeRequest =>
  testRequest('blues', { styles: ['12-bar'], ...overrides });

const hand = (notes: readonly Note[], staff: number) => notes.filter((n) => n.staff === staff);
const inBar = (notes: readonly Note[], bar: number) =>
  notes.filter((n) => toNumber(n.position) >= bar * 4 && toNumber(n.position) < bar * 4 + 4);
/** Notes grouped by onset, each group's MIDI numbers sorted. */
function onsets(notes: readonly Note[]): [number, number[]][] {
  const groups = new Map<number, number[]>();
  for (const n of notes)
    groups.set(toNumber(n.position), [...(groups.get(toNumber(n.position)) ?? []), midiOf(n.pitch)]);
  return [...groups].sort((a, b) => a[0] - b[0]).map(([at, m]) => [at, m.sort((x, y) => x - y)]);
}
const render = (request: ArrangeRequest, seed = 11) => {
  const result = arrange(request, seed, 'Pattern');
  return { result, notes: result.score.parts[0]?.notes ?? [] };
};
/** E blues scale: E G A B♭ B D as pitch-class numbers. */
const E_BLUES = [4, 7, 9, 10, 11, 2];

describe('blues left hand', () => {
  it('Boogie-Woogie Bass: eighths walking root–3–5–6–♭7–6–5–3 over E7, low octave on beat 1', () => {
    const { notes } = render(blues({ leftHand: 'boogie-woogie-bass' }));
    const bar = onsets(inBar(hand(notes, 2), 0));
    expect(bar.map(([at]) => at)).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5]);
    const [first, ...rest] = bar;
    expect(first?.[1]).toEqual([28, 40]); // E1 + E2
    expect(rest.map(([, m]) => (m[0] ?? 0) - 40)).toEqual([4, 7, 9, 10, 9, 7, 4]); // G♯ B C♯ D C♯ B G♯
    for (const n of hand(notes, 2)) expect(n.duration).toEqual({ n: 1, d: 2 });
    // Over A7 in bar 5 the same walk from A.
    expect(onsets(inBar(hand(notes, 2), 4)).map(([, m]) => (m[m.length - 1] ?? 0) - 45)).toEqual([
      0, 4, 7, 9, 10, 9, 7, 4,
    ]);
  });

  it('12-Bar Blues Bass: root–5th–6th–5th twice a bar, the second bar of a chord reaching to the ♭7', () => {
    const { notes } = render(blues({ leftHand: '12-bar-blues-bass' }));
    const rel = (bar: number) => onsets(inBar(hand(notes, 2), bar)).map(([, m]) => (m[0] ?? 0) - 40);
    expect(rel(0)).toEqual([0, 7, 9, 7, 0, 7, 9, 7]);
    expect(rel(1)).toEqual([0, 7, 9, 7, 0, 7, 10, 9]);
  });

  it('Shuffle Patterns: root–5th on the beat, root–6th off the beat; beat 3 of a second bar stretches to the ♭7', () => {
    const { notes } = render(blues({ leftHand: 'shuffle-patterns' }));
    const intervals = (bar: number) =>
      onsets(inBar(hand(notes, 2), bar)).map(([, m]) => (m[1] ?? 0) - (m[0] ?? 0));
    expect(intervals(0)).toEqual([7, 9, 7, 9, 7, 9, 7, 9]);
    expect(intervals(1)).toEqual([7, 9, 7, 9, 10, 9, 7, 9]);
    for (const [, m] of onsets(inBar(hand(notes, 2), 0))) expect(m[0]).toBe(40);
  });
});

describe('blues right hand', () => {
  it('Tremolo/Double Stops: two notes a 3rd, 4th or 6th apart; the blue ♭3 slides into the 3rd; tremolo closes each line', () => {
    const { notes } = render(blues({ rightHand: 'tremolo-double-stops' }));
    const right = hand(notes, 1);
    const stops = onsets(right).filter(([, m]) => m.length > 1);
    expect(stops.length).toBeGreaterThan(30);
    for (const [, m] of onsets(right)) expect(m.length).toBeLessThanOrEqual(2);
    for (const [, m] of stops) expect([3, 4, 5, 8, 9]).toContain((m[1] ?? 0) - (m[0] ?? 0));
    // Bar 1 over E7: G–B (blue ♭3 under the 5th) slides into G♯–B.
    const bar1 = onsets(inBar(right, 0));
    expect(bar1[0]?.[1].map((m) => m % 12)).toEqual([7, 11]);
    expect(bar1[1]?.[0]).toBeCloseTo(1 / 3, 9);
    expect(bar1[1]?.[1].map((m) => m % 12)).toEqual([8, 11]);
    // Bar 4: the tremolo, G♯ and the E a 6th above it alternating in triplet eighths.
    const tremolo = onsets(inBar(right, 3));
    expect(tremolo).toHaveLength(12);
    tremolo.forEach(([at, m], k) => {
      expect(at - 12).toBeCloseTo(k / 3, 9);
      expect((m[0] ?? 0) % 12).toBe(k % 2 === 0 ? 8 : 4);
    });
  });

  it('Call-Response: a two-bar single-note call on the blues scale, then a two-bar chordal response', () => {
    const { result, notes } = render(blues({ rightHand: 'call-response' }));
    const right = hand(notes, 1);
    for (const line of [0, 4, 8]) {
      const call = onsets([...inBar(right, line), ...inBar(right, line + 1)]);
      expect(call.length).toBeGreaterThan(3);
      for (const [, m] of call) {
        expect(m).toHaveLength(1);
        expect(E_BLUES).toContain((m[0] ?? 0) % 12);
      }
      const response = onsets([...inBar(right, line + 2), ...inBar(right, line + 3)]);
      expect(response.map(([at]) => at - (line + 2) * 4)).toEqual([0, 1.5, 3, 4]);
      for (const [at, m] of response) {
        expect(m).toHaveLength(3);
        const event = chordAt(result.progression, {
          n: at * 12,
          d: 12,
        });
        for (const x of m) expect(event?.chord.notes.some((pc) => chroma(pc) === x % 12)).toBe(true);
      }
    }
  });

  it('12-Bar Blues Melody: AAB — the same blues-scale riff over I7 and IV7, a closing riff down to the tonic', () => {
    const { notes } = render(blues({ rightHand: '12-bar-blues-melody' }));
    const right = hand(notes, 1);
    const riff = (line: number) => onsets([...inBar(right, line * 4), ...inBar(right, line * 4 + 1)]);
    const a1 = riff(0);
    const a2 = riff(1);
    expect(a1.map(([, m]) => m)).toEqual(a2.map(([, m]) => m));
    expect(a1.map(([at]) => at + 16)).toEqual(a2.map(([at]) => at));
    for (const [, m] of [...a1, ...riff(2)]) expect(E_BLUES).toContain((m[0] ?? 0) % 12);
    expect((riff(2).at(-1)?.[1][0] ?? 0) % 12).toBe(4);
    // The last bar rings the tonic.
    expect(onsets(inBar(right, 11)).map(([, m]) => (m[0] ?? 0) % 12)).toEqual([4]);
  });

  it('12-Bar Blues Melody: by the improvisation chance, a ♭3–4 pickup on the last beat of a line', () => {
    const pickups = Array.from({ length: 30 }, (_, seed) => {
      const { notes } = render(blues({ rightHand: '12-bar-blues-melody' }), seed);
      return onsets(inBar(hand(notes, 1), 3)).map(([at, m]) => [at, (m[0] ?? 0) % 12]);
    });
    const withLick = pickups.filter((bar) => bar.length > 0);
    for (const bar of withLick)
      expect(bar).toEqual([
        [15, 7],
        [15.5, 9],
      ]); // G, A into the next riff
    expect(withLick.length).toBeGreaterThan(3);
    expect(withLick.length).toBeLessThan(27);
  });

  it('Block Chords: root, 3rd, 5th and ♭7 on beat 1, the pushed "and" of 2 and beat 4', () => {
    const { notes } = render(blues({ rightHand: 'block-chords' }));
    const bar = onsets(inBar(hand(notes, 1), 4)); // A7
    expect(bar.map(([at]) => at - 16)).toEqual([0, 1.5, 3]);
    for (const [, m] of bar) expect(m.map((x) => x % 12).sort((a, b) => a - b)).toEqual([1, 4, 7, 9]);
  });

  it('Chord Fills: the chord held, then a blues-scale run in eighths at the end of each two-bar phrase', () => {
    const { notes } = render(blues({ rightHand: 'chord-fills' }));
    const bar2 = onsets(inBar(hand(notes, 1), 1));
    expect(bar2[0]?.[0]).toBe(4);
    expect(bar2[0]?.[1]).toHaveLength(4);
    const run = bar2.slice(1);
    expect(run.map(([at]) => at)).toEqual([6, 6.5, 7, 7.5]);
    for (const [, m] of run) expect(E_BLUES).toContain((m[0] ?? 0) % 12);
    const midis = run.map(([, m]) => m[0] ?? 0);
    for (let i = 1; i < midis.length; i++) expect(midis[i]).toBeLessThan(midis[i - 1] ?? 0);
  });
});

describe('blues in any key', () => {
  it.each(['F#', 'Db', 'Ab', 'B', 'G minor'])(
    '%s: every pattern playable, strong-beat bass notes chord tones',
    (key) => {
      const arranger = GENRE_ARRANGERS.blues;
      if (!arranger) throw new Error('blues not registered');
      for (const left of arranger.leftHand) {
        for (const right of arranger.rightHand) {
          const request = testRequest('blues', {
            key: parseKey(key),
            leftHand: left.id,
            rightHand: right.id,
            bars: 14,
          });
          const { result, notes } = render(request, 21);
          for (const staff of [1, 2])
            for (const [, m] of onsets(hand(notes, staff))) expect(playableByOneHand(m)).toBe(true);
          for (const n of hand(notes, 2).filter((x) => toNumber(x.position) % 2 === 0)) {
            const event = chordAt(result.progression, n.position);
            expect(event?.chord.notes.some((pc) => chroma(pc) === chroma(n.pitch))).toBe(true);
          }
        }
      }
    },
  );
});

describe('blues over a user chart and odd meters', () => {
  const chart = ['Cmaj7', 'Am', 'Dm7 G7/B', 'Bbsus4', 'F#ø7', 'E7#9'].map((bar) =>
    bar.split(' ').map((symbol) => parseChordSymbol(symbol)),
  );
  it.each(['4/4', '3/4', '5/4', '6/8'])(
    '%s: every pattern stays in its bars, playable, on chord tones',
    (meter) => {
      const arranger = GENRE_ARRANGERS.blues;
      if (!arranger) throw new Error('blues not registered');
      for (const left of arranger.leftHand) {
        for (const right of arranger.rightHand) {
          const request = testRequest('blues', {
            meter: parseTimeSignature(meter),
            chart,
            bars: 7,
            leftHand: left.id,
            rightHand: right.id,
          });
          const { result, notes } = render(request, 5);
          const end = 7 * toNumber(measureLength(request.meter));
          expect(result.score.end).toEqual(barStart(7, request.meter));
          for (const n of notes)
            expect(toNumber(n.position) + toNumber(n.duration)).toBeLessThanOrEqual(end + 1e-9);
          for (const staff of [1, 2])
            for (const [, m] of onsets(hand(notes, staff))) expect(playableByOneHand(m)).toBe(true);
          const barLength = toNumber(measureLength(request.meter));
          for (const n of hand(notes, 2).filter((x) => toNumber(x.position) % barLength === 0)) {
            const event = chordAt(result.progression, n.position);
            const tones = [event?.chord.bass, ...(event?.chord.notes ?? [])];
            expect(tones.some((pc) => pc && chroma(pc) === chroma(n.pitch))).toBe(true);
          }
        }
      }
    },
  );
});

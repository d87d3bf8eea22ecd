import {
  chroma,
  measureLength,
  midiOf,
  parseKey,
  parseTimeSignature,
  toNumber,
  type Note,
} from '@cadenza/core';
import { describe, expect, it } from 'vitest';
import {
  arrange,
  chordAt,
  GENRE_ARRANGERS,
  MAX_HAND_SPAN,
  MAX_NOTES_PER_HAND,
  PIANO_HIGH,
  PIANO_LOW,
  type Arrangement,
  type Genre,
  type GenreArranger,
} from '../src/index.js';
import { pulsesOf } from '../src/arrange/meter-grid.js';
import { testRequest } from './arrange-helpers.js';

// Compound (6/8, 12/8) and odd (3/4, 5/4) meters in gospel, jazz and blues: 8 bars in D, measured.
const GENRES_HERE = ['gospel', 'jazz', 'blues'] as const;
const BARS = 8;
const EPS = 1e-9;

const arranger = (genre: Genre): GenreArranger => {
  const found = GENRE_ARRANGERS[genre];
  if (!found) throw new Error(`${genre} arranger not registered`);
  return found;
};

function render(
  genre: Genre,
  meter: string,
  hands: { leftHand?: string; rightHand?: string },
  seed = 3,
): { result: Arrangement; left: Note[]; right: Note[]; bar: number } {
  const request = testRequest(genre, {
    key: parseKey('D'),
    meter: parseTimeSignature(meter),
    bars: BARS,
    ...hands,
  });
  const result = arrange(request, seed, 'Meters');
  const notes = result.score.parts.flatMap((p) => p.notes);
  return {
    result,
    left: notes.filter((n) => n.staff === 2),
    right: notes.filter((n) => n.staff === 1),
    bar: toNumber(measureLength(request.meter)),
  };
}

/** Position inside the bar, in quarter notes. */
const inBar = (n: Note, bar: number): number => {
  const x = toNumber(n.position) % bar;
  return Math.abs(x - bar) < EPS ? 0 : x;
};

/** Onset counts by eighth inside the dotted-quarter beat: [on the beat, 2nd eighth, 3rd eighth]. */
function compoundHistogram(notes: readonly Note[], bar: number): [number, number, number] {
  const h: [number, number, number] = [0, 0, 0];
  const seen = new Set<number>();
  for (const n of notes) {
    const at = toNumber(n.position);
    if (seen.has(at)) continue;
    seen.add(at);
    const eighth = Math.round(((inBar(n, bar) % 1.5) / 0.5) * 1e6) / 1e6;
    expect(Number.isInteger(eighth)).toBe(true);
    h[eighth as 0 | 1 | 2]++;
  }
  return h;
}

const onsetTimes = (notes: readonly Note[], bar: number, barIndex: number): number[] =>
  [
    ...new Set(
      notes
        .filter((n) => Math.floor(toNumber(n.position) / bar + EPS) === barIndex)
        .map((n) => inBar(n, bar)),
    ),
  ].sort((a, b) => a - b);

const isChordTone = (result: Arrangement, n: Note): boolean => {
  const event = chordAt(result.progression, n.position);
  return event
    ? [event.chord.bass, ...event.chord.notes].some((pc) => chroma(pc) === chroma(n.pitch))
    : false;
};

describe('the shared meter grid', () => {
  it('counts dotted quarters in 6/8 and 12/8, quarters in 3/4, 3+2 in 5/4', () => {
    const grid = (m: string) => pulsesOf(parseTimeSignature(m)).map((p) => [p.start, p.length, p.strong]);
    expect(grid('6/8')).toEqual([
      [0, 18, true],
      [18, 18, false],
    ]);
    expect(grid('12/8').map(([s, , strong]) => [s, strong])).toEqual([
      [0, true],
      [18, false],
      [36, true],
      [54, false],
    ]);
    expect(grid('3/4').map(([, , strong]) => strong)).toEqual([true, false, false]);
    expect(grid('5/4').map(([, , strong]) => strong)).toEqual([true, false, false, true, false]);
    expect(grid('7/8').map(([, length]) => length)).toEqual([18, 12, 12]);
  });
});

describe.each(['6/8', '12/8'])('%s: the left hand counts dotted quarters', (meter) => {
  it.each([
    ['gospel', 'stride-bass'],
    ['gospel', 'walking-bass'],
    ['gospel', 'shell-voicing'],
    ['jazz', 'walking-bass'],
    ['jazz', 'stride-bass'],
    ['jazz', 'shell-voicing'],
  ] as const)('%s %s: every onset on a dotted-quarter beat', (genre, id) => {
    const { left, bar } = render(genre, meter, { leftHand: id });
    const [on, second, third] = compoundHistogram(left, bar);
    expect(second + third).toBe(0);
    // Every beat of every bar sounds (walking, stride) or at least each bar line (shell).
    expect(on).toBeGreaterThanOrEqual(id === 'shell-voicing' ? BARS : BARS * (bar / 1.5));
  });

  it.each([
    ['gospel', 'syncopated-comping'],
    ['jazz', 'syncopated-comping'],
    ['blues', 'boogie-woogie-bass'],
    ['blues', '12-bar-blues-bass'],
    ['blues', 'shuffle-patterns'],
  ] as const)('%s %s: on the beat or its third eighth (triplet push), never the middle one', (genre, id) => {
    const { left, bar } = render(genre, meter, { leftHand: id });
    const [on, second, third] = compoundHistogram(left, bar);
    expect(second).toBe(0);
    expect(on).toBeGreaterThan(third / 2);
    expect(on).toBeGreaterThanOrEqual(BARS);
  });

  it('blues: the dotted-quarter beats carry the weight (louder than the off-beats)', () => {
    for (const id of ['boogie-woogie-bass', '12-bar-blues-bass', 'shuffle-patterns']) {
      const { left, bar } = render('blues', meter, { leftHand: id });
      const mean = (xs: Note[]) => xs.reduce((s, n) => s + (n.velocity ?? 80), 0) / xs.length;
      const onBeat = left.filter((n) => inBar(n, bar) % 1.5 < EPS);
      const off = left.filter((n) => inBar(n, bar) % 1.5 > EPS);
      expect(mean(onBeat)).toBeGreaterThan(mean(off));
      // The on-beat note is a quarter (the long of the triplet long–short), the off-beat an eighth.
      expect(onBeat.every((n) => toNumber(n.duration) === 1)).toBe(true);
      expect(off.every((n) => toNumber(n.duration) === 0.5)).toBe(true);
    }
  });

  it.each(['gospel', 'jazz'] as const)(
    '%s stride: bass on the strong dotted quarters, chords on the others',
    (genre) => {
      const { left, bar } = render(genre, meter, { leftHand: 'stride-bass' });
      const expected = meter === '6/8' ? [0, 1.5] : [0, 1.5, 3, 4.5];
      const bassAt = meter === '6/8' ? [0] : [0, 3];
      for (let b = 0; b < BARS; b++) {
        expect(onsetTimes(left, bar, b)).toEqual(expected);
        const at = (t: number) =>
          left
            .filter((n) => Math.abs(toNumber(n.position) - (b * bar + t)) < EPS)
            .map((n) => midiOf(n.pitch));
        for (const t of expected) {
          const lowest = Math.min(...at(t));
          const isBass = bassAt.includes(t);
          // The bass leaps low (below C3); the chord sits in the tenor with three tones.
          if (isBass) expect(lowest).toBeLessThan(48);
          else {
            expect(lowest).toBeGreaterThanOrEqual(48);
            expect(at(t).length).toBeGreaterThanOrEqual(2);
          }
        }
      }
    },
  );

  it.each(['gospel', 'jazz'] as const)(
    '%s walking bass: dotted quarters, a chord tone on every bar line, steps into each change',
    (genre) => {
      for (const seed of [1, 2, 3, 4]) {
        const { result, left, bar } = render(genre, meter, { leftHand: 'walking-bass' }, seed);
        expect(left.every((n) => toNumber(n.duration) === 1.5)).toBe(true);
        expect(left).toHaveLength(BARS * (bar / 1.5));
        const downbeats = left.filter((n) => inBar(n, bar) < EPS);
        expect(downbeats.every((n) => isChordTone(result, n))).toBe(true);
        const sorted = [...left].sort((a, b) => toNumber(a.position) - toNumber(b.position));
        for (const c of result.progression.chords.slice(1)) {
          const i = sorted.findIndex((n) => toNumber(n.position) === toNumber(c.position));
          const before = sorted[i - 1];
          const arrival = sorted[i];
          // Only where the beat before is free: not a bar line, not itself a chord's arrival.
          const changes = result.progression.chords.map((e) => toNumber(e.position));
          if (!before || !arrival || inBar(before, bar) < EPS) continue;
          if (changes.includes(toNumber(before.position))) continue;
          expect(Math.abs(midiOf(before.pitch) - midiOf(arrival.pitch))).toBeLessThanOrEqual(2);
        }
      }
    },
  );

  it('blues double stops: the slide and the tremolo stay on the compound grid (eighths, sixteenths)', () => {
    const { right } = render('blues', meter, { rightHand: 'tremolo-double-stops' });
    for (const n of right) expect(Number.isInteger(toNumber(n.position) * 4)).toBe(true);
  });

  it.each(GENRES_HERE)('%s: compound time is notated swung, so it plays straight', (genre) => {
    const { result } = render(genre, meter, {});
    expect(result.feel.kind).toBe('straight');
  });

  it('gospel: arpeggios roll in three eighths a beat; the melody sounds on every bar line', () => {
    const { right, bar } = render('gospel', meter, { rightHand: 'arpeggiated-voicing' });
    // Phrase-end runs are sixteenths; the arpeggio itself is eighths.
    const eighths = right.filter((n) => toNumber(n.duration) >= 0.5);
    const [on, second, third] = compoundHistogram(eighths, bar);
    expect(second).toBeGreaterThan(0);
    expect(third).toBeGreaterThan(0);
    expect(Math.abs(on - second)).toBeLessThanOrEqual(BARS);
    const melody = render('gospel', meter, { rightHand: 'melody-with-fills' }, 5);
    const accented = melody.right.filter((n) => inBar(n, melody.bar) < EPS);
    expect(accented.length).toBeGreaterThanOrEqual(BARS);
  });
});

describe('simple odd meters stay as they were', () => {
  it.each(['gospel', 'jazz'] as const)('%s stride in 3/4: bass on 1, chords on 2 and 3', (genre) => {
    const { left, bar } = render(genre, '3/4', { leftHand: 'stride-bass' });
    for (let b = 0; b < BARS; b++) {
      expect(onsetTimes(left, bar, b)).toEqual([0, 1, 2]);
      const low = left.filter((n) => toNumber(n.position) === b * bar).map((n) => midiOf(n.pitch));
      expect(Math.min(...low)).toBeLessThan(48);
    }
  });

  it.each(['gospel', 'jazz'] as const)('%s stride in 5/4 (3+2): bass on 1 and 4', (genre) => {
    const { left, bar } = render(genre, '5/4', { leftHand: 'stride-bass' });
    const lowAt = (t: number) =>
      Math.min(...left.filter((n) => inBar(n, bar) === t).map((n) => midiOf(n.pitch)));
    expect(lowAt(0)).toBeLessThan(48);
    expect(lowAt(3)).toBeLessThan(48);
    expect(lowAt(1)).toBeGreaterThanOrEqual(48);
    expect(lowAt(4)).toBeGreaterThanOrEqual(48);
  });

  it.each(['gospel', 'jazz'] as const)('%s walking bass in 3/4 and 5/4: quarters', (genre) => {
    for (const meter of ['3/4', '5/4']) {
      const { left, bar } = render(genre, meter, { leftHand: 'walking-bass' });
      expect(left.every((n) => toNumber(n.duration) === 1)).toBe(true);
      expect(left).toHaveLength(BARS * bar);
    }
  });

  it('blues 5/4 call-response: beat 5 answers in most call bars, not in none', () => {
    let withBeat5 = 0;
    let bars = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const { right, bar } = render('blues', '5/4', { rightHand: 'call-response' }, seed);
      for (let b = 0; b < BARS; b++) {
        bars++;
        if (right.some((n) => toNumber(n.position) === b * bar + 4)) withBeat5++;
      }
    }
    expect(withBeat5).toBeGreaterThan(bars / 2);
    expect(withBeat5).toBeLessThan(bars);
  });
});

describe('the contract in 3/4, 6/8, 12/8 and 5/4', () => {
  const cases = GENRES_HERE.flatMap((genre) => {
    const a = arranger(genre);
    return ['3/4', '6/8', '12/8', '5/4'].flatMap((meter) => [
      ...a.leftHand.map((p) => [genre, meter, 'left', p.id] as const),
      ...a.rightHand.map((p) => [genre, meter, 'right', p.id] as const),
    ]);
  });

  it.each(cases)('%s %s %s %s: inside the bars, playable, on the piano', (genre, meter, hand, id) => {
    const { left, right, bar } = render(genre, meter, hand === 'left' ? { leftHand: id } : { rightHand: id });
    for (const notes of [left, right]) {
      expect(notes.length).toBeGreaterThan(0);
      const groups = new Map<number, number[]>();
      for (const n of notes) {
        const start = toNumber(n.position);
        const end = start + toNumber(n.duration);
        expect(toNumber(n.duration)).toBeGreaterThan(0);
        expect(end).toBeLessThanOrEqual(BARS * bar + EPS);
        // No note crosses its bar line.
        expect(end).toBeLessThanOrEqual((Math.floor(start / bar + EPS) + 1) * bar + EPS);
        groups.set(start, [...(groups.get(start) ?? []), midiOf(n.pitch)]);
      }
      for (const midis of groups.values()) {
        expect(midis.length).toBeLessThanOrEqual(MAX_NOTES_PER_HAND);
        expect(Math.max(...midis) - Math.min(...midis)).toBeLessThanOrEqual(MAX_HAND_SPAN);
        expect(Math.min(...midis)).toBeGreaterThanOrEqual(PIANO_LOW);
        expect(Math.max(...midis)).toBeLessThanOrEqual(PIANO_HIGH);
      }
    }
  });
});

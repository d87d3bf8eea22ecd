import {
  chroma,
  measureLength,
  midiOf,
  parseKey,
  parseTimeSignature,
  toNumber,
  type Chord,
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
} from '../src/index.js';
import { testRequest } from './arrange-helpers.js';

// Neo-soul outside 4/4 and at the length limits: every pattern stays inside its bars, playable and on the
// piano; the harmony stays extended; the bar still starts on a chord tone.
const EPS = 1e-9;
const METERS = ['2/4', '3/4', '5/4', '6/8', '12/8'];
const arranger = GENRE_ARRANGERS.neosoul;
if (!arranger) throw new Error('neosoul arranger not registered');

function render(meter: string, hands: { leftHand?: string; rightHand?: string }, seed = 3, bars = 8) {
  const request = testRequest('neosoul', {
    key: parseKey('E minor'),
    meter: parseTimeSignature(meter),
    bars,
    ...hands,
  });
  const result = arrange(request, seed, 'Meters');
  return { result, bar: toNumber(measureLength(request.meter)) };
}

const staff = (result: Arrangement, s: 1 | 2): Note[] =>
  result.score.parts.flatMap((p) => p.notes).filter((n) => n.staff === s);

const isChordTone = (chord: Chord, n: Note): boolean =>
  [chord.bass, ...chord.notes].some((pc) => chroma(pc) === chroma(n.pitch));

const isExtended = (chord: Chord): boolean => {
  const semis = new Set(chord.intervals.map((i) => i.semitones));
  const hasSeventh = semis.has(10) || semis.has(11);
  return [13, 14, 15, 17, 18, 21].some((s) => semis.has(s)) || (hasSeventh && !semis.has(3) && !semis.has(4));
};

describe('neo-soul in 2/4, 3/4, 5/4, 6/8 and 12/8', () => {
  const cases = METERS.flatMap((meter) => [
    ...arranger.leftHand.map((p) => [meter, 'left', p.id] as const),
    ...arranger.rightHand.map((p) => [meter, 'right', p.id] as const),
  ]);

  it.each(cases)('%s %s %s: inside the bars, playable, on the piano, chord tones on 1', (meter, hand, id) => {
    const { result, bar } = render(meter, hand === 'left' ? { leftHand: id } : { rightHand: id });
    for (const s of [1, 2] as const) {
      const notes = staff(result, s);
      expect(notes.length).toBeGreaterThan(0);
      const groups = new Map<number, number[]>();
      for (const n of notes) {
        const start = toNumber(n.position);
        const end = start + toNumber(n.duration);
        expect(toNumber(n.duration)).toBeGreaterThan(0);
        expect(end).toBeLessThanOrEqual(8 * bar + EPS);
        expect(end).toBeLessThanOrEqual((Math.floor(start / bar + EPS) + 1) * bar + EPS);
        expect((start * 4) % 1).toBeCloseTo(0, 9); // the sixteenth grid (the feel is in the offsets)
        groups.set(start, [...(groups.get(start) ?? []), midiOf(n.pitch)]);
      }
      for (const midis of groups.values()) {
        expect(midis.length).toBeLessThanOrEqual(MAX_NOTES_PER_HAND);
        expect(Math.max(...midis) - Math.min(...midis)).toBeLessThanOrEqual(MAX_HAND_SPAN);
        expect(Math.min(...midis)).toBeGreaterThanOrEqual(PIANO_LOW);
        expect(Math.max(...midis)).toBeLessThanOrEqual(PIANO_HIGH);
      }
    }
    // Every left-hand note on a downbeat belongs to its chord.
    for (const n of staff(result, 2)) {
      const start = toNumber(n.position);
      if (Math.abs(start / bar - Math.round(start / bar)) > EPS) continue;
      const event = chordAt(result.progression, n.position);
      expect(event && isChordTone(event.chord, n)).toBe(true);
    }
    expect(result.feel.kind).toBe('laid-back');
  });

  it('the harmony stays ≥ 70 % extended in every meter', () => {
    let extended = 0;
    let total = 0;
    for (const meter of METERS)
      for (const seed of [1, 2, 3, 4]) {
        const { result } = render(meter, {}, seed, 16);
        for (const c of result.progression.chords) {
          total++;
          if (isExtended(c.chord)) extended++;
        }
      }
    expect(total).toBeGreaterThan(100);
    expect(extended / total).toBeGreaterThanOrEqual(0.7);
  });
});

describe('neo-soul at the length limits', () => {
  it.each([1, 2, 3, 256])('%i bars: exactly that long, every bar harmonised', (bars) => {
    const { result, bar } = render('4/4', {}, 11, bars);
    expect(result.score.end && toNumber(result.score.end)).toBeCloseTo(bars * bar, 9);
    for (let b = 0; b < bars; b++) {
      const event = chordAt(result.progression, { n: b * 4, d: 1 });
      expect(event).toBeDefined();
    }
    const last = result.progression.chords.at(-1);
    expect(last && toNumber(last.position) + toNumber(last.duration)).toBeCloseTo(bars * bar, 9);
  });
});

import { chroma, midiOf, parseChordSymbol, parseKey, parseTimeSignature, toNumber } from '@cadenza/core';
import { describe, expect, it } from 'vitest';
import { chordAt } from '../src/index.js';
import { chromaSet, gospel, onsets, render, request } from './gospel-test-helpers.js';

// Each gospel hand pattern is recognisably itself (notes, order, onsets), and playable over any chart.
describe('gospel left hand', () => {
  it('Shell Voicing plays exactly the bass, 3rd and 7th of each chord', () => {
    const { result, notes } = render(request({ leftHand: 'shell-voicing', bars: 16 }));
    for (const { at, notes: group, midis } of onsets(notes, 2)) {
      const chord = chordAt(result.progression, group[0]?.position ?? { n: at, d: 1 })?.chord;
      if (!chord) throw new Error('no chord');
      const third = chord.notes[1];
      const seventh = chord.notes.find((_, i) =>
        [9, 10, 11].includes((chord.intervals[i]?.semitones ?? 0) % 12),
      );
      expect(group).toHaveLength(3);
      expect(chromaSet(group.map((n) => n.pitch))).toEqual(
        chromaSet([chord.bass, ...(third ? [third] : []), ...(seventh ? [seventh] : [])]),
      );
      expect(chroma(group.find((n) => midiOf(n.pitch) === midis[0])?.pitch ?? chord.root)).toBe(
        chroma(chord.bass),
      );
    }
  });

  it('Alberti Bass plays low–high–middle–high eighth notes', () => {
    const { notes } = render(request({ leftHand: 'alberti-bass', bars: 8 }));
    const line = onsets(notes, 2);
    expect(line.every((o) => o.midis.length === 1)).toBe(true);
    expect(line.every((o, i) => o.at === i / 2)).toBe(true);
    let figures = 0;
    for (let i = 0; i + 3 < line.length; i += 4) {
      const [low, high, middle, high2] = line.slice(i, i + 4).map((o) => o.midis[0] ?? 0);
      if (low === undefined || high === undefined || middle === undefined) continue;
      if (high !== high2) continue; // a chord change restarts the figure
      expect(low).toBeLessThan(middle);
      expect(middle).toBeLessThan(high);
      figures++;
    }
    expect(figures).toBeGreaterThan(8);
  });

  it('Stride Bass: octave bass on beats 1 and 3, a chord on 2 and 4', () => {
    const { result, notes } = render(request({ leftHand: 'stride-bass', bars: 8 }));
    for (const { at, notes: group, midis } of onsets(notes, 2)) {
      const beat = at % 4;
      const chord = chordAt(result.progression, group[0]?.position ?? { n: 0, d: 1 })?.chord;
      const tones = chromaSet(chord ? [chord.bass, ...chord.notes] : []);
      expect(Number.isInteger(beat)).toBe(true);
      for (const m of midis) expect(tones).toContain(m % 12);
      if (beat === 0 || beat === 2) {
        expect(midis).toHaveLength(2);
        expect((midis[1] ?? 0) - (midis[0] ?? 0)).toBe(12);
        expect(midis[0]).toBeLessThan(43);
      } else {
        expect(midis.length).toBeGreaterThanOrEqual(3);
        expect(midis[0]).toBeGreaterThanOrEqual(48);
      }
    }
  });

  it('Walking Bass: quarter notes, the chord’s bass where it arrives, approached by step or half step', () => {
    const { result, notes } = render(request({ leftHand: 'walking-bass', bars: 16 }));
    const line = onsets(notes, 2);
    expect(line.map((o) => o.at)).toEqual(Array.from({ length: 64 }, (_, i) => i));
    expect(
      line.every((o) => o.midis.length === 1 && toNumber(o.notes[0]?.duration ?? { n: 0, d: 1 }) === 1),
    ).toBe(true);
    for (const [i, o] of line.entries()) {
      const event = result.progression.chords.find((c) => toNumber(c.position) === o.at);
      if (!event) continue;
      expect((o.midis[0] ?? 0) % 12).toBe(chroma(event.chord.bass));
      const approach = line[i - 1];
      if (approach) expect([1, 2]).toContain(Math.abs((approach.midis[0] ?? 0) - (o.midis[0] ?? 0)));
    }
  });

  it('Syncopated Comping: bass on the downbeat, chord stabs on the off-beats', () => {
    const { notes } = render(request({ leftHand: 'syncopated-comping', bars: 8 }));
    const groups = onsets(notes, 2);
    const stabs = groups.filter((o) => o.midis.length >= 3);
    expect(stabs.length).toBeGreaterThan(16);
    for (const s of stabs) expect(s.at % 1).toBe(0.5);
    for (let bar = 0; bar < 8; bar++)
      expect(groups.some((o) => o.at === bar * 4 && o.midis.length === 1)).toBe(true);
  });
});

describe('gospel right hand', () => {
  it('Block Chord: chord tones in close position, the top voice moving smoothly', () => {
    const { result, notes } = render(request({ rightHand: 'block-chord', bars: 16 }));
    const chords = onsets(notes, 1);
    for (const { notes: group, midis } of chords) {
      const chord = chordAt(result.progression, group[0]?.position ?? { n: 0, d: 1 })?.chord;
      const tones = chromaSet(chord?.notes ?? []);
      expect(midis.length).toBeGreaterThanOrEqual(3);
      expect((midis[midis.length - 1] ?? 0) - (midis[0] ?? 0)).toBeLessThan(12);
      for (const m of midis) expect(tones).toContain(m % 12);
    }
    const tops = chords.map((c) => c.midis[c.midis.length - 1] ?? 0);
    const moves = tops.slice(1).map((t, i) => Math.abs(t - (tops[i] ?? t)));
    expect(Math.max(...moves)).toBeLessThanOrEqual(7);
    expect(moves.reduce((a, b) => a + b, 0) / moves.length).toBeLessThan(3);
  });

  it('Polychord: two triads stacked, sharing the middle tone', () => {
    const { notes } = render(request({ rightHand: 'polychord', bars: 8, styles: [] }));
    const groups = onsets(notes, 1).filter((o) => o.midis.length === 5);
    expect(groups.length).toBeGreaterThan(8);
    for (const { midis } of groups) {
      const gaps = midis.slice(1).map((m, i) => m - (midis[i] ?? m));
      for (const g of gaps) expect([3, 4]).toContain(g); // lower triad = gaps 0–1, upper = gaps 2–3
    }
  });

  it('Octave Doubling: the melody in octaves', () => {
    const { notes } = render(request({ rightHand: 'octave-doubling', bars: 8 }));
    const groups = onsets(notes, 1);
    expect(groups.length).toBeGreaterThan(16);
    for (const { midis } of groups) expect((midis[midis.length - 1] ?? 0) - (midis[0] ?? 0)).toBe(12);
  });

  it('Arpeggiated Voicing: eighth notes up and down through the chord', () => {
    const { result, notes } = render(request({ rightHand: 'arpeggiated-voicing', bars: 8 }));
    const line = onsets(notes, 1);
    expect(line.every((o, i) => o.at === i / 2 && o.midis.length === 1)).toBe(true);
    for (const o of line) {
      const chord = chordAt(result.progression, o.notes[0]?.position ?? { n: 0, d: 1 })?.chord;
      expect(chromaSet(chord?.notes ?? [])).toContain((o.midis[0] ?? 0) % 12);
    }
    const first = line.slice(0, 4).map((o) => o.midis[0] ?? 0);
    expect([...first].sort((a, b) => a - b)).toEqual(first); // rising from the chord's arrival
  });

  it('Chord Fills: each held chord is answered by rising chord tones in eighths', () => {
    const { notes } = render(request({ rightHand: 'chord-fills', bars: 8 }));
    const answers = onsets(notes, 1).filter((o) => o.at % 4 === 2.5 || o.at % 4 === 3 || o.at % 4 === 3.5);
    expect(answers.length).toBeGreaterThan(6);
    for (let bar = 0; bar < 7; bar++) {
      const inBar = answers.filter((o) => Math.floor(o.at / 4) === bar).map((o) => o.midis[0] ?? 0);
      if (inBar.length === 3) expect([...inBar].sort((a, b) => a - b)).toEqual(inBar);
    }
  });

  it('Melody with Fills: a top line harmonised where chords arrive, with runs at phrase ends', () => {
    const { notes } = render(request({ rightHand: 'melody-with-fills', bars: 8 }));
    const groups = onsets(notes, 1);
    expect(groups[0]?.midis.length).toBe(3);
    expect(groups.some((o) => o.midis.length === 1)).toBe(true);
    // With improvisation 1 every phrase end (bar 4, and the bar before a new section) gets a run:
    // triplets under the up-tempo shuffle, sixteenths under practice's straight feel.
    const shuffled = render(
      request({ application: 'uptempo', rightHand: 'melody-with-fills', bars: 8 }, 1),
    ).notes;
    const triplets = shuffled.filter((n) => n.staff === 1 && n.duration.n === 1 && n.duration.d === 3);
    expect(triplets.length).toBeGreaterThanOrEqual(6);
    const straight = render(request({ rightHand: 'melody-with-fills', bars: 8 }, 1)).notes;
    const sixteenths = straight.filter((n) => n.staff === 1 && n.duration.n === 1 && n.duration.d === 4);
    expect(sixteenths.length).toBeGreaterThanOrEqual(8);
    const run = sixteenths.slice(0, 8).map((n) => midiOf(n.pitch));
    expect([...run].sort((a, b) => b - a)).toEqual(run); // a descending run
    expect(toNumber(sixteenths[0]?.position ?? { n: 0, d: 1 }) % 4).toBe(2); // last two beats of its bar
  });
});

describe('gospel patterns over any chart, key and meter', () => {
  it('every hand pattern stays playable and on chord tones for a user chart in F♯, 3/4 and 5/4', () => {
    const chart = 'C | F G | Am Dm G | C7#5 | Bb/D | Gsus2 | Ebm6 Ab13'
      .split('|')
      .map((bar) => bar.trim().split(/\s+/).map(parseChordSymbol));
    for (const meter of ['3/4', '5/4']) {
      for (const [i, left] of gospel.leftHand.entries()) {
        const right = gospel.rightHand[i % gospel.rightHand.length];
        const req = request(
          {
            key: parseKey('F#'),
            meter: parseTimeSignature(meter),
            bars: 9,
            chart,
            leftHand: left.id,
            rightHand: right?.id,
          },
          1,
        );
        const { result, notes } = render(req, i + 1);
        const barLength = meter === '3/4' ? 3 : 5;
        for (const staff of [1, 2])
          for (const o of onsets(notes, staff)) {
            expect(o.midis.length).toBeLessThanOrEqual(5);
            expect((o.midis[o.midis.length - 1] ?? 0) - (o.midis[0] ?? 0)).toBeLessThanOrEqual(16);
          }
        for (const o of onsets(notes, 2).filter((x) => x.at % barLength === 0)) {
          const chord = chordAt(result.progression, o.notes[0]?.position ?? { n: 0, d: 1 })?.chord;
          for (const m of o.midis)
            expect(chromaSet(chord ? [chord.bass, ...chord.notes] : [])).toContain(m % 12);
        }
      }
    }
  });
});

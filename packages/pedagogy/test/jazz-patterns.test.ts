import { add, chroma, midiOf, parseKey, toNumber, type Chord, type Note } from '@cadenza/core';
import { describe, expect, it } from 'vitest';
import { chordAt, eventEnd, voiceLeadingDistance, type Progression } from '../src/index.js';
import { isChordTone, onsets, render, request, seeds } from './jazz-test-helpers.js';

/** Semitones above the chord's root, 0–11. */
const above = (chord: Chord, note: Note): number => (chroma(note.pitch) - chroma(chord.root) + 12) % 12;
const chordOf = (p: Progression, at: number): Chord => {
  const event = chordAt(p, { n: Math.round(at * 12), d: 12 });
  if (!event) throw new Error(`no chord at ${at}`);
  return event.chord;
};

describe('jazz left-hand patterns', () => {
  it('Stride Bass: a low chord tone on 1 and 3, a three-note chord in the middle on 2 and 4', () => {
    const { result, left } = render(request({ leftHand: 'stride-bass', bars: 8 }));
    for (const group of onsets(left)) {
      const beat = group.at % 4;
      expect(group.notes.every((n) => isChordTone(result.progression, n))).toBe(true);
      if (beat === 0 || beat === 2) {
        expect(group.midis).toHaveLength(1);
        expect(group.midis[0]).toBeLessThanOrEqual(49);
      } else {
        expect(group.midis).toHaveLength(3);
        expect(Math.min(...group.midis)).toBeGreaterThanOrEqual(48);
      }
    }
  });

  it('Shell Voicing: root at the bottom, 3rd and 7th above, in both orders', () => {
    const { result, left } = render(request({ leftHand: 'shell-voicing', bars: 16, key: parseKey('F#') }));
    const orders = new Set<string>();
    for (const group of onsets(left)) {
      const chord = chordOf(result.progression, group.at);
      const sorted = [...group.notes].sort((a, b) => midiOf(a.pitch) - midiOf(b.pitch));
      const [root, low, high] = sorted.map((n) => above(chord, n));
      expect(root).toBe(0);
      const third = (x: number | undefined) => x === 3 || x === 4;
      const seventh = (x: number | undefined) => x === 9 || x === 10 || x === 11;
      expect((third(low) && seventh(high)) || (seventh(low) && third(high))).toBe(true);
      orders.add(third(low) ? 'root–3rd–7th' : 'root–7th–3rd');
    }
    expect(orders.size).toBe(2);
  });

  it('Syncopated Comping: chord tones struck off the beat, never ringing into the next chord', () => {
    const { result, left } = render(request({ leftHand: 'syncopated-comping', bars: 16 }), 9);
    const groups = onsets(left);
    expect(groups.filter((g) => g.at % 1 === 0.5).length).toBeGreaterThan(4);
    for (const n of left) {
      expect(isChordTone(result.progression, n)).toBe(true);
      const event = chordAt(result.progression, n.position);
      if (event) expect(toNumber(add(n.position, n.duration))).toBeLessThanOrEqual(toNumber(eventEnd(event)));
    }
  });

  it('standard and up-tempo always walk the bass; a ballad plays shells under rootless voicings', () => {
    for (const seed of seeds) {
      expect(render(request({ application: 'standard' }), seed).result.leftHand).toBe('walking-bass');
      expect(render(request({ application: 'uptempo' }), seed).result.leftHand).toBe('walking-bass');
      const ballad = render(request({ application: 'ballad' }), seed).result;
      expect([ballad.leftHand, ballad.rightHand]).toEqual(['shell-voicing', 'rootless-voicings']);
    }
  });
});

describe('jazz right-hand patterns', () => {
  it.each(['Bb', 'F#', 'E minor'])(
    'Rootless Voicings in %s: no root, A (3rd at the bottom) and B (7th) forms, smooth',
    (key) => {
      const { result, right } = render(
        request({ rightHand: 'rootless-voicings', bars: 16, key: parseKey(key) }),
      );
      const forms = new Set<string>();
      const groups = onsets(right);
      let moved = 0;
      groups.forEach((group, i) => {
        const chord = chordOf(result.progression, group.at);
        const degrees = group.notes.map((n) => above(chord, n));
        expect(degrees).not.toContain(0);
        expect(group.notes).toHaveLength(4);
        const lowest = [...group.notes].sort((a, b) => midiOf(a.pitch) - midiOf(b.pitch))[0];
        const bottom = lowest ? above(chord, lowest) : -1;
        forms.add([3, 4].includes(bottom) ? 'A' : [9, 10, 11].includes(bottom) ? 'B' : `other ${bottom}`);
        const previous = groups[i - 1];
        if (previous)
          moved += voiceLeadingDistance(
            previous.notes.map((n) => n.pitch),
            group.notes.map((n) => n.pitch),
          );
      });
      expect([...forms].sort()).toEqual(['A', 'B']);
      // Smooth: on average under two semitones per voice from one voicing to the next.
      expect(moved / (groups.length - 1)).toBeLessThan(8);
    },
  );

  it('Block Chord: four chord tones in close position, root and 3rd included', () => {
    const { result, right } = render(request({ rightHand: 'block-chord', bars: 8 }));
    for (const group of onsets(right)) {
      const chord = chordOf(result.progression, group.at);
      expect(group.midis).toHaveLength(4);
      expect(Math.max(...group.midis) - Math.min(...group.midis)).toBeLessThan(12);
      const degrees = group.notes.map((n) => above(chord, n));
      expect(degrees).toContain(0);
      expect(degrees.some((d) => d === 3 || d === 4)).toBe(true);
      expect(group.notes.every((n) => isChordTone(result.progression, n))).toBe(true);
    }
  });

  it('Chord Melody: a chord-tone melody on top, harmonised below at each bar line', () => {
    const { result, right } = render(request({ rightHand: 'chord-melody', bars: 8 }), 3);
    const groups = onsets(right);
    for (let bar = 0; bar < 8; bar++) {
      const group = groups.find((g) => g.at === bar * 4);
      expect(group?.midis.length).toBeGreaterThanOrEqual(2);
    }
    for (const group of groups) {
      const top = group.notes.reduce((a, b) => (midiOf(b.pitch) > midiOf(a.pitch) ? b : a));
      expect(isChordTone(result.progression, top)).toBe(true);
      if (group.at % 4 !== 0 && !result.progression.chords.some((c) => toNumber(c.position) === group.at))
        expect(group.midis).toHaveLength(1);
    }
  });

  it('Octave Doubling: every melody note doubled an octave below', () => {
    const { right } = render(request({ rightHand: 'octave-doubling', bars: 8 }));
    for (const group of onsets(right)) {
      expect(group.midis).toHaveLength(2);
      expect((group.midis[1] ?? 0) - (group.midis[0] ?? 0)).toBe(12);
    }
  });

  it.each([
    [4, 'Bb'],
    [9, 'Db'],
    [12, 'G minor'],
  ])(
    'Improvisation (seed %d, %s): eighth-note lines, chord tones on the beat, chromatic approaches off it',
    (seed, key) => {
      const req = request({ rightHand: 'improvisation', bars: 16, key: parseKey(key) });
      const { result, right } = render(req, seed);
      const notes = [...right].sort((a, b) => toNumber(a.position) - toNumber(b.position));
      const eighths = notes.filter((n) => toNumber(n.duration) === 0.5);
      expect(eighths.length / notes.length).toBeGreaterThan(0.8);
      const onBeat = notes.filter((n) => toNumber(n.position) % 1 === 0);
      // Strong beats (1 and 3) are chord tones; a weak beat may be the top of an enclosure lick: a step
      // above the chord tone two eighths later, with the half step below it in between.
      let enclosures = 0;
      notes.forEach((n, i) => {
        const at = toNumber(n.position);
        if (at % 1 !== 0) return;
        if (at % 2 === 0 || isChordTone(result.progression, n)) {
          expect(isChordTone(result.progression, n), `beat ${at}`).toBe(true);
          return;
        }
        const [below, goal] = [notes[i + 1], notes[i + 2]].map((x) => (x ? midiOf(x.pitch) : NaN));
        expect([1, 2]).toContain(midiOf(n.pitch) - (goal ?? NaN));
        expect((goal ?? NaN) - (below ?? NaN)).toBe(1);
        enclosures++;
      });
      expect(enclosures).toBeGreaterThan(0);
      notes.forEach((n, i) => {
        const next = notes[i + 1];
        if (toNumber(n.position) % 1 !== 0.5 || !next) return;
        // Off the beat: a tone of the chord (its 9th included) or a half step from the next downbeat.
        const chord = chordOf(result.progression, toNumber(n.position));
        const halfStep = Math.abs(midiOf(n.pitch) - midiOf(next.pitch)) === 1;
        expect(
          halfStep || isChordTone(result.progression, n) || above(chord, n) === 2,
          `${toNumber(n.position)} over ${chord.symbol}`,
        ).toBe(true);
      });
      const offBeats = notes.filter((n) => toNumber(n.position) % 1 === 0.5);
      expect(offBeats.length).toBeGreaterThan(40);
      // Upbeats accented: louder on average than the beats.
      const mean = (xs: readonly Note[]) => xs.reduce((sum, n) => sum + (n.velocity ?? 0), 0) / xs.length;
      expect(mean(offBeats)).toBeGreaterThan(mean(onBeat));
    },
  );
});

describe('rootless comping', () => {
  it('comps in standard (off-beat hits, space between them) and holds in a ballad', () => {
    const standard = render(request({ rightHand: 'rootless-voicings', bars: 16 }), 3);
    const starts = onsets(standard.right).map((g) => g.at);
    expect(starts.some((at) => at % 1 === 0.5)).toBe(true);
    const sounding = standard.right.reduce(
      (sum, n) => Math.max(sum, toNumber(add(n.position, n.duration))),
      0,
    );
    const covered = onsets(standard.right).reduce(
      (sum, g) => sum + toNumber(g.notes[0]?.duration ?? { n: 0, d: 1 }),
      0,
    );
    expect(covered / sounding).toBeLessThan(0.7);
    const ballad = render(request({ application: 'ballad', rightHand: 'rootless-voicings', bars: 8 }), 3);
    const changes = new Set([
      ...ballad.result.progression.chords.map((c) => toNumber(c.position)),
      0,
      4,
      8,
      12,
      16,
      20,
      24,
      28,
    ]);
    for (const g of onsets(ballad.right)) expect(changes.has(g.at)).toBe(true);
  });
});

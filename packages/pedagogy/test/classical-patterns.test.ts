import { chroma, midiOf, toNumber, type Note } from '@cadenza/core';
import { describe, expect, it } from 'vitest';
import { chordAt, playableByOneHand, type Arrangement } from '../src/index.js';
import { APPLICATION_IDS, arrange, classicalRequest, METERS, notesOf } from './classical-test-helpers.js';

const staffNotes = (result: Arrangement, staff: number): Note[] =>
  notesOf(result)
    .filter((n) => n.staff === staff)
    .sort((a, b) => toNumber(a.position) - toNumber(b.position) || midiOf(a.pitch) - midiOf(b.pitch));

const isChordTone = (result: Arrangement, n: Note): boolean => {
  const event = chordAt(result.progression, n.position);
  return !!event && [event.chord.bass, ...event.chord.notes].some((pc) => chroma(pc) === chroma(n.pitch));
};

/** Notes grouped by onset (quarter notes), low to high. */
function byOnset(notes: readonly Note[]): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (const n of notes)
    groups.set(toNumber(n.position), [...(groups.get(toNumber(n.position)) ?? []), midiOf(n.pitch)]);
  for (const m of groups.values()) m.sort((a, b) => a - b);
  return groups;
}

describe('classical left hand', () => {
  it('Alberti bass: eighths low–high–middle–high, low = the chord bass, all chord tones', () => {
    for (const meter of METERS) {
      const result = arrange(
        classicalRequest('classical', meter, { leftHand: 'alberti-bass' }),
        2,
        'Alberti',
      );
      const left = staffNotes(result, 2);
      for (const n of left) expect(toNumber(n.duration)).toBe(0.5);
      expect(left.every((n) => isChordTone(result, n))).toBe(true);
      // Bar 1 is the tonic for a whole bar: C E G → C3 G3 E3 G3.
      expect(left.slice(0, 4).map((n) => midiOf(n.pitch))).toEqual([48, 55, 52, 55]);
      const [low, high, middle, again] = left.slice(0, 4).map((n) => midiOf(n.pitch));
      expect((low ?? 0) < (middle ?? 0) && (middle ?? 0) < (high ?? 0) && high === again).toBe(true);
    }
  });

  it('Broken chord: the bass alone on the downbeat, two upper tones together after it', () => {
    for (const meter of METERS) {
      const result = arrange(classicalRequest('classical', meter, { leftHand: 'broken-chord' }), 2, 'Broken');
      const groups = byOnset(staffNotes(result, 2));
      expect(groups.get(0)).toEqual([48]);
      const after = meter === '6/8' ? 0.5 : 1;
      expect(groups.get(after)).toEqual([52, 55]); // E3 G3 over the C3
    }
  });

  it('Arpeggiated: eighths rising from the bass to its octave and falling back, one note at a time', () => {
    const result = arrange(classicalRequest('romantic', '3/4', { leftHand: 'arpeggiated' }), 2, 'Arp');
    const left = staffNotes(result, 2);
    expect(left.slice(0, 6).map((n) => midiOf(n.pitch))).toEqual([48, 52, 55, 60, 55, 52]);
    expect([...byOnset(left).values()].every((m) => m.length === 1)).toBe(true);
  });
});

describe('classical right hand', () => {
  it('Melodic line: one note at a time, mostly by step, cadences on chord tones, the last on the tonic', () => {
    for (const application of APPLICATION_IDS) {
      const result = arrange(
        classicalRequest(application, '4/4', { rightHand: 'melodic-line' }),
        3,
        'Melody',
      );
      const right = staffNotes(result, 1);
      expect([...byOnset(right).values()].every((m) => m.length === 1)).toBe(true);
      const moves = right
        .slice(1)
        .map((n, i) => Math.abs(midiOf(n.pitch) - midiOf(right[i]?.pitch ?? n.pitch)));
      expect(moves.filter((m) => m <= 2).length / moves.length).toBeGreaterThanOrEqual(0.5);
      expect(Math.max(...moves)).toBeLessThanOrEqual(9);
      const last = right.at(-1);
      expect(last && chroma(last.pitch)).toBe(0);
      // Downbeats carry chord tones.
      const downbeats = right.filter((n) => toNumber(n.position) % 4 === 0);
      expect(downbeats.every((n) => isChordTone(result, n))).toBe(true);
    }
  });

  it('Chord voicing: three-note close chords (within an octave) on every chord change and strong beat', () => {
    const result = arrange(classicalRequest('classical', '4/4', { rightHand: 'chord-voicing' }), 3, 'Chords');
    const groups = byOnset(staffNotes(result, 1));
    for (let bar = 0; bar < 16; bar++) expect(groups.has(bar * 4)).toBe(true);
    for (const [at, midis] of groups) {
      expect(midis.length, `at ${at}`).toBe(3);
      expect((midis.at(-1) ?? 0) - (midis[0] ?? 0)).toBeLessThanOrEqual(12);
    }
    expect(staffNotes(result, 1).every((n) => isChordTone(result, n))).toBe(true);
  });

  it('Contrapuntal: a lower voice (voice 2) moving mostly in contrary motion to the melody', () => {
    const result = arrange(
      classicalRequest('baroque', '4/4', { rightHand: 'contrapuntal' }),
      3,
      'Counterpoint',
    );
    expect(result.rightHand).toBe('contrapuntal');
    const right = staffNotes(result, 1);
    const lower = right.filter((n) => n.voice === 2);
    const upper = right.filter((n) => n.voice === 1);
    let contrary = 0;
    let both = 0;
    for (let i = 1; i < lower.length; i++) {
      const at = (k: number) => toNumber(lower[k]?.position ?? { n: 0, d: 1 });
      const top = (k: number) =>
        midiOf(
          upper.find((n) => toNumber(n.position) === at(k))?.pitch ?? { step: 'C', alter: 0, octave: 5 },
        );
      const down =
        midiOf(lower[i]?.pitch ?? { step: 'C', alter: 0, octave: 4 }) -
        midiOf(lower[i - 1]?.pitch ?? { step: 'C', alter: 0, octave: 4 });
      const up = top(i) - top(i - 1);
      if (down !== 0 && up !== 0) {
        both++;
        if (Math.sign(down) !== Math.sign(up)) contrary++;
      }
      expect(top(i)).toBeGreaterThan(midiOf(lower[i]?.pitch ?? { step: 'C', alter: 0, octave: 4 }));
    }
    expect(both).toBeGreaterThan(4);
    expect(contrary / both).toBeGreaterThanOrEqual(0.6);
  });

  it('Arpeggiated right hand: eighths from the soprano down through the chord, chord tones only', () => {
    const result = arrange(classicalRequest('romantic', '4/4', { rightHand: 'arpeggiated' }), 3, 'Arp');
    const right = staffNotes(result, 1);
    expect(right.every((n) => toNumber(n.duration) === 0.5)).toBe(true);
    expect(right.every((n) => isChordTone(result, n))).toBe(true);
    const first = right.slice(0, 4).map((n) => midiOf(n.pitch));
    expect((first[0] ?? 0) > (first[1] ?? 0) && (first[1] ?? 0) > (first[2] ?? 0)).toBe(true);
  });
});

/** Suspensions in the melody: prepared (same pitch before), dissonant at a chord change, resolving down by step. */
function suspensions(result: Arrangement): number[] {
  const melody = staffNotes(result, 1).filter((n) => n.voice === 1);
  const changes = new Set(result.progression.chords.map((c) => toNumber(c.position)));
  return melody.flatMap((n, i) => {
    const before = melody[i - 1];
    const after = melody[i + 1];
    if (!before || !after || !changes.has(toNumber(n.position))) return [];
    const fall = midiOf(n.pitch) - midiOf(after.pitch);
    const prepared = midiOf(before.pitch) === midiOf(n.pitch);
    return prepared && !isChordTone(result, n) && (fall === 1 || fall === 2) && isChordTone(result, after)
      ? [toNumber(n.position)]
      : [];
  });
}

describe('classical suspensions', () => {
  it('Baroque melodies hold a note over the chord change and resolve it down by step; Classical ones do not', () => {
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const baroque = seeds.flatMap((seed) =>
      suspensions(arrange(classicalRequest('baroque', '4/4', { rightHand: 'contrapuntal' }), seed, 'Sus')),
    );
    expect(baroque.length).toBeGreaterThan(0);
    const classicalOnes = seeds.flatMap((seed) =>
      suspensions(arrange(classicalRequest('classical', '4/4', { rightHand: 'melodic-line' }), seed, 'Sus')),
    );
    expect(classicalOnes).toEqual([]);
  });
});

describe('classical in 3/4 and 6/8 (the contract beyond 4/4)', () => {
  it.each(APPLICATION_IDS.flatMap((a) => ['3/4', '6/8'].map((m) => [a, m] as const)))(
    '%s in %s: hands playable, downbeat bass on chord tones, on the grid',
    (application, meter) => {
      for (const leftHand of ['alberti-bass', 'broken-chord', 'arpeggiated']) {
        const result = arrange(classicalRequest(application, meter, { leftHand }), 11, 'Meter');
        for (const staff of [1, 2])
          for (const midis of byOnset(staffNotes(result, staff)).values())
            expect(playableByOneHand(midis)).toBe(true);
        const downbeats = staffNotes(result, 2).filter((n) => toNumber(n.position) % 3 === 0);
        expect(downbeats.length).toBe(16);
        expect(downbeats.every((n) => isChordTone(result, n))).toBe(true);
        for (const n of notesOf(result)) expect((toNumber(n.position) * 12) % 1).toBeCloseTo(0, 9);
      }
    },
  );
});

import { chroma, midiOf, parseKey, toNumber, type Chord, type Note } from '@cadenza/core';
import { readMidi, writeMidi } from '@cadenza/formats';
import { describe, expect, it } from 'vitest';
import { arrange, chordAt, type Arrangement, type ArrangeRequest, type Progression } from '../src/index.js';
import { testRequest } from './arrange-helpers.js';

const neosoul = (overrides: Parameters<typeof testRequest>[1] = {}): ArrangeRequest =>
  testRequest('neosoul', overrides);
const hand = (result: Arrangement, staff: 1 | 2): Note[] =>
  (result.score.parts[0]?.notes ?? []).filter((n) => n.staff === staff);
const at = (n: Note) => toNumber(n.position);
const chordOf = (p: Progression, position: number): Chord => {
  const event = chordAt(p, { n: Math.round(position * 48), d: 48 });
  if (!event) throw new Error(`no chord at ${position}`);
  return event.chord;
};
/** Semitones above the chord's root, 0–11. */
const above = (chord: Chord, note: Note): number => (chroma(note.pitch) - chroma(chord.root) + 12) % 12;
/** Notes grouped by onset. */
function onsets(notes: readonly Note[]): { at: number; notes: Note[] }[] {
  const groups = new Map<number, Note[]>();
  for (const n of notes) groups.set(at(n), [...(groups.get(at(n)) ?? []), n]);
  return [...groups.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([position, group]) => ({ at: position, notes: group }));
}

/** A 9th, 11th, 13th, add9, ♯11 or a 7th-chord suspension: what the issue calls extended. */
const isExtended = (chord: Chord): boolean => {
  const semis = new Set(chord.intervals.map((i) => i.semitones));
  const hasSeventh = [10, 11].some((s) => semis.has(s));
  return [13, 14, 15, 17, 18, 21].some((s) => semis.has(s)) || (hasSeventh && !semis.has(3) && !semis.has(4));
};

describe('neo-soul progression', () => {
  it('at least 70 % extended chords over seeds, keys, lengths and both applications', () => {
    let extended = 0;
    let total = 0;
    for (const application of ['smooth', 'uptempo'])
      for (const key of ['C', 'Eb', 'A minor', 'F# minor'])
        for (const bars of [4, 8, 16, 32])
          for (const seed of [1, 2, 3]) {
            const result = arrange(neosoul({ application, key: parseKey(key), bars }), seed, 'N');
            for (const c of result.progression.chords) {
              total++;
              if (isExtended(c.chord)) extended++;
            }
          }
    expect(extended / total).toBeGreaterThanOrEqual(0.7);
    expect(extended / total).toBeGreaterThanOrEqual(0.9); // what we actually write
  });

  it('a minor key vamps in Dorian: i9 to IV9 with the raised 6th', () => {
    const seen = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const result = arrange(neosoul({ key: parseKey('D minor'), bars: 16, styles: ['dorian'] }), seed, 'D');
      for (const c of result.progression.chords) seen.add(`${c.chord.symbol} ${c.numeral}`);
    }
    expect(seen).toContain('Dm9 i9');
    expect(seen).toContain('G9 IV9'); // G–B–D–F–A: B natural is D Dorian's raised 6th
  });

  it('16 bars have Intro, A, B and Ending; every chord has a numeral and a comment', () => {
    const result = arrange(neosoul({ bars: 16 }), 9, 'S');
    expect(result.progression.sections.map((s) => [toNumber(s.position) / 4 + 1, s.label])).toEqual([
      [1, 'Intro'],
      [3, 'A'],
      [9, 'B'],
      [15, 'Ending'],
    ]);
    for (const c of result.progression.chords) {
      expect(c.numeral.length).toBeGreaterThan(1);
      expect(c.comment.length).toBeGreaterThan(15);
    }
    expect(result.progression.chords.at(-1)?.numeral).toMatch(/^I/);
  });

  it('is deterministic by seed, and another seed changes it', () => {
    const request = neosoul({ bars: 16 });
    const bytes = (seed: number) => Buffer.from(writeMidi(arrange(request, seed, 'D').score));
    expect(bytes(4).equals(bytes(4))).toBe(true);
    expect(bytes(4).equals(bytes(5))).toBe(false);
  });
});

describe('neo-soul feel', () => {
  it.each([
    ['smooth', 0.06],
    ['uptempo', 0.04],
  ])(
    '%s: every note is played %f beat behind the sixteenth grid, measured from the MIDI',
    (application, expected) => {
      const result = arrange(neosoul({ application, bars: 8 }), 3, 'Late');
      const played = readMidi(writeMidi(result.score)).parts.flatMap((p) => p.notes);
      const delays = played.map((n) => {
        const onset = toNumber(n.position);
        return onset - Math.floor(onset * 4 + 1e-9) / 4;
      });
      expect(delays.length).toBeGreaterThan(40);
      for (const d of delays) {
        expect(d).toBeGreaterThanOrEqual(0.03);
        expect(d).toBeLessThanOrEqual(0.08);
      }
      const mean = delays.reduce((a, b) => a + b, 0) / delays.length;
      expect(mean).toBeCloseTo(expected, 2);
      // The score stays straight: notation on the grid, "Laid back" over the tempo.
      for (const n of result.score.parts.flatMap((p) => p.notes)) expect((at(n) * 4) % 1).toBeCloseTo(0, 9);
      expect(result.score.tempos[0]?.text).toBe('Laid back');
    },
  );
});

describe('neo-soul left-hand patterns', () => {
  it('Comping with extended voicings: root at the bottom, the 7th (or 6th) above, within a tenth; 1 and the "and" of 3', () => {
    const result = arrange(neosoul({ leftHand: 'extended-comping', bars: 8 }), 2, 'L');
    const groups = onsets(hand(result, 2));
    for (const group of groups) {
      const chord = chordOf(result.progression, group.at);
      const sorted = [...group.notes].sort((a, b) => midiOf(a.pitch) - midiOf(b.pitch));
      expect(chroma(sorted[0]?.pitch ?? chord.root)).toBe(chroma(chord.bass));
      expect(sorted.map((n) => above(chord, n)).some((s) => s === 9 || s === 10 || s === 11)).toBe(true);
      const midis = sorted.map((n) => midiOf(n.pitch));
      expect(Math.max(...midis) - Math.min(...midis)).toBeLessThanOrEqual(16);
    }
    const inBar = new Set(groups.map((g) => g.at % 4));
    expect(inBar).toContain(0);
    expect(inBar).toContain(2.5);
  });

  it('Rhythmic syncopation: 3+3+2 sixteenths — onsets on the "a" of 1 and 3 in every bar', () => {
    const result = arrange(neosoul({ leftHand: 'rhythmic-syncopation', bars: 8 }), 2, 'L');
    const starts = onsets(hand(result, 2)).map((g) => g.at);
    for (let bar = 0; bar < 8; bar++) {
      expect(starts).toContain(bar * 4 + 0.75);
      expect(starts).toContain(bar * 4 + 2.75);
    }
  });

  it('Syncopated bass lines: one note at a time, the root on each downbeat, off-beat sixteenths, half-step approaches', () => {
    const result = arrange(neosoul({ leftHand: 'syncopated-bass', bars: 16 }), 6, 'B');
    const groups = onsets(hand(result, 2));
    let approaches = 0;
    for (const group of groups) {
      expect(group.notes).toHaveLength(1);
      const chord = chordOf(result.progression, group.at);
      if (group.at % 4 === 0) expect(above(chord, group.notes[0] as Note)).toBe(0);
      if (group.at % 4 === 3.5 && group.at + 0.5 < 64) {
        const next = chordOf(result.progression, group.at + 0.5);
        const gap = Math.abs(((chroma((group.notes[0] as Note).pitch) - chroma(next.bass) + 18) % 12) - 6);
        if (chroma(next.bass) !== chroma(chord.bass) && gap === 1) approaches++;
      }
    }
    expect(groups.some((g) => g.at % 1 === 0.25 || g.at % 1 === 0.75)).toBe(true);
    expect(approaches).toBeGreaterThanOrEqual(5);
  });
});

describe('neo-soul right-hand patterns', () => {
  it('Extended Voicings: rootless, each with a 9th, 11th, ♯11 or 13th; sixteenth stabs up-tempo', () => {
    for (const application of ['smooth', 'uptempo']) {
      const result = arrange(neosoul({ application, rightHand: 'extended-voicings', bars: 8 }), 1, 'R');
      const groups = onsets(hand(result, 1));
      for (const group of groups) {
        const chord = chordOf(result.progression, group.at);
        const semis = group.notes.map((n) => above(chord, n));
        expect(semis).not.toContain(0);
        expect(semis.some((s) => [1, 2, 3, 5, 6, 9].includes(s))).toBe(true);
      }
      if (application === 'uptempo') expect(groups.some((g) => g.at % 1 === 0.75)).toBe(true);
    }
  });

  it('Sustained Voicings: one voicing per chord, held to the chord change, the top moving by small steps', () => {
    const result = arrange(neosoul({ rightHand: 'sustained-voicings', bars: 16 }), 4, 'S');
    const groups = onsets(hand(result, 1));
    expect(groups.map((g) => g.at)).toEqual(result.progression.chords.map((c) => toNumber(c.position)));
    for (const group of groups) {
      const event = chordAt(result.progression, (group.notes[0] as Note).position);
      for (const n of group.notes)
        expect(toNumber(n.duration)).toBeCloseTo(toNumber(event?.duration ?? n.duration), 9);
    }
    const tops = groups.map((g) => Math.max(...g.notes.map((n) => midiOf(n.pitch))));
    const leaps = tops.slice(1).map((t, i) => Math.abs(t - (tops[i] ?? t)));
    expect(Math.max(...leaps)).toBeLessThanOrEqual(5);
  });

  it('Chromatic Fills: sixteenth enclosures — a step above, half step above, half step below — into the next chord', () => {
    const result = arrange(neosoul({ rightHand: 'chromatic-fills', bars: 8 }), 7, 'F');
    const singles = onsets(hand(result, 1)).filter((g) => g.notes.length === 1);
    const runs: number[][] = [];
    for (let i = 0; i + 3 < singles.length; i++) {
      const four = singles.slice(i, i + 4);
      if (four.every((g, k) => g.at === (four[0]?.at ?? 0) + k * 0.25))
        runs.push(four.map((g) => midiOf((g.notes[0] as Note).pitch)));
    }
    expect(runs.length).toBeGreaterThanOrEqual(1);
    for (const run of runs) {
      const steps = run.slice(1).map((m, k) => m - (run[k] ?? m));
      expect(steps).toEqual([-1, -2, 1]);
    }
  });
});

describe('neo-soul from a description', () => {
  it('"syncopated bass lines and chromatic fills, laid back" picks those patterns and leans back', () => {
    const styles = ['syncopated', 'bass-line', 'fills', 'laid-back'];
    const result = arrange(neosoul({ styles }), 1, 'Cue');
    expect([result.leftHand, result.rightHand]).toEqual(['syncopated-bass', 'chromatic-fills']);
    expect(result.feel).toEqual({ kind: 'laid-back', delay: 0.075 });
  });
});

import {
  add,
  chroma,
  createRng,
  midiOf,
  parseChordSymbol,
  parseKey,
  parseTimeSignature,
  toNumber,
  type Note,
} from '@cadenza/core';
import { describe, expect, it } from 'vitest';
import { arrange, chordAt, GENRE_ARRANGERS, type ArrangeRequest, type ChordEvent } from '../src/index.js';
import { testRequest } from './arrange-helpers.js';

const gospel = GENRE_ARRANGERS.gospel;
if (!gospel) throw new Error('gospel arranger not registered');

/** A gospel request with fills switched off unless asked for (so pattern tests see the pattern alone). */
function request(overrides: Parameters<typeof testRequest>[1] = {}, improvisation = 0): ArrangeRequest {
  const base = testRequest('gospel', overrides);
  return { ...base, application: { ...base.application, improvisation } };
}

const seeds = Array.from({ length: 60 }, (_, i) => i + 1);
const progressionOf = (req: ArrangeRequest, seed: number) => gospel.progression(req, createRng(seed));
const symbols = (chords: readonly ChordEvent[]) => chords.map((c) => c.chord.symbol);

/** Notes of one staff grouped by onset, in time order. */
function onsets(notes: readonly Note[], staff: number): { at: number; midis: number[]; notes: Note[] }[] {
  const groups = new Map<number, Note[]>();
  for (const n of notes.filter((x) => x.staff === staff)) {
    const at = toNumber(n.position);
    groups.set(at, [...(groups.get(at) ?? []), n]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([at, group]) => ({
      at,
      notes: group,
      midis: group.map((n) => midiOf(n.pitch)).sort((x, y) => x - y),
    }));
}

function render(req: ArrangeRequest, seed = 5) {
  const result = arrange(req, seed, 'Gospel');
  return { result, notes: result.score.parts.flatMap((p) => p.notes) };
}

const chromaSet = (pcs: readonly { step: string; alter: number }[]) =>
  [...new Set(pcs.map((pc) => chroma(pc as Parameters<typeof chroma>[0])))].sort((a, b) => a - b);

describe('gospel progression', () => {
  it.each(['C', 'F#', 'Db', 'Cb', 'A minor', 'G# minor', 'Eb minor', 'Bb'])(
    'in %s it fills every bar exactly and ends on the tonic, for 1–256 bars',
    (keyName) => {
      const key = parseKey(keyName);
      for (const bars of [1, 2, 3, 5, 8, 12, 16, 17, 31, 64, 256]) {
        const req = request({ key, bars });
        const { chords } = progressionOf(req, bars);
        const last = chords[chords.length - 1];
        expect(last && chroma(last.chord.root)).toBe(chroma(key.tonic));
        let expected = 0;
        for (const c of chords) {
          expect(toNumber(c.position)).toBeCloseTo(expected, 9);
          expected = toNumber(add(c.position, c.duration));
          expect(c.numeral).not.toBe('');
          expect(c.comment.length).toBeGreaterThan(20);
        }
        expect(expected).toBe(bars * 4);
      }
    },
  );

  it.each([
    ['3/4', 2],
    ['5/4', 3],
    ['6/8', 1.5],
  ])('in %s two chords share a bar changing on a beat (at %d)', (meter, at) => {
    const req = request({ meter: parseTimeSignature(meter), bars: 16 });
    const barLength = meter === '5/4' ? 5 : 3;
    const inside = seeds
      .slice(0, 10)
      .flatMap((seed) => progressionOf(req, seed).chords.map((c) => toNumber(c.position) % barLength))
      .filter((p) => p !== 0);
    expect(inside.length).toBeGreaterThan(0);
    expect(new Set(inside)).toEqual(new Set([at]));
  });

  it('has Intro, A, B and Ending sections as the bar count allows', () => {
    const labels = (bars: number) => progressionOf(request({ bars }), 1).sections.map((s) => s.label);
    expect(labels(1)).toEqual(['A']);
    expect(labels(4)).toEqual(['A', 'Ending']);
    expect(labels(8)).toEqual(['Intro', 'A', 'Ending']);
    expect(labels(12)).toEqual(['Intro', 'A', 'B', 'Ending']);
    expect(labels(32)).toEqual(['Intro', 'A', 'B', 'A', 'Ending']);
  });

  it('walks from I to ii through a passing ♯i°7 (C – C♯dim7 – Dm7) for some seed', () => {
    const found = seeds.flatMap((seed) => {
      const { chords } = progressionOf(request({ bars: 16 }), seed);
      return chords.slice(1, -1).flatMap((c, i) => {
        const before = chords[i];
        const after = chords[i + 2];
        return c.numeral === '♯i°7' && before?.numeral.startsWith('I') && after?.numeral.startsWith('ii')
          ? [[before, c, after] as const]
          : [];
      });
    });
    expect(found.length).toBeGreaterThan(0);
    const [tonic, passing, two] = found[0] ?? [];
    expect(symbols([tonic, passing, two].filter((c): c is ChordEvent => c !== undefined))).toEqual([
      'Cmaj9',
      'C#dim7',
      'Dm7',
    ]);
    // The bass climbs by half steps: C, C♯, D.
    expect([tonic, passing, two].map((c) => c && chroma(c.chord.root))).toEqual([0, 1, 2]);
    expect(passing?.comment).toMatch(/passing diminished/);
  });

  it('substitutes D♭7 for G7 (SubV7, same 3rd and 7th) resolving to I for some seed', () => {
    const subs = seeds.flatMap((seed) => {
      const { chords } = progressionOf(request({ bars: 16 }), seed);
      return chords.filter((c, i) => c.numeral === 'SubV7' && chords[i + 1]?.numeral.startsWith('I'));
    });
    expect(subs.length).toBeGreaterThan(0);
    const sub = subs[0];
    expect(sub?.chord.symbol).toBe('Db7');
    // D♭7's 3rd and 7th (F, C♭) are G7's 7th and 3rd (F, B).
    expect(chromaSet(sub?.chord.notes.slice(1, 4).filter((_, i) => i !== 1) ?? [])).toEqual([5, 11]);
  });

  it('climbs ♭VI–♭VII–I (the gospel walk-up) for some seed', () => {
    const walkUp = seeds.some((seed) => {
      const { chords } = progressionOf(request({ bars: 8 }), seed);
      const names = chords.map((c) => c.numeral).join(' ');
      return /♭VImaj7 ♭VII9 Imaj9/.test(names);
    });
    expect(walkUp).toBe(true);
  });

  it('ends worship, and any piece cued "amen", with the plagal Amen (IV–I or iv–I)', () => {
    for (const seed of seeds.slice(0, 20)) {
      for (const req of [
        request({ application: 'worship' }),
        request({ application: 'concert', styles: ['amen'] }),
      ]) {
        const { chords } = progressionOf(req, seed);
        const [four, one] = chords.slice(-2);
        expect(four && chroma(four.chord.root)).toBe(5); // F
        expect(four?.numeral).toMatch(/^(IV|iv)/);
        expect(one && chroma(one.chord.root)).toBe(0); // C
      }
    }
  });

  it('uses minor-key colours in a minor key and more minor chords for sad moods', () => {
    const minor = progressionOf(request({ key: parseKey('A minor'), bars: 16 }), 3).chords;
    expect(minor.some((c) => c.chord.symbol === 'Am9')).toBe(true);
    const minorShare = (moods: string[]) => {
      const all = seeds.flatMap((seed) => progressionOf(request({ bars: 16, moods }), seed).chords);
      return all.filter((c) => c.chord.intervals[1]?.semitones === 3).length / all.length;
    };
    expect(minorShare(['sad'])).toBeGreaterThan(minorShare(['joyful']) + 0.05);
  });
});

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

describe('gospel feel and choices', () => {
  it('practice is straight, worship swings 3:2, up-tempo shuffles 2:1, a requested ratio wins', () => {
    expect(gospel.feel(request({ application: 'practice' }))).toEqual({ kind: 'straight' });
    expect(gospel.feel(request({ application: 'worship' }))).toMatchObject({ kind: 'swing', ratio: 1.5 });
    expect(gospel.feel(request({ application: 'uptempo' }))).toMatchObject({
      kind: 'swing',
      ratio: 2,
      label: 'Shuffle',
    });
    expect(gospel.feel(request({ application: 'practice', swingRatio: 2.5 }))).toMatchObject({ ratio: 2.5 });
    // Measured back from the performed alberti off-beats: long:short = 3:2 in worship.
    const { notes } = render(request({ application: 'worship', leftHand: 'alberti-bass' }));
    const offbeat = notes.find((n) => n.staff === 2 && toNumber(n.position) === 0.5);
    const long = 0.5 + (offbeat?.offset ?? 0);
    expect(long / (1 - long)).toBeCloseTo(1.5, 9);
  });

  it('up-tempo stresses beats 2 and 4 by 1.3', () => {
    const stride = gospel.leftHand.find((p) => p.id === 'stride-bass');
    if (!stride) throw new Error('no stride');
    const weights = (application: string) => {
      const req = request({ application });
      const notes = stride.render({ request: req, progression: progressionOf(req, 1), rng: createRng(1) });
      return notes.filter((n) => toNumber(n.position) === 1).map((n) => n.velocity);
    };
    expect(weights('uptempo')).toEqual(weights('concert').map((v) => Math.round((v ?? 80) * 1.3)));
  });

  it('chooses the pattern a style cue names, otherwise by application', () => {
    const pick = (styles: string[]) => gospel.choosePatterns(request({ styles }), createRng(1)).left.id;
    expect(pick(['stride'])).toBe('stride-bass');
    expect(pick(['walking bass'])).toBe('walking-bass');
    expect(pick(['alberti'])).toBe('alberti-bass');
    const uptempoLefts = seeds.map(
      (s) => gospel.choosePatterns(request({ application: 'uptempo' }), createRng(s)).left.id,
    );
    expect(uptempoLefts).not.toContain('alberti-bass');
    expect(new Set(uptempoLefts).size).toBeGreaterThan(1);
  });

  it('meets the one-hand limits in 3/4 and odd bar counts', () => {
    const req = request({ meter: parseTimeSignature('3/4'), bars: 7, application: 'concert' });
    for (const left of gospel.leftHand) {
      const { result, notes } = render({ ...req, leftHand: left.id }, 2);
      expect(toNumber(result.score.end ?? { n: 0, d: 1 })).toBe(21);
      for (const staff of [1, 2])
        for (const o of onsets(notes, staff))
          expect((o.midis[o.midis.length - 1] ?? 0) - (o.midis[0] ?? 0)).toBeLessThanOrEqual(16);
    }
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

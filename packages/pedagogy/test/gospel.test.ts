import { add, chroma, createRng, parseKey, parseTimeSignature, toNumber } from '@cadenza/core';
import { describe, expect, it } from 'vitest';
import type { ChordEvent } from '../src/index.js';
import {
  chromaSet,
  gospel,
  onsets,
  progressionOf,
  render,
  request,
  seeds,
  symbols,
} from './gospel-test-helpers.js';

// The gospel progression, feel and pattern choice; the hand patterns are in gospel-patterns.test.ts.
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

describe('gospel chart spelling', () => {
  it('never writes a root a chart would not (F♭7 is E7, C♭maj7 is Bmaj7), whatever the key', () => {
    const roots = new Set<string>();
    for (const key of ['Eb', 'Ab', 'Db', 'Gb', 'Bb minor', 'Eb minor'])
      for (const seed of [1, 2, 3, 4, 5, 6, 7, 8])
        for (const application of ['uptempo', 'concert']) {
          const chords = progressionOf(request({ key: parseKey(key), application, bars: 16 }), seed).chords;
          for (const c of chords) roots.add(c.chord.symbol.split('/')[0]?.match(/^[A-G](#|b)?/)?.[0] ?? '');
        }
    for (const awkward of ['Cb', 'Fb', 'E#', 'B#']) expect(roots).not.toContain(awkward);
    expect(roots).toContain('E'); // the tritone substitute of B♭7 in E♭ (or a borrowed chord) is spelled E…
  });
});

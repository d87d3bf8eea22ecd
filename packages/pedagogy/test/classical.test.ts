import {
  checkVoiceLeading,
  chroma,
  createScore,
  createRng,
  midiOf,
  parseKey,
  rat,
  spellMidi,
  toNumber,
  type Note,
} from '@cadenza/core';
import { describe, expect, it } from 'vitest';
import { GENRE_ARRANGERS } from '../src/index.js';
import {
  APPLICATION_IDS,
  arrange,
  barLength,
  classicalRequest,
  METERS,
  notesOf,
  outerVoices,
  parallels,
} from './classical-test-helpers.js';

const classical = GENRE_ARRANGERS.classical;
if (!classical) throw new Error('classical arranger not registered');
const seeds = [1, 2, 3, 4, 5, 6, 7, 8];
const rightHands = ['melodic-line', 'chord-voicing', 'contrapuntal', 'arpeggiated'];

describe('classical outer voices', () => {
  it.each(APPLICATION_IDS.flatMap((a) => METERS.map((m) => [a, m] as const)))(
    '%s in %s: no parallel fifths or octaves between bass and soprano, any right hand, several seeds',
    (application, meter) => {
      for (const seed of seeds) {
        for (const rightHand of rightHands) {
          const request = classicalRequest(application, meter, { rightHand });
          const result = arrange(request, seed, 'Parallels');
          const pairs = outerVoices(result, request);
          expect(pairs.every((p) => Number.isFinite(p.bass) && Number.isFinite(p.soprano))).toBe(true);
          expect(parallels(pairs), `seed ${seed} ${rightHand}`).toEqual([]);
        }
      }
    },
  );

  it("core's checkVoiceLeading finds no parallel or antiparallel fifths/octaves in the outer-voice reduction", () => {
    for (const application of APPLICATION_IDS) {
      for (const seed of [1, 2, 3]) {
        const request = classicalRequest(application, '4/4');
        const pairs = outerVoices(arrange(request, seed, 'Core check'), request);
        const end = request.bars * 4;
        const voice = (staff: number, pick: (p: (typeof pairs)[number]) => number): Note[] =>
          pairs.map((p, i) => ({
            pitch: spellMidi(pick(p)),
            position: rat(p.at * 12, 12),
            duration: rat(((pairs[i + 1]?.at ?? end) - p.at) * 12, 12),
            staff,
            voice: 1,
          }));
        const reduction = createScore({
          parts: [{ staves: 2, notes: [...voice(1, (p) => p.soprano), ...voice(2, (p) => p.bass)] }],
        });
        const report = checkVoiceLeading(reduction);
        expect(report.counts.voicePairMotions).toBeGreaterThan(request.bars);
        const perfect = report.findings.filter((f) => /^(anti)?parallel-/.test(f.rule));
        expect(perfect, `${application} seed ${seed}`).toEqual([]);
      }
    }
  });

  it('also in a minor key (harmonic minor, raised leading tone)', () => {
    for (const seed of seeds) {
      for (const application of APPLICATION_IDS) {
        const request = classicalRequest(application, '4/4', { key: parseKey('Am') });
        const result = arrange(request, seed, 'Minor');
        expect(parallels(outerVoices(result, request))).toEqual([]);
      }
    }
  });
});

describe('classical in any key, meter and length', () => {
  it('2/4, 5/4, 12/8; F♯ major and B♭ minor; 1, 3, 5 and 33 bars: clean outer voices, ends on the tonic', () => {
    for (const application of APPLICATION_IDS)
      for (const meter of ['2/4', '5/4', '12/8'])
        for (const key of ['F#', 'Bbm'])
          for (const bars of [1, 3, 5, 33]) {
            const request = classicalRequest(application, meter, { key: parseKey(key), bars });
            const result = arrange(request, 1, 'Sweep');
            const label = `${application} ${meter} ${key} ${bars}`;
            expect(parallels(outerVoices(result, request)), label).toEqual([]);
            expect(result.progression.chords.at(-1)?.numeral, label).toMatch(/^(I|i)$/);
            expect(toNumber(result.score.end ?? { n: 0, d: 1 }), label).toBe(
              (bars * request.meter.beats * 4) / request.meter.beatType,
            );
          }
  });
});

describe('classical cadences and phrases', () => {
  it.each(APPLICATION_IDS.flatMap((a) => METERS.map((m) => [a, m] as const)))(
    '%s in %s ends with a perfect authentic cadence: V(7)–I, the tonic in the soprano and the bass',
    (application, meter) => {
      for (const seed of seeds) {
        const request = classicalRequest(application, meter);
        const result = arrange(request, seed, 'Cadence');
        const chords = result.progression.chords;
        expect(chords.at(-1)?.numeral).toBe('I');
        expect(chords.at(-2)?.numeral).toMatch(/^V7?$/);
        expect(chords.at(-1)?.comment).toMatch(/perfect authentic cadence/);
        const last = outerVoices(result, request).findLast(
          (p) => p.at === toNumber(chords.at(-1)?.position ?? { n: 0, d: 1 }),
        );
        expect((last?.soprano ?? 0) % 12).toBe(0); // C
        expect((last?.bass ?? 0) % 12).toBe(0);
      }
    },
  );

  it('a Classical period: half cadence on V at bar 4, PAC or deceptive at bar 8, I–IV–V–I vocabulary', () => {
    for (const seed of seeds) {
      const progression = classical.progression(classicalRequest('classical', '4/4'), createRng(seed));
      const inBar = (bar: number) =>
        progression.chords.filter((c) => Math.floor(toNumber(c.position) / 4) === bar).map((c) => c.numeral);
      expect(inBar(0)).toEqual(['I']);
      expect(inBar(3)).toEqual(['V']);
      expect(['I', 'vi']).toContain(inBar(7).at(-1));
      expect(inBar(6).at(-1)).toBe('V7');
      const halfCadence = progression.chords.find((c) => toNumber(c.position) === 12);
      expect(halfCadence?.comment).toMatch(/half cadence/);
    }
  });

  it('deceptive cadences (V7–vi) appear in some seeds, never at the end', () => {
    const deceptive = seeds.concat([9, 10, 11, 12, 13, 14, 15, 16]).filter((seed) => {
      const chords = classical.progression(classicalRequest('classical', '4/4'), createRng(seed)).chords;
      expect(chords.at(-1)?.numeral).toBe('I');
      return chords.some((c, i) => c.numeral === 'vi' && chords[i - 1]?.numeral === 'V7');
    });
    expect(deceptive.length).toBeGreaterThan(0);
  });

  it('Romantic: at least one augmented sixth, Neapolitan or secondary dominant in 16 bars', () => {
    for (const seed of seeds) {
      const chords = classical.progression(classicalRequest('romantic', '4/4'), createRng(seed)).chords;
      const chromatic = chords.filter((c) => /^(It|Fr|Ger)|^N6|\//.test(c.numeral));
      expect(chromatic.length).toBeGreaterThan(0);
      for (const c of chromatic) expect(c.comment).toMatch(/augmented sixth|Neapolitan|secondary dominant/);
    }
    // The German sixth in C: A♭ C E♭ F♯, the A♭ in the bass resolving down to G.
    const ger = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
      .flatMap((seed) => classical.progression(classicalRequest('romantic', '4/4'), createRng(seed)).chords)
      .find((c) => c.numeral === 'Ger+6');
    expect(ger?.chord.notes.map((n) => `${n.step}${n.alter}`)).toEqual(['A-1', 'C0', 'E-1', 'F1']);
  });

  it('in a minor key the numerals are minor (i, iv, VI) and nothing claims to be borrowed', () => {
    for (const seed of seeds) {
      const chords = classical.progression(
        classicalRequest('romantic', '4/4', { key: parseKey('Cm') }),
        createRng(seed),
      ).chords;
      expect(chords[0]?.numeral).toBe('i');
      expect(chords[0]?.chord.notes.map((n) => `${n.step}${n.alter}`)).toEqual(['C0', 'E-1', 'G0']);
      expect(chords.at(-1)?.numeral).toBe('i');
      expect(chords.some((c) => /modal mixture/.test(c.comment))).toBe(false);
      expect(chords.some((c) => /^(I|IV|♭VI)$/.test(c.numeral))).toBe(false);
    }
  });

  it('Baroque: every phrase runs the circle of fifths I–IV–vii°–iii–vi–ii–V–I', () => {
    for (const seed of seeds) {
      const numerals = classical
        .progression(classicalRequest('baroque', '4/4'), createRng(seed))
        .chords.map((c) => c.numeral);
      const text = numerals.join(' ');
      expect(text.startsWith('I IV vii° iii vi ii V')).toBe(true);
      expect(text.split('I IV vii° iii vi ii V').length - 1).toBe(4);
      // Each link's root falls a fifth (or the diminished fifth IV–vii° inside the scale).
      const roots = classical
        .progression(classicalRequest('baroque', '4/4'), createRng(seed))
        .chords.slice(0, 7)
        .map((c) => chroma(c.chord.root));
      for (let i = 1; i < roots.length; i++)
        expect([5, 6]).toContain(((((roots[i] ?? 0) - (roots[i - 1] ?? 0)) % 12) + 12) % 12);
    }
  });

  it('harmony changes on the beat in 3/4 (2+1) and 6/8 (at the dotted quarter)', () => {
    for (const [meter, half] of [
      ['3/4', 2],
      ['6/8', 1.5],
    ] as const) {
      const chords = classical.progression(classicalRequest('baroque', meter), createRng(1)).chords;
      expect(chords.slice(0, 2).map((c) => toNumber(c.position))).toEqual([0, half]);
      expect(toNumber(chords.at(-1)?.position ?? { n: 0, d: 1 })).toBe(15 * 3 + half);
    }
  });

  it('rejects an application the genre does not have, naming it', () => {
    const request = {
      ...classicalRequest('classical', '4/4'),
      application: { ...classicalRequest('classical', '4/4').application, id: 'jazzy' },
    };
    expect(() => classical.progression(request, createRng(1))).toThrow(
      /'jazzy' is not a classical application/,
    );
  });
});

describe('classical feel', () => {
  it('is straight for every application', () => {
    for (const application of APPLICATION_IDS)
      expect(classical.feel(classicalRequest(application, '4/4'))).toEqual({ kind: 'straight' });
  });

  it('notes of a 3/4 and a 6/8 piece stay inside their bars', () => {
    for (const meter of ['3/4', '6/8']) {
      const request = classicalRequest('classical', meter, { bars: 8 });
      const result = arrange(request, 4, 'Meter');
      expect(toNumber(result.score.end ?? { n: 0, d: 1 })).toBe(8 * barLength(meter));
      for (const n of notesOf(result)) {
        const start = toNumber(n.position);
        const bar = Math.floor(start / barLength(meter) + 1e-9);
        expect(start + toNumber(n.duration)).toBeLessThanOrEqual((bar + 1) * barLength(meter) + 1e-9);
        expect(midiOf(n.pitch)).toBeGreaterThanOrEqual(21);
      }
    }
  });
});

describe('classical sections', () => {
  it('marks each period (two phrases) as a variant of A: A, A′, A″', () => {
    const result = arrange(classicalRequest('classical', '4/4', { bars: 24 }), 2, 'Periods');
    expect(result.progression.sections.map((s) => [toNumber(s.position) / 4 + 1, s.label])).toEqual([
      [1, 'A'],
      [9, 'A′'],
      [17, 'A″'],
    ]);
  });
});

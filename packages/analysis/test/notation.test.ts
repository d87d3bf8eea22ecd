import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { measureMap, parsePitchClass, pitchName, type Key } from '@cadenza/core';
import { readMusicXml, writeMusicXml } from '@cadenza/formats';
import { chooseGrids, performanceToScore, splitStaves } from '../src/notation/index.js';
import { beatTimes, notation, perform, type Event } from './notation-performances.js';

const XSD = fileURLToPath(new URL('../../../../shared/schemas/musicxml/musicxml.xsd', import.meta.url));
const hasXmllint = (): boolean => existsSync(XSD) && spawnSync('xmllint', ['--version']).status === 0;

const key = (tonic: string, mode: 'major' | 'minor' = 'major'): Key => ({
  tonic: parsePitchClass(tonic),
  mode,
});
const AT_100 = beatTimes(40, 0.6);

/** 4/4 at 100 bpm: quarters, eighths, dotted quarter + eighth, a half, a rest, whole-beat values. */
const MELODY: Event[] = [
  [60, 0, 1],
  [62, 1, 1],
  [64, 2, 0.5],
  [65, 2.5, 0.5],
  [67, 3, 1],
  [69, 4, 1.5],
  [67, 5.5, 0.5],
  [65, 6, 1],
  [64, 7, 1],
  [62, 8, 2],
  [64, 11, 1],
  [60, 12, 4],
];
const MELODY_NOTATION = [
  'C4@0+1',
  'D4@1+1',
  'E4@2+1/2',
  'F4@5/2+1/2',
  'G4@3+1',
  'A4@4+3/2',
  'G4@11/2+1/2',
  'F4@6+1',
  'E4@7+1',
  'D4@8+2',
  'E4@11+1',
  'C4@12+4',
];

describe('performanceToScore: rhythm', () => {
  it('gives back quarters, eighths and dotted quarter + eighth from a performance with ±20 ms jitter', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const score = performanceToScore(perform(MELODY, AT_100, { seed }), { beats: AT_100, meter: '4/4' });
      expect(notation(score)).toEqual(MELODY_NOTATION);
    }
  });

  it('keeps the performed timing in Note.offset, and drops it when quantized', () => {
    const played = perform(MELODY, AT_100, { seed: 7 });
    const score = performanceToScore(played, { beats: AT_100, meter: '4/4' });
    const offsets = score.parts[0]?.notes.map((n) => n.offset ?? 0) ?? [];
    // ±20 ms at 0.6 s per quarter is ±0.033 quarter notes.
    expect(Math.max(...offsets.map(Math.abs))).toBeLessThanOrEqual(0.034);
    expect(offsets.filter((o) => o !== 0).length).toBeGreaterThan(8);
    expect(score.parts[0]?.notes[0]?.offset).toBeCloseTo((played[0]!.onset - AT_100[0]!) / 0.6, 3);
    const plain = performanceToScore(played, { beats: AT_100, meter: '4/4', quantized: true });
    expect(plain.parts[0]?.notes.every((n) => n.offset === undefined)).toBe(true);
  });

  it('writes eighth triplets as thirds of a quarter', () => {
    const events: Event[] = [
      [67, 0, 1],
      [69, 1, 1 / 3],
      [71, 4 / 3, 1 / 3],
      [72, 5 / 3, 1 / 3],
      [74, 2, 0.5],
      [72, 2.5, 0.5],
      [71, 3, 1 / 3],
      [69, 10 / 3, 1 / 3],
      [67, 11 / 3, 1 / 3],
      [65, 4, 2],
    ];
    for (const seed of [1, 2, 3]) {
      const score = performanceToScore(perform(events, AT_100, { seed }), { beats: AT_100, meter: '4/4' });
      expect(notation(score)).toEqual([
        'G4@0+1',
        'A4@1+1/3',
        'B4@4/3+1/3',
        'C5@5/3+1/3',
        'D5@2+1/2',
        'C5@5/2+1/2',
        'B4@3+1/3',
        'A4@10/3+1/3',
        'G4@11/3+1/3',
        'F4@4+2',
      ]);
    }
  });

  it('ends the last note, ringing out into silence, on a whole beat (no tuplet from its release)', () => {
    // The final G rings 2.3 beats, then 2.7: written as a half note, then as a dotted half.
    for (const [held, written] of [
      [2.3, 'G4@2+2'],
      [2.7, 'G4@2+3'],
    ] as const) {
      const events: Event[] = [
        [71, 0, 1 / 3],
        [69, 1 / 3, 1 / 3],
        [67, 2 / 3, 1 / 3],
        [69, 1, 1],
        [67, 2, held],
      ];
      const score = performanceToScore(perform(events, AT_100, { seed: 1 }), { beats: AT_100, meter: '4/4' });
      expect(notation(score).at(-1)).toBe(written);
    }
  });

  it('prefers a dotted eighth + sixteenth over triplets where the playing says so', () => {
    const events: Event[] = [
      [60, 0, 0.75],
      [62, 0.75, 0.25],
      [64, 1, 0.75],
      [65, 1.75, 0.25],
      [67, 2, 2],
    ];
    const score = performanceToScore(perform(events, AT_100, { seed: 3 }), { beats: AT_100, meter: '4/4' });
    expect(notation(score)).toEqual(['C4@0+3/4', 'D4@3/4+1/4', 'E4@1+3/4', 'F4@7/4+1/4', 'G4@2+2']);
  });

  it('makes a one-beat pickup in 3/4 and puts the downbeats on the barlines', () => {
    const beats = beatTimes(14, 0.6);
    const events: Event[] = [
      [55, 0, 1],
      [60, 1, 2],
      [64, 3, 1],
      [67, 4, 3],
      [65, 7, 1],
      [64, 8, 1],
      [62, 9, 1],
      [60, 10, 3],
    ];
    const score = performanceToScore(perform(events, beats), { beats, meter: '3/4', firstDownbeat: 1 });
    expect(score.pickup).toEqual({ n: 1, d: 1 });
    expect(notation(score)).toEqual([
      'G3@0+1',
      'C4@1+2',
      'E4@3+1',
      'G4@4+3',
      'F4@7+1',
      'E4@8+1',
      'D4@9+1',
      'C4@10+3',
    ]);
    const measures = measureMap(score);
    expect(measures.slice(0, 5).map((m) => `${m.number}:${m.start.n}`)).toEqual([
      '0:0',
      '1:1',
      '2:4',
      '3:7',
      '4:10',
    ]);
    expect(writeMusicXml(score)).toContain('<measure number="0" implicit="yes">');
  });

  it('needs no pickup when the first note is on the first downbeat, even if beats start earlier', () => {
    const beats = beatTimes(12, 0.6);
    const score = performanceToScore(perform([[60, 2, 3]], beats), { beats, meter: '3/4', firstDownbeat: 2 });
    expect(score.pickup).toEqual({ n: 0, d: 1 });
    expect(notation(score)).toEqual(['C4@0+3']);
  });

  it('ties a note across the barline in the MusicXML', () => {
    const events: Event[] = [
      [60, 0, 1],
      [62, 1, 1],
      [64, 2, 1],
      [65, 3, 2],
      [64, 5, 3],
    ];
    const score = performanceToScore(perform(events, AT_100), { beats: AT_100, meter: '4/4' });
    expect(notation(score)).toEqual(['C4@0+1', 'D4@1+1', 'E4@2+1', 'F4@3+2', 'E4@5+3']);
    const xml = writeMusicXml(score);
    expect(xml).toContain('<tie type="start"/>');
    expect(xml).toContain('<tie type="stop"/>');
  });

  it('reads 6/8 with dotted-quarter beats in eighths and quarter–eighth pairs', () => {
    const beats = beatTimes(12, 0.9);
    // Beat = dotted quarter; in beats an eighth is 1/3.
    const events: Event[] = [
      [60, 0, 1 / 3],
      [62, 1 / 3, 1 / 3],
      [64, 2 / 3, 1 / 3],
      [65, 1, 2 / 3],
      [67, 5 / 3, 1 / 3],
      [69, 2, 2],
    ];
    const score = performanceToScore(perform(events, beats), { beats, meter: '6/8' });
    expect(notation(score)).toEqual([
      'C4@0+1/2',
      'D4@1/2+1/2',
      'E4@1+1/2',
      'F4@3/2+1',
      'G4@5/2+1/2',
      'A4@3+3',
    ]);
  });
});

describe('performanceToScore: tempo', () => {
  it('gives the same notation when the tempo drifts from 100 to 110 bpm and the beats follow it', () => {
    const drifting = beatTimes(40, 0.6, 60 / 110);
    for (const seed of [1, 2, 3]) {
      const score = performanceToScore(perform(MELODY, drifting, { seed }), {
        beats: drifting,
        meter: '4/4',
      });
      expect(notation(score)).toEqual(MELODY_NOTATION);
      expect(score.tempos).toHaveLength(1);
      expect(score.tempos[0]?.bpm).toBeGreaterThanOrEqual(103);
      expect(score.tempos[0]?.bpm).toBeLessThanOrEqual(107);
    }
  });

  it('marks the median tempo, quarter-note based (6/8 at 66 dotted quarters = 99 quarters)', () => {
    expect(performanceToScore(perform(MELODY, AT_100), { beats: AT_100, meter: '4/4' }).tempos).toEqual([
      { position: { n: 0, d: 1 }, bpm: 100 },
    ]);
    const beats = beatTimes(12, 60 / 66);
    const score = performanceToScore(perform([[60, 0, 1]], beats), { beats, meter: '6/8' });
    expect(score.tempos[0]?.bpm).toBe(99);
  });

  it('adds a tempo mark where the tempo changes for good (100 → 120 bpm after four bars)', () => {
    const beats = [...beatTimes(17, 0.6)];
    for (let i = 0; i < 16; i++) beats.push((beats[beats.length - 1] as number) + 0.5);
    const events: Event[] = Array.from({ length: 32 }, (_, i) => [60 + (i % 5), i, 1] as const);
    const score = performanceToScore(perform(events, beats), { beats, meter: '4/4' });
    expect(score.tempos.map((t) => `${t.position.n}:${t.bpm}`)).toEqual(['0:100', '16:120']);
    expect(notation(score).slice(15, 18)).toEqual(['C4@15+1', 'C#4@16+1', 'D4@17+1']);
  });
});

describe('performanceToScore: pitch', () => {
  it('spells in E♭ major with flats (E♭, never D♯) and in E major with sharps (G♯, not A♭)', () => {
    const events: Event[] = [63, 65, 67, 68, 70, 72, 74, 75, 66, 61].map((m, i) => [m, i, 1] as const);
    const played = perform(events, AT_100);
    const flat = performanceToScore(played, { beats: AT_100, meter: '4/4', key: key('Eb') });
    const flatNames = flat.parts[0]!.notes.map((n) => pitchName(n.pitch));
    expect(flatNames).toEqual(['Eb4', 'F4', 'G4', 'Ab4', 'Bb4', 'C5', 'D5', 'Eb5', 'Gb4', 'Db4']);
    expect(flatNames.some((n) => n.includes('#'))).toBe(false);
    expect(flat.keys[0]?.key).toEqual(key('Eb'));

    const sharpEvents: Event[] = [64, 66, 68, 69, 71, 73, 75, 76, 63, 56].map((m, i) => [m, i, 1] as const);
    const sharp = performanceToScore(perform(sharpEvents, AT_100), {
      beats: AT_100,
      meter: '4/4',
      key: key('E'),
    });
    expect(sharp.parts[0]!.notes.map((n) => pitchName(n.pitch))).toEqual([
      'E4',
      'F#4',
      'G#4',
      'A4',
      'B4',
      'C#5',
      'D#5',
      'E5',
      'D#4',
      'G#3',
    ]);
  });

  it('spells the leading tone of a minor key as a sharp (C minor: B natural; A minor: G♯)', () => {
    const played = perform(
      [
        [71, 0, 1],
        [68, 1, 1],
      ],
      AT_100,
    );
    const names = (k: Key): string[] =>
      performanceToScore(played, { beats: AT_100, meter: '4/4', key: k }).parts[0]!.notes.map((n) =>
        pitchName(n.pitch),
      );
    expect(names(key('C', 'minor'))).toEqual(['B4', 'Ab4']);
    expect(names(key('A', 'minor'))).toEqual(['B4', 'G#4']);
  });

  it('fixes a short note an octave off in a scale, and keeps a real octave leap', () => {
    const scale = [60, 62, 64, 77, 67, 69, 71, 72];
    const events: Event[] = scale.map((m, i) => [m, i, 1] as const);
    const score = performanceToScore(perform(events, AT_100), { beats: AT_100, meter: '4/4' });
    expect(score.parts[0]!.notes.map((n) => pitchName(n.pitch))).toEqual([
      'C4',
      'D4',
      'E4',
      'F4',
      'G4',
      'A4',
      'B4',
      'C5',
    ]);
    const leap: Event[] = [
      [60, 0, 1],
      [72, 1, 1],
      [71, 2, 1],
      [67, 3, 1],
      [48, 4, 1],
      [62, 5, 1],
    ];
    const kept = performanceToScore(perform(leap, AT_100), { beats: AT_100, meter: '4/4' });
    expect(kept.parts[0]!.notes.map((n) => pitchName(n.pitch))).toEqual(['C4', 'C5', 'B4', 'G4', 'C3', 'D4']);
    const off = performanceToScore(perform(events, AT_100), {
      beats: AT_100,
      meter: '4/4',
      fixOctaves: false,
    });
    expect(pitchName(off.parts[0]!.notes[3]!.pitch)).toBe('F5');
  });

  it('uses a bass clef for a low single line', () => {
    const low: Event[] = [36, 43, 48, 43].map((m, i) => [m, i, 1] as const);
    const score = performanceToScore(perform(low, AT_100), { beats: AT_100, meter: '4/4' });
    expect(score.parts[0]?.clefs).toEqual(['bass']);
  });
});

describe('performanceToScore: piano staves', () => {
  it('puts a low bass line on staff 2 and the melody on staff 1, even where the melody dips below middle C', () => {
    const melody: Event[] = [
      [72, 0, 1],
      [67, 1, 1],
      [64, 2, 1],
      [62, 3, 1],
      [59, 4, 1],
      [57, 5, 1],
      [59, 6, 1],
      [60, 7, 1],
    ];
    const bass: Event[] = [
      [36, 0, 2],
      [43, 2, 2],
      [41, 4, 2],
      [43, 6, 1],
      [48, 7, 1],
    ];
    const score = performanceToScore(perform([...melody, ...bass], AT_100), {
      beats: AT_100,
      meter: '4/4',
      staves: 2,
      title: 'Two hands',
    });
    expect(score.parts[0]?.clefs).toEqual(['treble', 'bass']);
    expect(score.metadata.title).toBe('Two hands');
    expect(notation(score)).toEqual([
      'C5@0+1',
      'C2@0+2 s2',
      'G4@1+1',
      'E4@2+1',
      'G2@2+2 s2',
      'D4@3+1',
      'B3@4+1',
      'F2@4+2 s2',
      'A3@5+1',
      'B3@6+1',
      'G2@6+1 s2',
      'C4@7+1',
      'C3@7+1 s2',
    ]);
  });

  it('splits a chord between the hands where the gap is, keeping each hand within a tenth', () => {
    const staves = splitStaves([
      { position: 0, midis: [36, 48, 64, 67, 72] },
      { position: 1, midis: [43, 55, 62, 65, 71] },
      { position: 2, midis: [60] },
    ]);
    expect(staves).toEqual([[2, 2, 1, 1, 1], [2, 2, 1, 1, 1], [1]]);
  });
});

describe('performanceToScore: input', () => {
  it('makes an empty score from no notes, and refuses unusable input with a message', () => {
    const empty = performanceToScore([], { beats: AT_100, meter: '2/4' });
    expect(empty.parts[0]?.notes).toEqual([]);
    expect(empty.meters[0]?.timeSignature).toEqual({ beats: 2, beatType: 4 });
    expect(() => performanceToScore([], { beats: [1], meter: '4/4' })).toThrow(/at least two beat times/);
    expect(() => performanceToScore([], { beats: [1, 1], meter: '4/4' })).toThrow(/must increase/);
    const backwards = [{ onset: 1, offset: 0.5, midi: 60, velocity: 80 }];
    expect(() => performanceToScore(backwards, { beats: AT_100, meter: '4/4' })).toThrow(/ends/);
  });

  it('extrapolates notes after the last beat at the last beat period', () => {
    const beats = AT_100.slice(0, 4);
    const events: Event[] = [
      [60, 0, 2],
      [64, 2, 1],
      [67, 3, 1],
      [72, 4, 2],
      [67, 6.5, 0.5],
    ];
    const score = performanceToScore(perform(events, AT_100), { beats, meter: '4/4' });
    expect(notation(score)).toEqual(['C4@0+2', 'E4@2+1', 'G4@3+1', 'C5@4+2', 'G4@13/2+1/2']);
  });
});

describe('chooseGrids', () => {
  it('picks triplets only where they fit better by more than the penalty', () => {
    const grids = chooseGrids(
      [0, 0.5, 1, 1.34, 1.66, 2, 2.27, 2.5, 2.76, 3.02, 3.68].map((beat) => ({ beat, weight: 1 })),
      false,
      0.04,
    );
    expect([0, 1, 2, 3].map((k) => grids.byBeat.get(k) ?? grids.normal)).toEqual([4, 3, 4, 3]);
  });
});

describe('performanceToScore: MusicXML', () => {
  const piano = (): ReturnType<typeof performanceToScore> => {
    const events: Event[] = [
      ...MELODY.map(([m, s, l]) => [m + 12, s, l] as const),
      [40, 0, 4],
      [43, 4, 2],
      [45, 6, 2],
      [41, 8, 4],
      [43, 12, 4],
      [76, 13, 1 / 3],
      [74, 40 / 3, 1 / 3],
    ];
    return performanceToScore(perform(events, AT_100, { seed: 9 }), {
      beats: AT_100,
      meter: '4/4',
      key: key('G'),
      staves: 2,
      title: 'Round trip',
    });
  };

  it('reads back to the same pitches, positions, durations and staves', () => {
    const score = piano();
    const back = readMusicXml(writeMusicXml(score));
    expect(notation(back)).toEqual(notation(score));
    expect(back.pickup).toEqual(score.pickup);
    const pickup = performanceToScore(
      perform(
        [
          [55, 0, 1],
          [60, 1, 3],
        ],
        AT_100,
      ),
      {
        beats: AT_100,
        meter: '3/4',
        firstDownbeat: 1,
      },
    );
    expect(notation(readMusicXml(writeMusicXml(pickup)))).toEqual(['G3@0+1', 'C4@1+3']);
  });

  it.skipIf(!hasXmllint())('validates against the MusicXML 4.0 XSD', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadenza-notation-'));
    const files = [
      piano(),
      performanceToScore(perform(MELODY, AT_100), { beats: AT_100, meter: '3/4', firstDownbeat: 1 }),
    ].map((score, i) => {
      const path = join(dir, `notation-${i}.musicxml`);
      writeFileSync(path, writeMusicXml(score));
      return path;
    });
    const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', XSD, ...files], { encoding: 'utf8' });
    expect(run.stderr.split('\n').filter((l) => l.includes('fails') || l.includes(' error '))).toEqual([]);
    expect(run.status).toBe(0);
  });
});

describe('performanceToScore: the part', () => {
  const notes = [0, 0.6, 1.2].map((t, i) => ({ onset: t, offset: t + 0.5, midi: 72 + 2 * i, velocity: 80 }));
  const beats = [0, 0.6, 1.2, 1.8, 2.4];
  it('is a piano by default, or the instrument given, with its General MIDI program', () => {
    const piano = performanceToScore(notes, { beats, meter: '4/4' }).parts[0];
    expect([piano?.name, piano?.program]).toEqual(['Piano', 0]);
    const flute = performanceToScore(notes, {
      beats,
      meter: '4/4',
      instrument: { name: 'Flute', program: 73 },
    }).parts[0];
    expect([flute?.name, flute?.program]).toEqual(['Flute', 73]);
    expect(flute?.notes.map((n) => pitchName(n.pitch))).toEqual(['C5', 'D5', 'E5']);
  });
});

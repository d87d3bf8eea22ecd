import { keyFromFifths, midiOf, parsePitchClass, pitchClassName, type Note } from '@cadenza/core';
import { describe, expect, it } from 'vitest';
import { arpeggioFingering, generateExercise, type Exercise } from '../src/index.js';
import { fingerAt, notesOf, runsOf } from './exercise-helpers.js';

/**
 * Standard fingerings, ascending from the lowest tonic, as printed in the ABRSM scale books (and
 * Hanon's): right hand 1 octave, left hand 1 octave, right hand 2 octaves, left hand 2 octaves.
 * Written out here note by note, not derived from the generator's tables.
 */
const MAJOR: Record<string, readonly [string, string, string, string]> = {
  C: ['12312345', '54321321', '123123412312345', '543213214321321'],
  G: ['12312345', '54321321', '123123412312345', '543213214321321'],
  D: ['12312345', '54321321', '123123412312345', '543213214321321'],
  A: ['12312345', '54321321', '123123412312345', '543213214321321'],
  E: ['12312345', '54321321', '123123412312345', '543213214321321'],
  B: ['12312345', '43214321', '123123412312345', '432143213214321'],
  'F#': ['23412312', '43213214', '234123123412312', '432132143213214'],
  Db: ['23123412', '32143213', '231234123123412', '321432132143213'],
  Ab: ['34123123', '32143213', '341231234123123', '321432132143213'],
  Eb: ['31234123', '32143213', '312341231234123', '321432132143213'],
  Bb: ['21231234', '32143213', '212312341231234', '321432132143213'],
  F: ['12341234', '54321321', '123412312341234', '543213214321321'],
};

const HARMONIC_MINOR: Record<string, readonly [string, string, string, string]> = {
  A: ['12312345', '54321321', '123123412312345', '543213214321321'],
  E: ['12312345', '54321321', '123123412312345', '543213214321321'],
  B: ['12312345', '43214321', '123123412312345', '432143213214321'],
  'F#': ['34123123', '43213214', '341231234123123', '432132143213214'],
  'C#': ['34123123', '32143213', '341231234123123', '321432132143213'],
  'G#': ['34123123', '32143213', '341231234123123', '321432132143213'],
  Eb: ['31234123', '21432132', '312341231234123', '214321321432132'],
  Bb: ['21231234', '21321432', '212312341231234', '213214321321432'],
  F: ['12341234', '54321321', '123412312341234', '543213214321321'],
  C: ['12312345', '54321321', '123123412312345', '543213214321321'],
  G: ['12312345', '54321321', '123123412312345', '543213214321321'],
  D: ['12312345', '54321321', '123123412312345', '543213214321321'],
};

/** The fingers of one hand's first run, ascending part and the whole run. */
function fingers(e: Exercise, staff: number): { up: string; all: string } {
  const run = runsOf(notesOf(e.score, staff))[0] as Note[];
  const all = run.map((n) => String(fingerAt(e.fingering ?? [], n) ?? '?')).join('');
  return { up: all.slice(0, (run.length + 1) / 2), all };
}

function check(subtype: 'major' | 'minor_harmonic', key: string, expected: readonly string[]): void {
  // Difficulty 1: one octave, hands separately; difficulty 4: two octaves, hands separately.
  for (const [difficulty, offset] of [
    [1, 0],
    [4, 2],
  ] as const) {
    const e = generateExercise({ skillType: 'scales', subtype, keySignature: key, difficulty });
    const right = fingers(e, 1);
    const left = fingers(e, 2);
    expect(`${key} ${subtype} RH ${right.up}`).toBe(`${key} ${subtype} RH ${expected[offset]}`);
    expect(`${key} ${subtype} LH ${left.up}`).toBe(`${key} ${subtype} LH ${expected[offset + 1]}`);
    // The same finger on the same note on the way down.
    for (const f of [right, left]) expect(f.all).toBe(f.up + [...f.up].reverse().slice(1).join(''));
  }
}

describe('scale fingering', () => {
  it.each(Object.entries(MAJOR))('%s major, both hands, one and two octaves', (key, expected) => {
    check('major', key, expected);
  });

  it.each(Object.entries(HARMONIC_MINOR))(
    '%s harmonic minor, both hands, one and two octaves',
    (key, expected) => {
      check('minor_harmonic', key, expected);
    },
  );

  it('fingers enharmonic keys alike: G♭ = F♯, C♯ = D♭ major, D♯ = E♭ and A♭ = G♯ minor', () => {
    const a = generateExercise({ skillType: 'scales', subtype: 'major', keySignature: 'Gb', difficulty: 1 });
    expect(fingers(a, 1).up).toBe('23412312');
    const b = generateExercise({ skillType: 'scales', subtype: 'major', keySignature: 'C#', difficulty: 1 });
    expect(fingers(b, 2).up).toBe('32143213');
    const c = generateExercise({
      skillType: 'scales',
      subtype: 'minor_harmonic',
      keySignature: 'D#',
      difficulty: 1,
    });
    expect(fingers(c, 2).up).toBe('21432132');
  });

  it('fingers every major and harmonic minor key signature, 7 flats to 7 sharps, both hands', () => {
    for (let fifths = -7; fifths <= 7; fifths++) {
      for (const [mode, subtype] of [
        ['major', 'major'],
        ['minor', 'minor_harmonic'],
      ] as const) {
        const key = keyFromFifths(fifths, mode);
        const e = generateExercise({
          skillType: 'scales',
          subtype,
          keySignature: pitchClassName(key.tonic),
          difficulty: 1,
        });
        expect(fingers(e, 1).up).not.toContain('?');
        expect(fingers(e, 2).up).not.toContain('?');
      }
    }
  });

  it('never puts the thumb on a black key, in any major or minor scale it fingers', () => {
    const black = new Set([1, 3, 6, 8, 10]);
    for (let fifths = -7; fifths <= 7; fifths++) {
      for (const subtype of ['major', 'minor_natural', 'minor_harmonic', 'minor_melodic']) {
        const key = keyFromFifths(fifths, subtype === 'major' ? 'major' : 'minor');
        for (const difficulty of [1, 4]) {
          const e = generateExercise({
            skillType: 'scales',
            subtype,
            keySignature: pitchClassName(key.tonic),
            difficulty,
          });
          for (const f of e.fingering ?? []) {
            if (f.finger === 1)
              expect(black.has(midiOf(f.pitch) % 12), `${subtype} ${pitchClassName(key.tonic)}`).toBe(false);
          }
        }
      }
    }
    // Borrowing the harmonic minor's fingers would put the thumb on D♯ in F♯ melodic minor: none is given.
    const fSharp = generateExercise({
      skillType: 'scales',
      subtype: 'minor_melodic',
      keySignature: 'F#',
      difficulty: 1,
    });
    expect(fSharp.fingering?.some((f) => f.hand === 'right')).toBe(false);
  });

  it('gives three-octave runs the middle tonics their in-run finger', () => {
    const e = generateExercise({ skillType: 'scales', subtype: 'major', keySignature: 'C', difficulty: 7 });
    expect(fingers(e, 1).up).toBe('1231234123123412312345');
  });

  it('fingers the chromatic scale 3 on black keys, 1 on white, 2 where white keys meet', () => {
    const e = generateExercise({
      skillType: 'scales',
      subtype: 'chromatic',
      keySignature: 'C',
      difficulty: 1,
    });
    expect(fingers(e, 1).up).toBe('1313123131312');
    expect(fingers(e, 2).up).toBe('1313213131321');
  });

  it('gives no fingering for scales with no standard one', () => {
    const e = generateExercise({
      skillType: 'scales',
      subtype: 'bebop-dominant',
      keySignature: 'C',
      difficulty: 1,
    });
    expect(e.fingering).toBeUndefined();
  });
});

describe('arpeggio fingering', () => {
  const arp = (subtype: string, key: string, inversion: number) =>
    generateExercise({ skillType: 'arpeggios', subtype, keySignature: key, difficulty: 4, inversion });

  it.each([
    ['major_triad', 'C', 0, '1231235', '5421421'],
    ['major_triad', 'C', 1, '1241245', '5421421'],
    ['major_triad', 'C', 2, '1241245', '5321321'],
    ['major_triad', 'Db', 0, '2124124', '2142142'],
    ['major_triad', 'Eb', 0, '2124124', '2142142'],
    ['major_triad', 'Ab', 0, '2124124', '2142142'],
    ['minor_triad', 'A', 0, '1231235', '5421421'],
    ['major_triad', 'F#', 0, '1231235', '5421421'],
    ['dominant_7th', 'C', 0, '123412345', '543214321'],
    ['diminished', 'C', 0, '123412345', '543214321'],
  ])('%s on %s, inversion %i: RH %s, LH %s (two octaves)', (subtype, key, inversion, rh, lh) => {
    const e = arp(subtype, key, inversion);
    expect(fingers(e, 1).up).toBe(rh);
    expect(fingers(e, 2).up).toBe(lh);
  });

  it('puts the thumb on the first white key of the chord', () => {
    const db = [parsePitchClass('Db'), parsePitchClass('F'), parsePitchClass('Ab')];
    expect(arpeggioFingering(db, 'right')).toEqual({ inRun: [4, 1, 2], thumb: 1 });
    expect(arpeggioFingering(db, 'left')).toEqual({ inRun: [2, 1, 4], thumb: 1 });
  });
});

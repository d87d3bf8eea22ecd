import { Scale } from 'tonal';
import { describe, expect, it } from 'vitest';
import {
  chroma,
  findScaleType,
  parsePitchClass,
  pitchClassName,
  SCALE_TYPES,
  scaleNotes,
} from '@cadenza/core';

/** Hand-written spellings: one flat root (E♭) and one sharp root (A) for every scale. */
const TABLE: ReadonlyArray<[id: string, eFlat: string, a: string]> = [
  ['ionian', 'Eb F G Ab Bb C D', 'A B C# D E F# G#'],
  ['dorian', 'Eb F Gb Ab Bb C Db', 'A B C D E F# G'],
  ['phrygian', 'Eb Fb Gb Ab Bb Cb Db', 'A Bb C D E F G'],
  ['lydian', 'Eb F G A Bb C D', 'A B C# D# E F# G#'],
  ['mixolydian', 'Eb F G Ab Bb C Db', 'A B C# D E F# G'],
  ['aeolian', 'Eb F Gb Ab Bb Cb Db', 'A B C D E F G'],
  ['locrian', 'Eb Fb Gb Ab Bbb Cb Db', 'A Bb C D Eb F G'],
  ['harmonic-minor', 'Eb F Gb Ab Bb Cb D', 'A B C D E F G#'],
  ['melodic-minor', 'Eb F Gb Ab Bb C D', 'A B C D E F# G#'],
  ['blues', 'Eb Gb Ab Bbb Bb Db', 'A C D Eb E G'],
  ['major-blues', 'Eb F Gb G Bb C', 'A B C C# E F#'],
  ['major-pentatonic', 'Eb F G Bb C', 'A B C# E F#'],
  ['minor-pentatonic', 'Eb Gb Ab Bb Db', 'A C D E G'],
  ['whole-tone', 'Eb F G A B Db', 'A B C# D# E# G'],
  ['diminished-whole-half', 'Eb F Gb Ab Bbb Cb C D', 'A B C D Eb F F# G#'],
  ['diminished-half-whole', 'Eb Fb Gb G A Bb C Db', 'A Bb C C# D# E F# G'],
  ['altered', 'Eb Fb Gb Abb Bbb Cb Db', 'A Bb C Db Eb F G'],
  ['lydian-dominant', 'Eb F G A Bb C Db', 'A B C# D# E F# G'],
  ['bebop-dominant', 'Eb F G Ab Bb C Db D', 'A B C# D E F# G G#'],
  ['bebop-major', 'Eb F G Ab Bb B C D', 'A B C# D E E# F# G#'],
  ['bebop-minor', 'Eb F Gb G Ab Bb C Db', 'A B C C# D E F# G'],
  ['augmented', 'Eb F# G Bb B D', 'A B# C# E E# G#'],
  ['phrygian-dominant', 'Eb Fb G Ab Bb Cb Db', 'A Bb C# D E F G'],
  ['hungarian-minor', 'Eb F Gb A Bb Cb D', 'A B C D# E F G#'],
  ['double-harmonic-major', 'Eb Fb G Ab Bb Cb D', 'A Bb C# D E F G#'],
  ['hirajoshi', 'Eb F Gb Bb Cb', 'A B C E F'],
  ['iwato', 'Eb Fb Ab Bbb Db', 'A Bb D Eb G'],
  ['yo', 'Eb F Ab Bb C', 'A B D E F#'],
  ['gospel-minor', 'Eb F Gb Ab Bbb Bb C Db', 'A B C D Eb E F# G'],
  ['gospel-pentatonic-sharp-4', 'Eb F G A Bb C', 'A B C# D# E F#'],
  ['gospel-blues', 'Eb F Gb G Bb C Db', 'A B C C# E F# G'],
  ['gospel-melodic-minor', 'Eb F Gb Ab Bb C Db D', 'A B C D E F# G G#'],
];

const spell = (tonic: string, id: string): string =>
  scaleNotes(parsePitchClass(tonic), findScaleType(id))
    .map((p) => pitchClassName(p))
    .join(' ');

describe('the 32 scales', () => {
  it('has exactly 32 distinct scales, all in the table', () => {
    expect(SCALE_TYPES).toHaveLength(32);
    expect(new Set(SCALE_TYPES.map((s) => s.id)).size).toBe(32);
    expect(TABLE.map(([id]) => id).sort()).toEqual(SCALE_TYPES.map((s) => s.id).sort());
  });

  it.each(TABLE)('%s on Eb and A', (id, eFlat, a) => {
    expect(spell('Eb', id)).toBe(eFlat);
    expect(spell('A', id)).toBe(a);
  });

  it('finds scales by name and alias, forgiving case and the word "scale"', () => {
    expect(findScaleType('bebop dominant').id).toBe('bebop-dominant');
    expect(findScaleType('Super Locrian').id).toBe('altered');
    expect(findScaleType('Melodic Minor (Jazz Minor)').id).toBe('melodic-minor');
    expect(findScaleType('harmonic minor scale').id).toBe('harmonic-minor');
    expect(findScaleType('Gospel Pentatonic with #4').id).toBe('gospel-pentatonic-sharp-4');
    expect(() => findScaleType('lydian flat 13 augmented')).toThrow(/not one of the 32 scales/);
  });

  // tonal (a peer library) as an independent oracle for the scales it also knows.
  const TONAL_NAMES: Record<string, string> = {
    ionian: 'major',
    dorian: 'dorian',
    phrygian: 'phrygian',
    lydian: 'lydian',
    mixolydian: 'mixolydian',
    aeolian: 'aeolian',
    locrian: 'locrian',
    'harmonic-minor': 'harmonic minor',
    'melodic-minor': 'melodic minor',
    blues: 'blues',
    'major-blues': 'major blues',
    'major-pentatonic': 'major pentatonic',
    'minor-pentatonic': 'minor pentatonic',
    'whole-tone': 'whole tone',
    'diminished-whole-half': 'diminished',
    'diminished-half-whole': 'half-whole diminished',
    altered: 'altered',
    'lydian-dominant': 'lydian dominant',
    'bebop-dominant': 'bebop',
    'bebop-major': 'bebop major',
    'bebop-minor': 'bebop minor',
    augmented: 'augmented',
    'phrygian-dominant': 'phrygian dominant',
    'hungarian-minor': 'hungarian minor',
    'double-harmonic-major': 'double harmonic major',
    hirajoshi: 'hirajoshi',
    iwato: 'iwato',
  };
  it.each(Object.entries(TONAL_NAMES))('%s sounds like tonal\'s "%s"', (id, tonalName) => {
    // Same sound (pitch classes); spellings may differ where usage differs (tonal writes the altered
    // scale as alterations C Db D# E F#; we write the melodic-minor mode C Db Eb Fb Gb), and our
    // hand-written table above pins our spelling.
    const ours = scaleNotes(parsePitchClass('C'), findScaleType(id)).map(chroma);
    const theirs = Scale.get(`C ${tonalName}`).notes.map((n) => chroma(parsePitchClass(n)));
    expect(theirs.length, `tonal knows ${tonalName}`).toBeGreaterThan(0);
    expect(ours).toEqual(theirs);
  });
});

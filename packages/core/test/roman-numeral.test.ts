import { describe, expect, it } from 'vitest';
import {
  analyzeChord,
  buildChord,
  CHORD_TYPE_BY_ID,
  chordNotesFromBass,
  iv,
  parseKey,
  parsePitchClass,
  pitchClassName,
  realizeRomanNumeral,
  type Chord,
} from '@cadenza/core';

/** A chord from a root, a catalogue id and an optional slash bass: chord('G', '7', 'B'). */
function chord(root: string, typeId: string, bass?: string): Chord {
  const type = CHORD_TYPE_BY_ID.get(typeId);
  if (!type) throw new Error(`no chord type ${typeId}`);
  return buildChord(parsePitchClass(root), type, bass ? { bass: parsePitchClass(bass) } : {});
}

/** A chord from spelled intervals above a root (for augmented sixths, which have no chart symbol). */
const fromIntervals = (root: string, names: string[]): Chord =>
  buildChord(
    parsePitchClass(root),
    names.map((n) => iv(n)),
  );

const analyze = (c: Chord, key: string): [string, string] => {
  const a = analyzeChord(c, parseKey(key));
  return [a.numeral, a.function];
};

describe('roman-numeral analysis', () => {
  it.each<[string, Chord, string, string, string]>([
    ['V7', chord('G', '7'), 'C', 'V7', 'dominant'],
    ['V65', chord('G', '7', 'B'), 'C', 'V65', 'dominant'],
    ['V43', chord('G', '7', 'D'), 'C', 'V43', 'dominant'],
    ['V42', chord('G', '7', 'F'), 'C', 'V42', 'dominant'],
    ['I6', chord('C', 'major', 'E'), 'C', 'I6', 'tonic'],
    ['I64', chord('C', 'major', 'G'), 'C', 'I64', 'tonic'],
    ['ii7', chord('D', 'm7'), 'C', 'ii7', 'predominant'],
    ['viiø7', chord('B', 'm7b5'), 'C', 'viiø7', 'dominant'],
    ['vii°', chord('B', 'dim'), 'C', 'vii°', 'dominant'],
    ['Imaj7', chord('C', 'maj7'), 'C', 'Imaj7', 'tonic'],
    ['V9', chord('G', '9'), 'C', 'V9', 'dominant'],
    ['V7♭9', chord('G', '7b9'), 'C', 'V7♭9', 'dominant'],
  ])('diatonic %s', (_name, c, key, numeral, fn) => {
    expect(analyze(c, key)).toEqual([numeral, fn]);
  });

  it.each<[Chord, string, string, string]>([
    [chord('D', '7'), 'C', 'V7/V', 'secondary dominant'],
    [chord('D', '7', 'F#'), 'C', 'V65/V', 'secondary dominant'],
    [chord('D', 'major'), 'C', 'V/V', 'secondary dominant'],
    [chord('A', '7'), 'C', 'V7/ii', 'secondary dominant'],
    [chord('E', '7'), 'C', 'V7/vi', 'secondary dominant'],
    [chord('C', '7'), 'C', 'V7/IV', 'secondary dominant'],
    [chord('B', '7'), 'C', 'V7/iii', 'secondary dominant'],
    [chord('F#', 'dim7'), 'C', 'vii°7/V', 'secondary leading-tone'],
    [chord('F#', 'm7b5'), 'C', 'viiø7/V', 'secondary leading-tone'],
    [chord('C#', 'dim7'), 'C', 'vii°7/ii', 'secondary leading-tone'],
    [chord('D', '7'), 'G minor', 'V7', 'dominant'],
    [chord('A', '7'), 'G minor', 'V7/V', 'secondary dominant'],
    [chord('F', '7'), 'Bb major', 'V7', 'dominant'],
    [chord('G', '7', 'B'), 'Bb major', 'V65/ii', 'secondary dominant'],
  ])('secondary: %o in %s is %s', (c, key, numeral, fn) => {
    expect(analyze(c, key)).toEqual([numeral, fn]);
  });

  it.each<[Chord, string, string]>([
    [chord('F', 'minor'), 'C', 'iv'],
    [chord('Ab', 'major'), 'C', '♭VI'],
    [chord('Bb', 'major'), 'C', '♭VII'],
    [chord('Eb', 'major'), 'C', '♭III'],
    [chord('Ab', 'maj7'), 'C', '♭VImaj7'],
    [chord('D', 'm7b5'), 'C', 'iiø7'],
    [chord('F', 'm6'), 'C', 'iv(add6)'],
    [chord('C', 'major'), 'C minor', 'I'],
  ])('borrowed (modal mixture): %o in %s is %s', (c, key, numeral) => {
    expect(analyze(c, key)).toEqual([numeral, 'borrowed']);
  });

  it('recognises the Neapolitan sixth in major and minor', () => {
    expect(analyze(chord('Db', 'major', 'F'), 'C minor')).toEqual(['N6', 'neapolitan']);
    expect(analyze(chord('Db', 'major', 'F'), 'C major')).toEqual(['N6', 'neapolitan']);
    expect(analyze(chord('Bb', 'major', 'D'), 'A minor')).toEqual(['N6', 'neapolitan']);
  });

  it('recognises Italian, French and German augmented sixths', () => {
    expect(analyze(fromIntervals('Ab', ['P1', 'M3', 'A6']), 'C minor')).toEqual(['It+6', 'augmented sixth']);
    expect(analyze(fromIntervals('Ab', ['P1', 'M3', 'A4', 'A6']), 'C minor')).toEqual([
      'Fr+6',
      'augmented sixth',
    ]);
    expect(analyze(fromIntervals('Ab', ['P1', 'M3', 'P5', 'A6']), 'C minor')).toEqual([
      'Ger+6',
      'augmented sixth',
    ]);
    // In major the German sixth is often spelled with ♯2 (D♯) instead of ♭3.
    expect(analyze(fromIntervals('Ab', ['P1', 'M3', 'AA4', 'A6']), 'C major')).toEqual([
      'Ger+6',
      'augmented sixth',
    ]);
    expect(analyze(fromIntervals('F', ['P1', 'M3', 'A6']), 'A minor')).toEqual(['It+6', 'augmented sixth']);
    // A♭7 as a chart spells it (G♭, not F♯) is a ♭VI7, not an augmented sixth.
    expect(analyze(chord('Ab', '7'), 'C minor')[0]).not.toBe('Ger+6');
  });

  it('analyses minor keys with the raised leading tone as diatonic', () => {
    expect(analyze(chord('E', '7'), 'A minor')).toEqual(['V7', 'dominant']);
    expect(analyze(chord('G#', 'dim7'), 'A minor')).toEqual(['vii°7', 'dominant']);
    expect(analyze(chord('E', 'major', 'G#'), 'A minor')).toEqual(['V6', 'dominant']);
    expect(analyze(chord('D', 'minor'), 'A minor')).toEqual(['iv', 'predominant']);
    expect(analyze(chord('F', 'major'), 'A minor')).toEqual(['VI', 'tonic']);
    expect(analyze(chord('G', 'major'), 'A minor')).toEqual(['VII', 'dominant']);
    expect(analyze(chord('C', 'major'), 'A minor')).toEqual(['III', 'tonic']);
  });
});

const spelled = (c: Chord): string =>
  chordNotesFromBass(c)
    .map((p) => pitchClassName(p))
    .join(' ');

describe('roman-numeral realisation', () => {
  it.each([
    ['V7/V', 'C', 'D F# A C'],
    ['viiø7', 'C', 'B D F A'],
    ['vii°7', 'A minor', 'G# B D F'],
    ['viio7/V', 'C', 'F# A C Eb'],
    ['N6', 'C minor', 'F Db Ab'],
    ['Ger+6', 'C', 'Ab C Eb F#'],
    ['It+6', 'A minor', 'F A D#'],
    ['Fr+6', 'C', 'Ab C D F#'],
    ['V65', 'G', 'F# D A C'],
    ['V6/5', 'G', 'F# D A C'],
    ['I64', 'Eb', 'Bb Eb G'],
    ['♭VII', 'C', 'Bb D F'],
    ['bVI', 'C', 'Ab C Eb'],
    ['iv', 'C', 'F Ab C'],
    ['ii7', 'Bb', 'C Eb G Bb'],
    ['V7/V', 'A minor', 'B D# F# A'],
    ['V7/IV', 'C', 'C E G Bb'],
    ['Imaj7', 'F', 'F A C E'],
    ['V42/IV', 'C', 'Bb C E G'],
    ['V9', 'D', 'A C# E G B'],
    ['V', 'C minor', 'G B D'],
    ['VII', 'C minor', 'Bb D F'],
  ])('%s in %s → %s', (numeral, key, notes) => {
    expect(spelled(realizeRomanNumeral(numeral, parseKey(key)))).toBe(notes);
  });

  it('rejects what is not a numeral', () => {
    expect(() => realizeRomanNumeral('VIII', parseKey('C'))).toThrow(/not a roman numeral/);
    expect(() => realizeRomanNumeral('X7', parseKey('C'))).toThrow(/not a roman numeral/);
  });

  it('analysis and realisation agree in every key (round trip)', () => {
    const numerals = [
      'I',
      'ii7',
      'iii',
      'IV',
      'V7',
      'vi',
      'viiø7',
      'V65',
      'I64',
      'V7/V',
      'V7/vi',
      'vii°7/V',
      'iv',
      '♭VI',
      '♭VII',
      'N6',
    ];
    const keys = ['C', 'G', 'D', 'A', 'E', 'B', 'F#', 'F', 'Bb', 'Eb', 'Ab', 'Db', 'Gb'];
    for (const k of keys) {
      for (const n of numerals) {
        const key = parseKey(k);
        expect(analyzeChord(realizeRomanNumeral(n, key), key).numeral, `${n} in ${k}`).toBe(n);
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import {
  intervalBetween,
  intervalBetweenClasses,
  intervalLongName,
  intervalName,
  isCompound,
  iv,
  parsePitch,
  parsePitchClass,
  pitchClassName,
  pitchName,
  simplify,
  transpose,
  transposeClass,
} from '@cadenza/core';

const between = (a: string, b: string): string => intervalName(intervalBetween(parsePitch(a), parsePitch(b)));

describe('intervals', () => {
  it.each([
    ['C4', 'E4', 'M3'],
    ['C4', 'Eb4', 'm3'],
    ['C4', 'G4', 'P5'],
    ['C4', 'F#4', 'A4'],
    ['C4', 'Gb4', 'd5'],
    ['C#4', 'Bb4', 'd7'],
    ['C4', 'Bbb4', 'd7'],
    ['C4', 'C5', 'P8'],
    ['C4', 'D5', 'M9'],
    ['C4', 'E5', 'M10'],
    ['C4', 'G5', 'P12'],
    ['C4', 'C6', 'P15'],
    ['E4', 'F4', 'm2'],
    ['C4', 'D#4', 'A2'],
    ['C4', 'Fb4', 'd4'],
    ['C4', 'C#4', 'A1'],
    ['G4', 'C4', '-P5'],
    ['G4', 'D4', '-P4'],
    ['B3', 'F4', 'd5'],
    ['F4', 'B4', 'A4'],
    ['C4', 'B#4', 'A7'],
    ['Cb4', 'F#4', 'AA4'],
  ])('%s → %s is %s', (a, b, name) => {
    expect(between(a, b)).toBe(name);
  });

  it('keeps diatonic and chromatic size apart', () => {
    expect(iv('A4')).toEqual({ steps: 3, semitones: 6 });
    expect(iv('d5')).toEqual({ steps: 4, semitones: 6 });
    expect(iv('m3')).toEqual({ steps: 2, semitones: 3 });
    expect(iv('A2')).toEqual({ steps: 1, semitones: 3 });
    expect(iv('M13')).toEqual({ steps: 12, semitones: 21 });
    expect(iv('-P5')).toEqual({ steps: -4, semitones: -7 });
    expect(iv('dd7')).toEqual({ steps: 6, semitones: 8 });
  });

  it('has long names and knows compound intervals', () => {
    expect(intervalLongName(iv('m3'))).toBe('minor third');
    expect(intervalLongName(iv('A4'))).toBe('augmented fourth');
    expect(intervalLongName(iv('M9'))).toBe('major ninth');
    expect(intervalLongName(iv('-P8'))).toBe('descending perfect octave');
    expect(isCompound(iv('M9'))).toBe(true);
    expect(isCompound(iv('P8'))).toBe(false);
    expect(intervalName(simplify(iv('M10')))).toBe('M3');
    expect(intervalName(simplify(iv('P15')))).toBe('P8');
  });

  it.each(['P3', 'M5', 'm4', 'X3', '3', 'P0'])('rejects %j', (text) => {
    expect(() => iv(text)).toThrow(/interval|perfect|cannot be/);
  });

  it('transposes with correct spelling', () => {
    const up = (p: string, i: string): string => pitchName(transpose(parsePitch(p), iv(i)));
    expect(up('C4', 'A4')).toBe('F#4');
    expect(up('C4', 'd5')).toBe('Gb4');
    expect(up('E4', 'M3')).toBe('G#4');
    expect(up('G#4', 'M3')).toBe('B#4');
    expect(up('F#4', 'A5')).toBe('C##5');
    expect(up('Bb3', 'M9')).toBe('C5');
    expect(up('C4', '-m3')).toBe('A3');
    expect(up('Db4', 'd7')).toBe('Cbb5');
  });

  it('measures pitch-class intervals ascending', () => {
    const pcs = (a: string, b: string): string =>
      intervalName(intervalBetweenClasses(parsePitchClass(a), parsePitchClass(b)));
    expect(pcs('C', 'A')).toBe('M6');
    expect(pcs('A', 'C')).toBe('m3');
    expect(pcs('Ab', 'F#')).toBe('A6');
    expect(pcs('B', 'F')).toBe('d5');
    expect(pitchClassName(transposeClass(parsePitchClass('Eb'), iv('A4')))).toBe('A');
  });
});

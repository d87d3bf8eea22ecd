import { describe, expect, it } from 'vitest';
import {
  keyFromFifths,
  keyName,
  keyScale,
  keySignatureFifths,
  parallelKey,
  parseKey,
  pitchClassName,
  relativeKey,
} from '@cadenza/core';

const scale = (text: string): string =>
  keyScale(parseKey(text))
    .map((p) => pitchClassName(p))
    .join(' ');

describe('keys', () => {
  it.each([
    ['C', 0],
    ['G major', 1],
    ['F#', 6],
    ['C#', 7],
    ['Eb major', -3],
    ['Bb minor', -5],
    ['F# minor', 3],
    ['C minor', -3],
    ['D dorian', 0],
    ['E phrygian', 0],
    ['F lydian', 0],
    ['G mixolydian', 0],
    ['B locrian', 0],
    ['Ebm', -6],
    ['key of Ab', -4],
  ])('%s has %i fifths', (text, fifths) => {
    expect(keySignatureFifths(parseKey(text))).toBe(fifths);
  });

  it('spells scales of keys and modes', () => {
    expect(scale('Eb major')).toBe('Eb F G Ab Bb C D');
    expect(scale('F# minor')).toBe('F# G# A B C# D E');
    expect(scale('D dorian')).toBe('D E F G A B C');
    expect(scale('Bb minor')).toBe('Bb C Db Eb F Gb Ab');
    expect(scale('C# major')).toBe('C# D# E# F# G# A# B#');
    expect(scale('A lydian')).toBe('A B C# D# E F# G#');
  });

  it('finds relative and parallel keys', () => {
    expect(keyName(relativeKey(parseKey('C major')))).toBe('A minor');
    expect(keyName(relativeKey(parseKey('C minor')))).toBe('Eb major');
    expect(keyName(parallelKey(parseKey('Eb major')))).toBe('Eb minor');
    expect(keyName(keyFromFifths(-3, 'minor'))).toBe('C minor');
    expect(keyName(keyFromFifths(4))).toBe('E major');
  });

  it('rejects keys a musician would not write', () => {
    expect(() => parseKey('H major')).toThrow(/not a key/);
    expect(() => parseKey('C blurple')).toThrow(/'blurple' is not a mode/);
    expect(() => parseKey('G# major')).toThrow(/more than 7 sharps/);
  });
});

import { describe, expect, it } from 'vitest';
import {
  chroma,
  frequencyOf,
  midiOf,
  MusicError,
  parsePitch,
  parsePitchClass,
  pitchName,
  spellMidi,
} from '@cadenza/core';

describe('parsePitch', () => {
  it.each([
    ['C4', 'C', 0, 4, 60],
    ['C#4', 'C', 1, 4, 61],
    ['Bb3', 'B', -1, 3, 58],
    ['E##5', 'E', 2, 5, 78],
    ['Cb4', 'C', -1, 4, 59],
    ['B#3', 'B', 1, 3, 60],
    ['Fx2', 'F', 2, 2, 43],
    ['Ebb4', 'E', -2, 4, 62],
    ['F♯2', 'F', 1, 2, 42],
    ['A0', 'A', 0, 0, 21],
    ['C8', 'C', 0, 8, 108],
  ])('%s → step %s alter %i octave %i, MIDI %i', (text, step, alter, octave, midi) => {
    const p = parsePitch(text);
    expect(p).toEqual({ step, alter, octave });
    expect(midiOf(p)).toBe(midi);
  });

  it.each(['H4', 'C', 'C#', '4C', 'Cq4', '', 'C#b4', 'C12'])('rejects %j with a MusicError', (text) => {
    expect(() => parsePitch(text)).toThrow(MusicError);
  });

  it('names the problem for a missing octave', () => {
    expect(() => parsePitch('F#')).toThrow(/needs an octave number, e.g. F#4/);
  });

  it('parses pitch classes', () => {
    expect(parsePitchClass('Gb')).toEqual({ step: 'G', alter: -1 });
    expect(() => parsePitchClass('G4')).toThrow(/without an octave/);
  });
});

describe('frequency', () => {
  it('A4 is 440 Hz and C4 is 261.63 Hz', () => {
    expect(frequencyOf(parsePitch('A4'))).toBe(440);
    expect(frequencyOf(parsePitch('C4'))).toBeCloseTo(261.6256, 3);
    expect(frequencyOf(parsePitch('A5'))).toBe(880);
    expect(frequencyOf(parsePitch('A4'), 442)).toBe(442);
  });
});

describe('spellMidi', () => {
  it('spells black keys from the key signature', () => {
    expect(pitchName(spellMidi(61, 0))).toBe('C#4');
    expect(pitchName(spellMidi(70, 0))).toBe('Bb4');
    expect(pitchName(spellMidi(61, -3))).toBe('Db4');
    expect(pitchName(spellMidi(68, 0))).toBe('Ab4');
    expect(pitchName(spellMidi(68, 0, true))).toBe('G#4'); // A minor's leading tone
    expect(pitchName(spellMidi(66, 6))).toBe('F#4');
    expect(pitchName(spellMidi(71, -6))).toBe('Cb5'); // Gb major has Cb
    expect(pitchName(spellMidi(65, 6))).toBe('E#4'); // F# major has E#
  });

  it('round-trips every MIDI note through its spelling', () => {
    for (let m = 0; m < 128; m++) {
      for (const k of [-7, -3, 0, 4, 7]) expect(midiOf(spellMidi(m, k))).toBe(m);
    }
  });

  it('chroma wraps alterations', () => {
    expect(chroma({ step: 'B', alter: 1 })).toBe(0);
    expect(chroma({ step: 'C', alter: -1 })).toBe(11);
  });
});

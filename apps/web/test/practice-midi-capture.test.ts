import { describe, expect, it } from 'vitest';
import {
  midiName,
  notesFromMidiMessages,
  readNoteMessage,
  type TimedMidiMessage,
} from '../src/pages/practice/midi-capture.js';
import { countIn, feltBeats, parseMeter, shiftTimemap } from '../src/pages/practice/practice-timing.js';

const on = (midi: number, at: number, velocity = 90, channel = 0): TimedMidiMessage => ({
  data: [0x90 | channel, midi, velocity],
  at,
});
const off = (midi: number, at: number): TimedMidiMessage => ({ data: [0x80, midi, 64], at });

describe('reading MIDI messages', () => {
  it.each([
    [[0x90, 60, 100], { kind: 'on', midi: 60, velocity: 100 }],
    [[0x9f, 61, 1], { kind: 'on', midi: 61, velocity: 1 }],
    [[0x80, 60, 64], { kind: 'off', midi: 60 }],
    [[0x90, 60, 0], { kind: 'off', midi: 60 }],
    [[0x8a, 72, 0], { kind: 'off', midi: 72 }],
  ])('%j is %j', (data, expected) => {
    expect(readNoteMessage(data)).toEqual(expected);
  });

  it.each([[[0xb0, 64, 127]], [[0xf8]], [[0xfe]], [[0x90, 60]], [[]], [[0xe0, 0, 64]]])(
    '%j is not a note',
    (data) => {
      expect(readNoteMessage(data)).toBeUndefined();
    },
  );

  it.each([
    [60, 'C4'],
    [61, 'C♯4'],
    [21, 'A0'],
    [70, 'B♭4'],
    [108, 'C8'],
  ])('MIDI %d is %s', (midi, name) => expect(midiName(midi)).toBe(name));
});

describe('notes from a take', () => {
  it('pairs presses and releases into notes in seconds from the origin, sorted by onset then pitch', () => {
    const messages = [
      on(64, 1500),
      on(60, 1000, 80),
      off(60, 1400),
      { data: [0x90, 64, 0], at: 1900 },
      on(48, 1500, 70),
      off(48, 2500),
    ];
    expect(notesFromMidiMessages(messages, { originAt: 1000, stopAt: 3000 })).toEqual([
      { midi: 60, start: 0, end: 0.4, velocity: 80 },
      { midi: 48, start: 0.5, end: 1.5, velocity: 70 },
      { midi: 64, start: 0.5, end: 0.9, velocity: 90 },
    ]);
  });

  it('ends a key pressed again before release at the new press, and a held key at Stop', () => {
    const notes = notesFromMidiMessages([on(62, 0), on(62, 500), off(62, 700), on(67, 800)], {
      originAt: 0,
      stopAt: 1200,
    });
    expect(notes.map(({ midi, start, end }) => [midi, start, end])).toEqual([
      [62, 0, 0.5],
      [62, 0.5, 0.7],
      [67, 0.8, 1.2],
    ]);
  });

  it('ignores releases without a press, control changes, and messages before Start or after Stop', () => {
    const messages: TimedMidiMessage[] = [
      on(55, 50),
      off(55, 150),
      off(57, 300),
      { data: [0xb0, 64, 127], at: 320 },
      on(59, 400),
      off(59, 600),
      on(60, 2100),
    ];
    const notes = notesFromMidiMessages(messages, { originAt: 200, stopAt: 2000, ignoreBefore: 200 });
    expect(notes).toEqual([{ midi: 59, start: 0.2, end: 0.4, velocity: 90 }]);
  });

  it('gives a key released at once a short length, so its end is after its start', () => {
    const [note] = notesFromMidiMessages([on(60, 100), off(60, 100)], { originAt: 0, stopAt: 500 });
    expect(note?.start).toBe(0.1);
    expect(note?.end).toBeCloseTo(0.11, 10);
  });

  it('keeps each channel’s notes (a split keyboard sends two)', () => {
    const notes = notesFromMidiMessages([on(40, 0, 60, 1), on(72, 0, 60, 0), off(40, 400), off(72, 400)], {
      originAt: 0,
      stopAt: 1000,
    });
    expect(notes.map((note) => note.midi)).toEqual([40, 72]);
  });
});

describe('count-in and the audio offset', () => {
  it.each([
    ['4/4', 4, 1],
    ['3/4', 3, 1],
    ['2/2', 2, 2],
    ['6/8', 2, 1.5],
    ['12/8', 4, 1.5],
    ['3/8', 3, 0.5],
    ['nonsense', 4, 1],
  ])('%s has %d felt beats of %d quarter notes', (text, count, quarters) => {
    expect(feltBeats(parseMeter(text))).toEqual({ count, quarters });
  });

  it('clicks every beat of the bar at the tempo, the downbeat accented', () => {
    const { clicks, length } = countIn(parseMeter('3/4'), 120, 2);
    expect(clicks.map((click) => click.at)).toEqual([0, 500, 1000, 1500, 2000, 2500]);
    expect(clicks.map((click) => click.accent)).toEqual([true, false, false, true, false, false]);
    expect(length).toBe(3000);
  });

  it('in 6/8 at 90 quarter notes a minute clicks two dotted quarters a second apart', () => {
    const { clicks, length } = countIn(parseMeter('6/8'), 90, 1);
    expect(clicks.map((click) => click.at)).toEqual([0, 1000]);
    expect(length).toBe(2000);
  });

  it('moves every timemap moment later by the count-in', () => {
    const shifted = shiftTimemap(
      [
        { tstamp: 0, on: ['a'] },
        { tstamp: 500, off: ['a'] },
      ],
      2000,
    );
    expect(shifted.map((entry) => entry.tstamp)).toEqual([2000, 2500]);
    expect(shifted[0]?.on).toEqual(['a']);
  });
});

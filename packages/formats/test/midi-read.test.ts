import { describe, expect, it } from 'vitest';
import { MusicError, parseKey, pitchName, rat, ZERO } from '@cadenza/core';
import {
  decodeMidiFile,
  encodeMidiFile,
  parseMidiTrackName,
  readMidi,
  type MidiEvent,
} from '@cadenza/formats';

/** Bytes from a hex dump such as "00 90 3C 40"; spaces and "|" separate events for the reader. */
const hex = (dump: string): number[] =>
  dump
    .split(/[\s|]+/)
    .filter(Boolean)
    .map((h) => parseInt(h, 16));

/** A MIDI file from hand-written track bodies (delta times and events, as a hex dump each). */
function smf(format: number, ticksPerQuarter: number, ...tracks: string[]): Uint8Array {
  const out = [
    ...hex('4D 54 68 64 00 00 00 06 00'),
    format,
    0,
    tracks.length,
    ticksPerQuarter >> 8,
    ticksPerQuarter & 0xff,
  ];
  for (const track of tracks) {
    const body = hex(track);
    const n = body.length;
    out.push(...hex('4D 54 72 6B'), n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff, ...body);
  }
  return Uint8Array.from(out);
}
const END = '00 FF 2F 00';

const summary = (bytes: Uint8Array, part = 0) =>
  readMidi(bytes).parts[part]!.notes.map(
    (n) => `${pitchName(n.pitch)}@${n.position.n}/${n.position.d}+${n.duration.n}/${n.duration.d}`,
  );

describe('readMidi: events', () => {
  it('follows running status and treats note-on velocity 0 as note-off', () => {
    // One status byte (90) for four events: C4 on, C4 off (velocity 0), D4 on, D4 off.
    const bytes = smf(0, 96, `00 90 3C 40 | 60 3C 00 | 00 3E 50 | 60 3E 00 | ${END}`);
    expect(summary(bytes)).toEqual(['C4@0/1+1/1', 'D4@1/1+1/1']);
    expect(readMidi(bytes).parts[0]!.notes.map((n) => n.velocity)).toEqual([0x40, 0x50]);
  });

  it('pairs overlapping notes of one pitch first-in first-out', () => {
    // C4 on at 0 and 48, offs at 96 and 144: each off ends the oldest sounding C4.
    const bytes = smf(0, 96, `00 90 3C 5A | 30 90 3C 5B | 30 80 3C 00 | 30 80 3C 00 | ${END}`);
    expect(summary(bytes)).toEqual(['C4@0/1+1/1', 'C4@1/2+1/1']);
  });

  it('turns ticks into exact rationals (32 of 96 = 1/3) and ends hanging notes at the end of the track', () => {
    const bytes = smf(0, 96, '20 90 43 50 | 40 90 48 50 | 60 FF 2F 00');
    expect(summary(bytes)).toEqual(['G4@1/3+5/3', 'C5@1/1+1/1']);
  });

  it('splits a format-0 file into one part per channel, channel 10 as percussion, with programs', () => {
    const bytes = smf(
      0,
      96,
      `00 FF 03 04 53 6F 6E 67 | 00 C0 28 | 00 C1 21 | 00 C9 00 |
       00 90 4C 64 | 00 91 28 64 | 00 99 24 64 | 60 80 4C 00 | 00 81 28 00 | 00 89 24 00 | ${END}`,
    );
    const score = readMidi(bytes);
    expect(score.metadata.title).toBe('Song');
    expect(score.parts.map((p) => [p.name, p.program, p.clefs.join()])).toEqual([
      ['Channel 1', 40, 'treble'],
      ['Channel 2', 33, 'bass'],
      ['Drums', 0, 'percussion'],
    ]);
    expect(score.parts.map((p) => p.notes.map((n) => pitchName(n.pitch)))).toEqual([['E5'], ['E2'], ['C2']]);
  });

  it('reads tempo, meter and key meta events; MIDI defaults (120, 4/4, C) where the file is silent', () => {
    const conductor = `00 FF 51 03 0A 2C 2B | 00 FF 58 04 06 03 24 08 | 00 FF 59 02 03 01 | 83 60 FF 51 03 07 A1 20 | ${END}`;
    const oboe = `00 FF 03 04 4F 62 6F 65 | 00 90 42 50 | 60 80 42 00 | ${END}`;
    const score = readMidi(smf(1, 96, conductor, oboe));
    // 666 667 µs → 90 bpm; tick 480 (5 quarters): 500 000 µs → 120 bpm.
    expect(score.tempos.map((t) => [t.position, t.bpm])).toEqual([
      [ZERO, 90],
      [rat(5), 120],
    ]);
    expect(score.meters).toEqual([{ position: ZERO, timeSignature: { beats: 6, beatType: 8 } }]);
    expect(score.keys).toEqual([{ position: ZERO, key: parseKey('F# minor') }]);
    expect(score.parts.map((p) => p.name)).toEqual(['Oboe']);
    expect(score.parts[0]!.notes.map((n) => pitchName(n.pitch))).toEqual(['F#4']);
    expect(score.pickup).toEqual(ZERO);
    const silent = readMidi(smf(1, 96, END, `00 90 3C 50 | 60 80 3C 00 | ${END}`));
    expect([silent.tempos[0]!.bpm, silent.meters[0]!.timeSignature, silent.keys[0]!.key]).toEqual([
      120,
      { beats: 4, beatType: 4 },
      parseKey('C major'),
    ]);
  });

  it('spells each note in the key in force at its onset', () => {
    // MIDI 68 in A minor (no sharps, minor flag) is G#4; after a change to Eb major at beat 1 it is Ab4.
    const conductor = `00 FF 59 02 00 01 | 60 FF 59 02 FD 00 | ${END}`;
    const notes = `00 90 44 50 | 30 80 44 00 | 30 90 44 50 | 30 80 44 00 | 00 90 46 50 | 10 80 46 00 | ${END}`;
    expect(summary(smf(1, 96, conductor, notes))).toEqual(['G#4@0/1+1/2', 'Ab4@1/1+1/2', 'Bb4@3/2+1/6']);
  });

  it('reads sustain-pedal spans from CC64 (64 and above is down)', () => {
    const track = '00 B0 40 7F | 00 90 3C 50 | 60 B0 40 00 | 00 80 3C 00 | 00 B0 40 64 | 60 FF 2F 00';
    expect(readMidi(smf(0, 96, track)).parts[0]!.pedals).toEqual([
      { start: ZERO, end: rat(1) },
      { start: rat(1), end: rat(2) },
    ]);
  });

  it('decodes Latin-1 names as well as UTF-8', () => {
    const latin = smf(0, 96, `00 FF 03 03 5A E9 7A | 00 90 3C 01 | 60 80 3C 00 | ${END}`);
    expect(readMidi(latin).metadata.title).toBe('Zéz');
    const text = 'Für Elise ♪';
    const utf8 = encodeMidiFile({
      format: 0,
      ticksPerQuarter: 96,
      tracks: [[{ type: 'trackName', tick: 0, text }]],
    });
    expect(decodeMidiFile(utf8).tracks[0]![0]).toEqual({ type: 'trackName', tick: 0, text });
  });
});

describe('readMidi: bad input fails loudly', () => {
  it.each([
    ['not a MIDI file', Uint8Array.from([1, 2, 3]), /not a MIDI file/],
    ['SMPTE timing', smf(0, 0xe728, END), /SMPTE/],
    ['a track cut short', smf(0, 96, '00 90 3C'), /cut short/],
  ])('%s', (_, bytes, message) => {
    expect(() => readMidi(bytes)).toThrow(MusicError);
    expect(() => readMidi(bytes)).toThrow(message);
  });
});

describe('codec round trip', () => {
  it('encodes and decodes every event kind unchanged', () => {
    const events: MidiEvent[] = [
      { type: 'trackName', tick: 0, text: 'All' },
      { type: 'text', tick: 0, metaType: 5, text: 'la' },
      { type: 'setTempo', tick: 0, microsecondsPerQuarter: 500000 },
      {
        type: 'timeSignature',
        tick: 0,
        numerator: 7,
        denominator: 8,
        clocksPerClick: 12,
        thirtySecondsPerQuarter: 8,
      },
      { type: 'keySignature', tick: 0, sharpsFlats: -7, minor: true },
      { type: 'programChange', tick: 0, channel: 15, program: 127 },
      { type: 'noteOn', tick: 200000, channel: 3, key: 127, velocity: 1 },
      { type: 'controller', tick: 200000, channel: 3, controller: 64, value: 127 },
      { type: 'pitchBend', tick: 200001, channel: 3, data: [0, 64] },
      { type: 'noteOff', tick: 200002, channel: 3, key: 127, velocity: 0 },
      { type: 'sysEx', tick: 200002, code: 0xf0, data: Uint8Array.from([0x7e, 0x7f, 0x09, 0x01, 0xf7]) },
      { type: 'endOfTrack', tick: 200003 },
    ];
    expect(
      decodeMidiFile(encodeMidiFile({ format: 0, ticksPerQuarter: 480, tracks: [events] })).tracks,
    ).toEqual([events]);
  });
});

describe('track names', () => {
  it.each([
    ['Piano RH', undefined, 'Piano', 1, 1, 2],
    ['Piano LH voice 2', undefined, 'Piano', 2, 2, 2],
    ['Organ (staff 3) voice 3', undefined, 'Organ', 3, 3, 3],
    ['Violin voice 2', undefined, 'Violin', 1, 2, 1],
    ['Bass', undefined, 'Bass', 1, 1, 1],
    ['RH', undefined, 'RH', 1, 1, 1],
    // With the instrument name stored by the writer, a part called "Left RH" is not cut.
    ['Left RH', 'Left RH', 'Left RH', 1, 1, 1],
    ['Left RH LH', 'Left RH', 'Left RH', 2, 1, 2],
  ])(
    '%s (instrument %s) → %s, staff %i, voice %i',
    (trackName, instrument, partName, staff, voice, staves) => {
      expect(parseMidiTrackName(trackName, instrument)).toEqual({
        partName,
        staff,
        voice,
        stavesAtLeast: staves,
      });
    },
  );
});

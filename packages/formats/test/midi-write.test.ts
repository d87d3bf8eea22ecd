import { parseMidi, writeMidi as writeMidiFilePackage } from 'midi-file';
import { describe, expect, it } from 'vitest';
import {
  bpm,
  createScore,
  keyFromFifths,
  MusicError,
  parseKey,
  parsePitch,
  rat,
  ZERO,
  type Note,
  type PartInit,
  type ScoreInit,
} from '@cadenza/core';
import { decodeMidiFile, readMidi, writeMidi, type MidiEvent, type MidiTrack } from '@cadenza/formats';

const note = (
  name: string,
  position: [number, number?],
  duration: [number, number?],
  extra: Partial<Note> = {},
): Note => ({
  pitch: parsePitch(name),
  position: rat(...position),
  duration: rat(...duration),
  staff: 1,
  voice: 1,
  ...extra,
});

const piano = (notes: Note[], extra: Partial<PartInit> = {}): PartInit => ({
  name: 'Piano',
  staves: 1,
  clefs: ['treble'],
  notes,
  ...extra,
});

/** Index of a byte sequence inside another, or -1. */
function indexOfBytes(haystack: Uint8Array, needle: readonly number[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let k = 0; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

const notesOf = (track: MidiTrack): string[] =>
  track
    .filter((e) => e.type === 'noteOn' || e.type === 'noteOff')
    .map((e) => (e.type === 'noteOn' ? `on ${e.key}@${e.tick}` : `off ${e.key}@${e.tick}`));

const noteOns = (track: MidiTrack): Extract<MidiEvent, { type: 'noteOn' }>[] =>
  track.filter((e): e is Extract<MidiEvent, { type: 'noteOn' }> => e.type === 'noteOn');

const C_MAJOR_SCALE = ['C4', 'D4', 'E4', 'F4', 'G4', 'A4', 'B4', 'C5'];
const scaleScore = (init: Partial<ScoreInit> = {}) =>
  createScore({
    metadata: { title: 'Scale' },
    tempos: [{ position: ZERO, bpm: bpm(90) }],
    meters: [{ position: ZERO, timeSignature: { beats: 6, beatType: 8 } }],
    keys: [{ position: ZERO, key: parseKey('Eb major') }],
    parts: [piano(C_MAJOR_SCALE.map((n, i) => note(n, [i], [1])))],
    ...init,
  });

describe('writeMidi: exact bytes', () => {
  const bytes = writeMidi(scaleScore());

  it('writes an MThd header: format 1, conductor + one track, 960 ticks per quarter', () => {
    expect([...bytes.subarray(0, 14)]).toEqual([0x4d, 0x54, 0x68, 0x64, 0, 0, 0, 6, 0, 1, 0, 2, 0x03, 0xc0]);
    expect([...bytes.subarray(14, 18)]).toEqual([0x4d, 0x54, 0x72, 0x6b]); // first MTrk
  });

  it('writes ♩ = 90 as 666 667 µs per quarter (FF 51 03 0A 2C 2B)', () => {
    expect(indexOfBytes(bytes, [0xff, 0x51, 0x03, 0x0a, 0x2c, 0x2b])).toBeGreaterThan(0);
  });

  it('writes 6/8 as FF 58 04 06 03 24 08: lower number as a power of two, a click every dotted quarter (36 clocks)', () => {
    expect(indexOfBytes(bytes, [0xff, 0x58, 0x04, 0x06, 0x03, 0x24, 0x08])).toBeGreaterThan(0);
    const fourFour = writeMidi(
      scaleScore({ meters: [{ position: ZERO, timeSignature: { beats: 4, beatType: 4 } }] }),
    );
    expect(indexOfBytes(fourFour, [0xff, 0x58, 0x04, 0x04, 0x02, 0x18, 0x08])).toBeGreaterThan(0);
  });

  it('writes E♭ major as sf = -3, mi = 0 and C minor as sf = -3, mi = 1', () => {
    expect(indexOfBytes(bytes, [0xff, 0x59, 0x02, 0xfd, 0x00])).toBeGreaterThan(0);
    const cMinor = writeMidi(scaleScore({ keys: [{ position: ZERO, key: parseKey('C minor') }] }));
    expect(indexOfBytes(cMinor, [0xff, 0x59, 0x02, 0xfd, 0x01])).toBeGreaterThan(0);
  });

  it('names the conductor track after the title and puts tempo, meter and key there', () => {
    const conductor = decodeMidiFile(bytes).tracks[0]!;
    expect(conductor.map((e) => e.type)).toEqual([
      'trackName',
      'setTempo',
      'timeSignature',
      'keySignature',
      'endOfTrack',
    ]);
    expect(conductor[0]).toEqual({ type: 'trackName', tick: 0, text: 'Scale' });
  });

  it('plays a C major scale of quarter notes at 0, 960, … with each note-off before the next note-on', () => {
    const track = decodeMidiFile(bytes).tracks[1]!;
    const keys = [60, 62, 64, 65, 67, 69, 71, 72];
    // At a shared tick the release comes first: off 60@960 precedes on 62@960.
    const expected = [
      'on 60@0',
      ...keys.slice(1).flatMap((k, i) => [`off ${keys[i]!}@${(i + 1) * 960}`, `on ${k}@${(i + 1) * 960}`]),
      'off 72@7680',
    ];
    expect(notesOf(track)).toEqual(expected);
    expect(track[0]).toEqual({ type: 'trackName', tick: 0, text: 'Piano' });
    expect(track.find((e) => e.type === 'programChange')).toEqual({
      type: 'programChange',
      tick: 0,
      channel: 0,
      program: 0,
    });
  });
});

describe('writeMidi: performance', () => {
  it('writes a sustain-pedal span as CC64 127 … CC64 0 (B0 40 7F / B0 40 00)', () => {
    const bytes = writeMidi(
      scaleScore({ parts: [piano([note('C4', [0], [4])], { pedals: [{ start: ZERO, end: rat(4) }] })] }),
    );
    const track = decodeMidiFile(bytes).tracks[1]!;
    const pedal = track.filter((e) => e.type === 'controller');
    expect(pedal).toEqual([
      { type: 'controller', tick: 0, channel: 0, controller: 64, value: 127 },
      { type: 'controller', tick: 3840, channel: 0, controller: 64, value: 0 },
    ]);
    expect(indexOfBytes(bytes, [0xb0, 0x40, 0x7f])).toBeGreaterThan(0);
    expect(indexOfBytes(bytes, [0xb0, 0x40, 0x00])).toBeGreaterThan(0);
  });

  it('takes velocity from the note, else from the dynamic mark in force (p = 49), else 80', () => {
    const parts = [
      piano([note('C4', [0], [1], { velocity: 100 }), note('D4', [1], [1]), note('E4', [2], [1])]),
    ];
    const dynamics = [{ position: rat(2), partId: 'P1', staff: 1, mark: 'p' as const }];
    const velocities = (performance: boolean) =>
      noteOns(decodeMidiFile(writeMidi(scaleScore({ parts, dynamics }), { performance })).tracks[1]!).map(
        (e) => e.velocity,
      );
    expect(velocities(true)).toEqual([100, 80, 49]);
    // Notation only: the note's own velocity is performance, the p mark is notation.
    expect(velocities(false)).toEqual([80, 80, 49]);
  });

  it('moves a swung eighth (offset +1/6 quarter) 160 ticks late with performance on, not at all with it off', () => {
    const parts = [piano([note('C4', [0], [1, 2]), note('D4', [1, 2], [1, 2], { offset: 1 / 6 })])];
    const on = (performance: boolean) =>
      decodeMidiFile(writeMidi(scaleScore({ parts }), { performance })).tracks[1]!;
    expect(notesOf(on(true))).toEqual(['on 60@0', 'off 60@480', 'on 62@640', 'off 62@960']);
    expect(notesOf(on(false))).toEqual(['on 60@0', 'off 60@480', 'on 62@480', 'off 62@960']);
    // Read back, the performed onset is what the file holds: 640 ticks = 2/3 of a quarter.
    expect(readMidi(writeMidi(scaleScore({ parts }))).parts[0]!.notes[1]!.position).toEqual(rat(2, 3));
  });

  it('places triplets and quintuplets exactly at 960 ticks per quarter', () => {
    const parts = [piano([note('C4', [1, 3], [1, 3]), note('E4', [2, 5], [1, 5])])];
    const track = decodeMidiFile(writeMidi(scaleScore({ parts }))).tracks[1]!;
    expect(notesOf(track)).toEqual(['on 60@320', 'on 64@384', 'off 64@576', 'off 60@640']);
  });

  it('refuses a septuplet at 960 ticks per quarter and names a resolution that works', () => {
    const parts = [piano([note('C4', [1, 7], [1, 7])])];
    expect(() => writeMidi(scaleScore({ parts }))).toThrow(MusicError);
    expect(() => writeMidi(scaleScore({ parts }))).toThrow(
      /C4 in Piano at 1\/7 quarter notes.*ticksPerQuarter: 6720/,
    );
    const track = decodeMidiFile(writeMidi(scaleScore({ parts }), { ticksPerQuarter: 6720 })).tracks[1]!;
    expect(notesOf(track)).toEqual(['on 60@960', 'off 60@1920']);
  });
});

describe('writeMidi: tracks, channels, keys, pickup', () => {
  it('writes one track per staff and per extra voice, named so the reader can regroup them', () => {
    const score = createScore({
      parts: [
        {
          name: 'Piano',
          staves: 2,
          notes: [
            note('E4', [0], [1]),
            note('C3', [0], [2], { staff: 2 }),
            note('G2', [0], [1], { staff: 2, voice: 2 }),
          ],
        },
        { name: 'Flute', notes: [note('G5', [0], [1]), note('B5', [0], [1], { voice: 2 })] },
      ],
    });
    const file = decodeMidiFile(writeMidi(score));
    const names = file.tracks.slice(1).map((t) => t.find((e) => e.type === 'trackName'));
    expect(names.map((e) => (e?.type === 'trackName' ? e.text : ''))).toEqual([
      'Piano RH',
      'Piano LH',
      'Piano LH voice 2',
      'Flute',
      'Flute voice 2',
    ]);
    const channels = file.tracks.slice(1).map((t) => t.find((e) => e.type === 'programChange'));
    expect(channels.map((e) => (e?.type === 'programChange' ? e.channel : -1))).toEqual([0, 0, 0, 1, 1]);
  });

  it('gives every part its own channel, skipping channel 10 except for percussion', () => {
    const parts: PartInit[] = Array.from({ length: 11 }, (_, i) => ({
      name: `P${i}`,
      program: i,
      notes: [note('C4', [0], [1])],
    }));
    parts.push({ name: 'Kit', clefs: ['percussion'], notes: [note('C2', [0], [1])] });
    const file = decodeMidiFile(writeMidi(createScore({ parts })));
    const channels = file.tracks.slice(1).map((t) => noteOns(t)[0]?.channel);
    expect(channels).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 9]);
  });

  it('writes D dorian as its signature with the minor flag, plus a text naming the mode, and reads D dorian back', () => {
    const score = scaleScore({ keys: [{ position: ZERO, key: parseKey('D dorian') }] });
    const bytes = writeMidi(score);
    const conductor = decodeMidiFile(bytes).tracks[0]!;
    expect(conductor).toContainEqual({ type: 'keySignature', tick: 0, sharpsFlats: 0, minor: true });
    expect(conductor).toContainEqual({ type: 'text', tick: 0, metaType: 1, text: 'Key: D dorian' });
    expect(readMidi(bytes).keys).toEqual([{ position: ZERO, key: parseKey('D dorian') }]);
  });

  it('refuses a key that needs more than 7 sharps', () => {
    const score = scaleScore({ keys: [{ position: ZERO, key: keyFromFifths(8) }] });
    expect(() => writeMidi(score)).toThrow(/G# major needs 8 sharps/);
  });

  it('writes a one-beat pickup in 4/4 as a 1/4 measure followed by 4/4 (MIDI has no pickup)', () => {
    const score = scaleScore({
      pickup: rat(1),
      meters: [{ position: ZERO, timeSignature: { beats: 4, beatType: 4 } }],
    });
    const conductor = decodeMidiFile(writeMidi(score)).tracks[0]!;
    const meters = conductor
      .filter((e) => e.type === 'timeSignature')
      .map((e) => `${e.numerator}/${e.denominator}@${e.tick}`);
    expect(meters).toEqual(['1/4@0', '4/4@960']);
  });

  it('writes sections as markers and reads them back', () => {
    const score = scaleScore({
      sections: [
        { position: ZERO, label: 'Intro' },
        { position: rat(3), label: 'A' },
      ],
    });
    expect(readMidi(writeMidi(score)).sections).toEqual(score.sections);
  });
});

describe('agreement with an independent codec (the midi-file package)', () => {
  const score = createScore({
    metadata: { title: 'Two hands' },
    parts: [
      {
        name: 'Piano',
        staves: 2,
        notes: [note('E4', [0], [1, 3]), note('G4', [1, 3], [2, 3]), note('C3', [0], [2], { staff: 2 })],
        pedals: [{ start: ZERO, end: rat(2) }],
      },
    ],
  });

  it('midi-file parses our bytes into the same header and note events', () => {
    const bytes = writeMidi(score);
    const theirs = parseMidi(bytes);
    expect(theirs.header).toMatchObject({ format: 1, numTracks: 3, ticksPerBeat: 960 });
    const absolute = theirs.tracks.map((track) => {
      let tick = 0;
      return track.flatMap((e) => {
        tick += e.deltaTime;
        return e.type === 'noteOn' || e.type === 'noteOff'
          ? [`${e.type === 'noteOn' && e.velocity > 0 ? 'on' : 'off'} ${e.noteNumber}@${tick}`]
          : [];
      });
    });
    expect(absolute).toEqual(decodeMidiFile(bytes).tracks.map(notesOf));
    expect(absolute[1]).toEqual(['on 64@0', 'off 64@320', 'on 67@320', 'off 67@960']);
  });

  it('readMidi reads a file midi-file wrote with running status and note-on velocity 0 as note-off', () => {
    const ours = writeMidi(score);
    const theirs = parseMidi(ours);
    // Velocity-0 note-offs are written as 90 xx 00, so each track needs a single status byte for all its notes.
    const tracks = theirs.tracks.map((t) => t.map((e) => (e.type === 'noteOff' ? { ...e, velocity: 0 } : e)));
    const rewritten = Uint8Array.from(
      writeMidiFilePackage({ ...theirs, tracks }, { running: true, useByte9ForNoteOff: true }),
    );
    expect(rewritten.length).toBeLessThan(ours.length);
    const back = readMidi(rewritten);
    expect(back.parts[0]!.notes).toEqual(readMidi(writeMidi(score)).parts[0]!.notes);
    expect(back.parts[0]!.notes.map((n) => [n.pitch.step, n.position, n.duration, n.staff])).toEqual([
      ['E', ZERO, rat(1, 3), 1],
      ['C', ZERO, rat(2), 2],
      ['G', rat(1, 3), rat(2, 3), 1],
    ]);
    expect(back.parts[0]!.pedals).toEqual([{ start: ZERO, end: rat(2) }]);
  });
});

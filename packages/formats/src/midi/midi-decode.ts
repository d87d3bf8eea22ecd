import { MusicError } from '@cadenza/core';
import { META, STATUS, type MidiEvent, type MidiFile, type MidiTrack } from './midi-bytes.js';
import { decodeText } from './midi-text.js';

/** Reads big-endian numbers and variable-length quantities, failing with a clear message at the end of data. */
class ByteSource {
  constructor(
    private readonly bytes: Uint8Array,
    public pos: number,
    private readonly end: number,
    private readonly where: string,
  ) {}
  get done(): boolean {
    return this.pos >= this.end;
  }
  byte(): number {
    if (this.pos >= this.end)
      throw new MusicError(`this MIDI file is cut short: ${this.where} ends in the middle of an event`);
    return this.bytes[this.pos++] as number;
  }
  peek(): number {
    if (this.pos >= this.end)
      throw new MusicError(`this MIDI file is cut short: ${this.where} ends in the middle of an event`);
    return this.bytes[this.pos] as number;
  }
  slice(length: number): Uint8Array {
    if (this.pos + length > this.end) {
      throw new MusicError(`this MIDI file is cut short: ${this.where} ends inside a ${length}-byte event`);
    }
    const out = this.bytes.slice(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }
  variableLength(): number {
    let value = 0;
    for (let i = 0; i < 4; i++) {
      const b = this.byte();
      value = value * 128 + (b & 0x7f);
      if ((b & 0x80) === 0) return value;
    }
    throw new MusicError(`${this.where} has a time or length longer than four bytes: the file is damaged`);
  }
}

const ascii = (bytes: Uint8Array, at: number): string => String.fromCharCode(...bytes.subarray(at, at + 4));

function uint32(bytes: Uint8Array, at: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset + at, 4).getUint32(0);
}

function uint16(bytes: Uint8Array, at: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset + at, 2).getUint16(0);
}

function decodeMeta(tick: number, type: number, data: Uint8Array): MidiEvent {
  if (type === META.trackName) return { type: 'trackName', tick, text: decodeText(data) };
  if (type >= 0x01 && type <= 0x0f) return { type: 'text', tick, metaType: type, text: decodeText(data) };
  if (type === META.endOfTrack) return { type: 'endOfTrack', tick };
  if (type === META.setTempo && data.length >= 3) {
    const us = ((data[0] as number) << 16) | ((data[1] as number) << 8) | (data[2] as number);
    if (us > 0) return { type: 'setTempo', tick, microsecondsPerQuarter: us };
  }
  if (type === META.timeSignature && data.length >= 2) {
    return {
      type: 'timeSignature',
      tick,
      numerator: data[0] as number,
      denominator: 2 ** (data[1] as number),
      clocksPerClick: data[2] ?? 24,
      thirtySecondsPerQuarter: data[3] ?? 8,
    };
  }
  if (type === META.keySignature && data.length >= 2) {
    const sf = ((data[0] as number) << 24) >> 24; // signed byte
    if (Math.abs(sf) <= 7) return { type: 'keySignature', tick, sharpsFlats: sf, minor: data[1] === 1 };
  }
  return { type: 'rawMeta', tick, code: type, data };
}

function decodeChannelEvent(tick: number, status: number, src: ByteSource): MidiEvent {
  const channel = status & 0x0f;
  const kind = status & 0xf0;
  const a = src.byte() & 0x7f;
  switch (kind) {
    case STATUS.programChange:
      return { type: 'programChange', tick, channel, program: a };
    case STATUS.channelAftertouch:
      return { type: 'channelAftertouch', tick, channel, data: [a] };
    default:
      break;
  }
  const b = src.byte() & 0x7f;
  switch (kind) {
    case STATUS.noteOn:
      // A note-on with velocity 0 is a note-off by the SMF convention (it lets running status continue).
      return b === 0
        ? { type: 'noteOff', tick, channel, key: a, velocity: 64 }
        : { type: 'noteOn', tick, channel, key: a, velocity: b };
    case STATUS.noteOff:
      return { type: 'noteOff', tick, channel, key: a, velocity: b };
    case STATUS.controller:
      return { type: 'controller', tick, channel, controller: a, value: b };
    case STATUS.polyAftertouch:
      return { type: 'polyAftertouch', tick, channel, data: [a, b] };
    default:
      return { type: 'pitchBend', tick, channel, data: [a, b] };
  }
}

function decodeTrack(src: ByteSource): MidiTrack {
  const events: MidiEvent[] = [];
  let tick = 0;
  let running = 0;
  while (!src.done) {
    tick += src.variableLength();
    let status = src.peek();
    if (status < 0x80) {
      // Running status: the previous channel status applies. Meta and sysex events do not cancel it
      // here, because real files rely on that although the spec says they should.
      if (running === 0)
        throw new MusicError(
          `a MIDI track starts with data byte ${status} but no status byte: the file is damaged`,
        );
      status = running;
    } else {
      src.pos++;
    }
    if (status === 0xff) {
      const type = src.byte();
      const event = decodeMeta(tick, type, src.slice(src.variableLength()));
      events.push(event);
      if (event.type === 'endOfTrack') break;
    } else if (status === 0xf0 || status === 0xf7) {
      events.push({ type: 'sysEx', tick, code: status, data: src.slice(src.variableLength()) });
    } else if (status >= 0xf1) {
      throw new MusicError(
        `status byte 0x${status.toString(16)} cannot appear in a MIDI file track: the file is damaged`,
      );
    } else {
      running = status;
      events.push(decodeChannelEvent(tick, status, src));
    }
  }
  return events;
}

/**
 * Decodes a Standard MIDI File (format 0, 1 or 2). Chunks other than MThd/MTrk are skipped, running
 * status is honoured, and a note-on with velocity 0 becomes a note-off. Throws a `MusicError` for
 * data that is not a MIDI file, SMPTE time division, or a file cut short.
 */
export function decodeMidiFile(bytes: Uint8Array): MidiFile {
  if (bytes.length < 14 || ascii(bytes, 0) !== 'MThd') {
    throw new MusicError('this is not a MIDI file: it does not start with the "MThd" header');
  }
  const headerLength = uint32(bytes, 4);
  const format = uint16(bytes, 8);
  const declaredTracks = uint16(bytes, 10);
  const division = uint16(bytes, 12);
  if (format > 2)
    throw new MusicError(`MIDI file format ${format} is unknown: only formats 0, 1 and 2 exist`);
  if (division & 0x8000) {
    throw new MusicError(
      'this MIDI file counts time in SMPTE frames; only files timed in ticks per quarter note can be read',
    );
  }
  if (division === 0)
    throw new MusicError('this MIDI file has 0 ticks per quarter note: the header is damaged');
  const tracks: MidiTrack[] = [];
  let at = 8 + headerLength;
  while (at + 8 <= bytes.length) {
    const id = ascii(bytes, at);
    const length = uint32(bytes, at + 4);
    const start = at + 8;
    // A last chunk that claims more bytes than the file has is read up to the end of the data.
    const end = Math.min(start + length, bytes.length);
    if (id === 'MTrk') tracks.push(decodeTrack(new ByteSource(bytes, start, end, `track ${tracks.length}`)));
    at = start + length;
  }
  if (tracks.length === 0)
    throw new MusicError(`this MIDI file has no tracks (its header promised ${declaredTracks})`);
  return { format: format as 0 | 1 | 2, ticksPerQuarter: division, tracks };
}

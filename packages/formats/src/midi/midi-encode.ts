import { MusicError } from '@cadenza/core';
import { MAX_VARIABLE_LENGTH, META, STATUS, type MidiEvent, type MidiFile } from './midi-bytes.js';
import { encodeText } from './midi-text.js';

/** Appends bytes to a growing buffer. */
class ByteSink {
  private bytes: number[] = [];
  get length(): number {
    return this.bytes.length;
  }
  push(...values: number[]): void {
    for (const v of values) this.bytes.push(v & 0xff);
  }
  pushAll(values: ArrayLike<number>): void {
    for (let i = 0; i < values.length; i++) this.bytes.push((values[i] as number) & 0xff);
  }
  uint32(value: number): void {
    this.push(value >>> 24, value >>> 16, value >>> 8, value);
  }
  uint16(value: number): void {
    this.push(value >>> 8, value);
  }
  variableLength(value: number): void {
    if (!Number.isInteger(value) || value < 0 || value > MAX_VARIABLE_LENGTH) {
      throw new MusicError(
        `a MIDI time or length must be a whole number from 0 to ${MAX_VARIABLE_LENGTH}, got ${value}`,
      );
    }
    const groups = [value & 0x7f];
    for (let v = value >>> 7; v > 0; v >>>= 7) groups.unshift((v & 0x7f) | 0x80);
    this.push(...groups);
  }
  toArray(): number[] {
    return this.bytes;
  }
}

function dataByte(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 127) {
    throw new MusicError(`${what} must be a whole number from 0 to 127, got ${value}`);
  }
  return value;
}

function channelStatus(status: number, channel: number): number {
  if (!Number.isInteger(channel) || channel < 0 || channel > 15) {
    throw new MusicError(`a MIDI channel must be 0–15 (channels 1–16), got ${channel}`);
  }
  return status | channel;
}

function meta(sink: ByteSink, type: number, data: ArrayLike<number>): void {
  sink.push(0xff, type);
  sink.variableLength(data.length);
  sink.pushAll(data);
}

/** Writes one event without its delta time. Running status is not used: every event carries its status. */
function writeEvent(sink: ByteSink, e: MidiEvent): void {
  switch (e.type) {
    case 'noteOn':
    case 'noteOff':
      sink.push(
        channelStatus(e.type === 'noteOn' ? STATUS.noteOn : STATUS.noteOff, e.channel),
        dataByte(e.key, 'a MIDI note number'),
        dataByte(e.velocity, 'a velocity'),
      );
      return;
    case 'controller':
      sink.push(
        channelStatus(STATUS.controller, e.channel),
        dataByte(e.controller, 'a controller'),
        dataByte(e.value, 'a controller value'),
      );
      return;
    case 'programChange':
      sink.push(channelStatus(STATUS.programChange, e.channel), dataByte(e.program, 'a MIDI program'));
      return;
    case 'polyAftertouch':
    case 'channelAftertouch':
    case 'pitchBend': {
      sink.push(channelStatus(STATUS[e.type], e.channel));
      for (const d of e.data) sink.push(dataByte(d, 'a MIDI data byte'));
      return;
    }
    case 'trackName':
      meta(sink, META.trackName, encodeText(e.text));
      return;
    case 'text':
      meta(sink, e.metaType, encodeText(e.text));
      return;
    case 'setTempo': {
      const us = e.microsecondsPerQuarter;
      if (!Number.isInteger(us) || us < 1 || us > 0xffffff) {
        throw new MusicError(`a MIDI tempo must be 1 to 16777215 microseconds per quarter note, got ${us}`);
      }
      meta(sink, META.setTempo, [us >>> 16, us >>> 8, us]);
      return;
    }
    case 'timeSignature': {
      const power = Math.log2(e.denominator);
      if (!Number.isInteger(power) || power < 0 || power > 255) {
        throw new MusicError(
          `a MIDI time signature needs a power-of-two lower number, got ${e.numerator}/${e.denominator}`,
        );
      }
      meta(sink, META.timeSignature, [e.numerator, power, e.clocksPerClick, e.thirtySecondsPerQuarter]);
      return;
    }
    case 'keySignature':
      if (!Number.isInteger(e.sharpsFlats) || Math.abs(e.sharpsFlats) > 7) {
        throw new MusicError(`a MIDI key signature has -7 to 7 sharps or flats, got ${e.sharpsFlats}`);
      }
      meta(sink, META.keySignature, [e.sharpsFlats & 0xff, e.minor ? 1 : 0]);
      return;
    case 'endOfTrack':
      meta(sink, META.endOfTrack, []);
      return;
    case 'rawMeta':
      meta(sink, e.code, e.data);
      return;
    case 'sysEx':
      sink.push(e.code);
      sink.variableLength(e.data.length);
      sink.pushAll(e.data);
      return;
  }
}

/**
 * Encodes a MIDI file. Events in each track must be in time order; an end-of-track event is added
 * after the last event when the track does not end with one.
 */
export function encodeMidiFile(file: MidiFile): Uint8Array {
  const tpq = file.ticksPerQuarter;
  if (!Number.isInteger(tpq) || tpq < 1 || tpq > 0x7fff) {
    throw new MusicError(`ticks per quarter note must be a whole number from 1 to 32767, got ${tpq}`);
  }
  if (file.format === 0 && file.tracks.length !== 1) {
    throw new MusicError(`a format 0 MIDI file has exactly one track, got ${file.tracks.length}`);
  }
  const out = new ByteSink();
  out.pushAll([0x4d, 0x54, 0x68, 0x64]); // "MThd"
  out.uint32(6);
  out.uint16(file.format);
  out.uint16(file.tracks.length);
  out.uint16(tpq);
  file.tracks.forEach((track, index) => {
    const body = new ByteSink();
    let previous = 0;
    for (const e of track) {
      if (e.tick < previous) {
        throw new MusicError(
          `MIDI track ${index} has an event at tick ${e.tick} after one at tick ${previous}: events must be in time order`,
        );
      }
      body.variableLength(e.tick - previous);
      writeEvent(body, e);
      previous = e.tick;
    }
    if (track[track.length - 1]?.type !== 'endOfTrack') {
      body.variableLength(0);
      writeEvent(body, { type: 'endOfTrack', tick: previous });
    }
    out.pushAll([0x4d, 0x54, 0x72, 0x6b]); // "MTrk"
    out.uint32(body.length);
    out.pushAll(body.toArray());
  });
  return Uint8Array.from(out.toArray());
}

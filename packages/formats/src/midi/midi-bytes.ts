/**
 * The Standard MIDI File (SMF) byte model: chunks, tracks and events, with absolute tick times.
 * This layer knows bytes only; `write-midi.ts` and `read-midi.ts` translate to and from the Score.
 */

/** A decoded or to-be-encoded Standard MIDI File. */
export interface MidiFile {
  /** 0 = one multi-channel track, 1 = simultaneous tracks (track 0 is the conductor track). */
  readonly format: 0 | 1 | 2;
  /** Ticks per quarter note (the header's division; SMPTE time codes are not supported). */
  readonly ticksPerQuarter: number;
  readonly tracks: readonly MidiTrack[];
}

/** Events of one track in file order; `tick` is absolute (from the start of the track), not a delta. */
export type MidiTrack = readonly MidiEvent[];

/** A channel event; `channel` is 0–15 (channel 10 of the GM spec is index 9). */
interface ChannelEventBase {
  readonly tick: number;
  readonly channel: number;
}

export interface NoteOnEvent extends ChannelEventBase {
  readonly type: 'noteOn';
  /** MIDI note number 0–127. */
  readonly key: number;
  /** 1–127; a note-on with velocity 0 is decoded as a `noteOff`. */
  readonly velocity: number;
}

export interface NoteOffEvent extends ChannelEventBase {
  readonly type: 'noteOff';
  readonly key: number;
  readonly velocity: number;
}

export interface ControllerEvent extends ChannelEventBase {
  readonly type: 'controller';
  /** Controller number 0–127 (64 = sustain pedal). */
  readonly controller: number;
  readonly value: number;
}

export interface ProgramChangeEvent extends ChannelEventBase {
  readonly type: 'programChange';
  /** General MIDI program 0–127. */
  readonly program: number;
}

/** Aftertouch and pitch bend: kept so files survive a decode/encode, not used by the Score. */
export interface OtherChannelEvent extends ChannelEventBase {
  readonly type: 'polyAftertouch' | 'channelAftertouch' | 'pitchBend';
  /** The one or two data bytes as they appear in the file. */
  readonly data: readonly number[];
}

export interface TrackNameEvent {
  readonly type: 'trackName';
  readonly tick: number;
  readonly text: string;
}

/** Any text meta event other than the track name (FF 01–0F): text, copyright, instrument name, lyric, marker … */
export interface TextMetaEvent {
  readonly type: 'text';
  readonly tick: number;
  /** The meta type byte 0x01–0x0F (0x02 copyright, 0x04 instrument name, 0x05 lyric, 0x06 marker). */
  readonly metaType: number;
  readonly text: string;
}

export interface SetTempoEvent {
  readonly type: 'setTempo';
  readonly tick: number;
  /** Microseconds per quarter note (1–16 777 215). */
  readonly microsecondsPerQuarter: number;
}

export interface TimeSignatureEvent {
  readonly type: 'timeSignature';
  readonly tick: number;
  readonly numerator: number;
  /** The denominator itself (4, 8 …); the file stores its base-2 logarithm. */
  readonly denominator: number;
  /** MIDI clocks (24 per quarter note) per metronome click: 24 in 4/4, 36 in 6/8. */
  readonly clocksPerClick: number;
  /** Notated 32nd notes per MIDI quarter note; 8 in practically every file. */
  readonly thirtySecondsPerQuarter: number;
}

export interface KeySignatureEvent {
  readonly type: 'keySignature';
  readonly tick: number;
  /** Sharps (positive) or flats (negative), -7 to 7. */
  readonly sharpsFlats: number;
  /** 0 = major, 1 = minor. */
  readonly minor: boolean;
}

export interface EndOfTrackEvent {
  readonly type: 'endOfTrack';
  readonly tick: number;
}

/** A meta or system-exclusive event this codec does not interpret, kept as raw bytes. */
export interface RawEvent {
  readonly type: 'rawMeta' | 'sysEx';
  readonly tick: number;
  /** Meta type byte for `rawMeta`; the status byte (0xF0 or 0xF7) for `sysEx`. */
  readonly code: number;
  readonly data: Uint8Array;
}

export type MidiEvent =
  | NoteOnEvent
  | NoteOffEvent
  | ControllerEvent
  | ProgramChangeEvent
  | OtherChannelEvent
  | TrackNameEvent
  | TextMetaEvent
  | SetTempoEvent
  | TimeSignatureEvent
  | KeySignatureEvent
  | EndOfTrackEvent
  | RawEvent;

/** Status nibbles of channel messages. */
export const STATUS = {
  noteOff: 0x80,
  noteOn: 0x90,
  polyAftertouch: 0xa0,
  controller: 0xb0,
  programChange: 0xc0,
  channelAftertouch: 0xd0,
  pitchBend: 0xe0,
} as const;

/** Meta event type bytes (after 0xFF). */
export const META = {
  text: 0x01,
  copyright: 0x02,
  trackName: 0x03,
  instrumentName: 0x04,
  marker: 0x06,
  endOfTrack: 0x2f,
  setTempo: 0x51,
  timeSignature: 0x58,
  keySignature: 0x59,
} as const;

/** Controller number of the sustain (damper) pedal. */
export const SUSTAIN_PEDAL = 64;

/** The largest value a variable-length quantity may hold (four bytes of seven bits). */
export const MAX_VARIABLE_LENGTH = 0x0fffffff;

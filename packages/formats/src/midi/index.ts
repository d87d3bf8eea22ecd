/** Standard MIDI Files: a byte codec (`encodeMidiFile`/`decodeMidiFile`) and translators to and from the Score. */
export type {
  ControllerEvent,
  EndOfTrackEvent,
  KeySignatureEvent,
  MidiEvent,
  MidiFile,
  MidiTrack,
  NoteOffEvent,
  NoteOnEvent,
  OtherChannelEvent,
  ProgramChangeEvent,
  RawEvent,
  SetTempoEvent,
  TextMetaEvent,
  TimeSignatureEvent,
  TrackNameEvent,
} from './midi-bytes.js';
export { encodeMidiFile } from './midi-encode.js';
export { decodeMidiFile } from './midi-decode.js';
export { writeMidi, type WriteMidiOptions } from './write-midi.js';
export { readMidi, type ReadMidiOptions } from './read-midi.js';
export { midiTrackName, parseMidiTrackName, type TrackRole } from './track-naming.js';
export { keyFromMidiSignature, keyToMidiSignature, type MidiKeySignature } from './key-signature.js';
export { bpmToMicroseconds, microsecondsToBpm } from './conductor-track.js';
export { DEFAULT_VELOCITY, DYNAMIC_VELOCITY, dynamicsVelocity } from './dynamics-velocity.js';

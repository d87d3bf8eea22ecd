/** @cadenza/formats: MIDI and MusicXML codecs and translators to and from the Score. Pure: bytes and strings in and out. */
export * from './musicxml/index.js';
export * from './midi/index.js';
export * from './score-formats.js';

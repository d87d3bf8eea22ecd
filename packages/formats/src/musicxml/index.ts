/** MusicXML 4.0: write a Score as partwise MusicXML (or a compressed .mxl) and read either back. */
import type { Score } from '@cadenza/core';
import { decodeXmlBytes, isZip, unpackMxl, writeMxlContainer } from './mxl-container.js';
import { readMusicXmlText, type MusicXmlReadOptions } from './read-score.js';
import { writeMusicXml, type MusicXmlWriteOptions } from './write-score.js';

export { writeMusicXml, type MusicXmlWriteOptions, type MusicXmlReadOptions };

/** Reads MusicXML text or bytes; bytes starting with 'PK' are read as a compressed .mxl. */
export function readMusicXml(input: string | Uint8Array, options: MusicXmlReadOptions = {}): Score {
  if (typeof input === 'string') return readMusicXmlText(input, options);
  return isZip(input) ? readMxl(input, options) : readMusicXmlText(decodeXmlBytes(input), options);
}

/** Reads a compressed MusicXML (.mxl) file. */
export function readMxl(bytes: Uint8Array, options: MusicXmlReadOptions = {}): Score {
  return readMusicXmlText(unpackMxl(bytes), options);
}

/** Writes a score as a compressed MusicXML (.mxl) file. */
export function writeMxl(score: Score, options: MusicXmlWriteOptions = {}): Uint8Array {
  return writeMxlContainer(writeMusicXml(score, options));
}

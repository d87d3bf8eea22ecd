import { MusicError, type Score } from '@cadenza/core';
import { strFromU8, strToU8 } from 'fflate';
import { readMidi, writeMidi } from './midi/index.js';
import { readMusicXml, writeMusicXml } from './musicxml/index.js';
import { writeMxlContainer } from './musicxml/mxl-writer.js';

/** Score file formats Cadenza reads and writes, chosen by file extension. */
export const SCORE_FORMATS = ['musicxml', 'mxl', 'midi'] as const;
export type ScoreFormat = (typeof SCORE_FORMATS)[number];

const EXTENSIONS: Record<string, ScoreFormat> = {
  musicxml: 'musicxml',
  xml: 'musicxml',
  mxl: 'mxl',
  mid: 'midi',
  midi: 'midi',
  smf: 'midi',
};

/** The format a file name implies, or undefined: "song.MID" → 'midi'. */
export function scoreFormatForFile(fileName: string): ScoreFormat | undefined {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? undefined : EXTENSIONS[fileName.slice(dot + 1).toLowerCase()];
}

/** Media type for HTTP responses. */
export const SCORE_MEDIA_TYPES: Record<ScoreFormat, string> = {
  musicxml: 'application/vnd.recordare.musicxml+xml',
  mxl: 'application/vnd.recordare.musicxml',
  midi: 'audio/midi',
};

/** Reads score bytes in a known format. Throws MusicError naming the problem for unreadable input. */
export function readScore(bytes: Uint8Array, format: ScoreFormat): Score {
  switch (format) {
    case 'midi':
      return readMidi(bytes);
    case 'musicxml':
    case 'mxl':
      return readMusicXml(bytes);
  }
}

/** Sniffs the format from the first bytes: MThd → MIDI, PK → compressed MusicXML, '<' → MusicXML. */
export function detectScoreFormat(bytes: Uint8Array): ScoreFormat {
  const head = String.fromCharCode(...bytes.subarray(0, 4));
  if (head === 'MThd') return 'midi';
  if (head.startsWith('PK')) return 'mxl';
  const text = strFromU8(bytes.subarray(0, 512), true)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('<')) return 'musicxml';
  throw new MusicError(
    'not a score file: expected MIDI (MThd), MusicXML (<?xml …) or compressed MusicXML (.mxl)',
  );
}

/** Writes a score: MusicXML as UTF-8 text, .mxl as a zip container, MIDI as a Standard MIDI File. */
export function writeScore(score: Score, format: ScoreFormat): Uint8Array {
  switch (format) {
    case 'midi':
      return writeMidi(score);
    case 'musicxml':
      return strToU8(writeMusicXml(score));
    case 'mxl':
      return writeMxlContainer(writeMusicXml(score));
  }
}

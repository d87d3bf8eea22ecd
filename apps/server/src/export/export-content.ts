import { BinaryFile } from '@cadenza/contracts';

const binary = (what: string) => ({ schema: BinaryFile.describe(what) });

/** OpenAPI `content` of an audio export, by media type. */
export const AUDIO_CONTENT = {
  'audio/wav': binary('WAV, 16- or 24-bit PCM (format=wav)'),
  'audio/mpeg': binary('MP3, constant bit rate (format=mp3)'),
  'audio/flac': binary('FLAC (format=flac)'),
  'audio/ogg': binary('Ogg Vorbis (format=ogg)'),
  'audio/mp4': binary('AAC in an M4A container (format=aac)'),
};

/** OpenAPI `content` of a sheet-music export, by media type. */
export const SHEET_CONTENT = {
  'application/pdf': binary('PDF, vector, one page per score page (format=pdf)'),
  'image/png': binary('PNG of one page (format=png)'),
  'image/svg+xml': binary('SVG of one page (format=svg)'),
  'application/zip': binary('ZIP of every page (format=png or svg without page, several pages)'),
  'application/vnd.recordare.musicxml+xml': binary('MusicXML 4.0 (format=musicxml)'),
  'application/vnd.recordare.musicxml': binary('compressed MusicXML (format=mxl)'),
  'audio/midi': binary('Standard MIDI File (format=midi)'),
};

import { findMpegFrames } from './mpeg-frames.js';

/** Audio containers/codecs recognised by their first bytes. */
export type AudioFormat =
  | 'wav'
  | 'mp3'
  | 'flac'
  | 'ogg-vorbis'
  | 'ogg-opus'
  | 'ogg-flac'
  | 'mp4'
  | 'aac'
  | 'webm'
  | 'aiff'
  | 'caf'
  | 'rf64';

/**
 * What the bytes are: a known audio format starting at `offset` (past an ID3v2 tag; for MP3, the first
 * frame), or a description of what they look like instead.
 */
export type DetectedFormat =
  | { readonly kind: 'audio'; readonly format: AudioFormat; readonly offset: number }
  | { readonly kind: 'other'; readonly looksLike: string };

/** Human names for messages ("the FLAC file is truncated"). */
export const AUDIO_FORMAT_NAMES: Readonly<Record<AudioFormat, string>> = {
  wav: 'WAV',
  mp3: 'MP3',
  flac: 'FLAC',
  'ogg-vorbis': 'Ogg Vorbis',
  'ogg-opus': 'Ogg Opus',
  'ogg-flac': 'Ogg FLAC',
  mp4: 'M4A/MP4',
  aac: 'AAC',
  webm: 'WebM/Matroska',
  aiff: 'AIFF',
  caf: 'CAF',
  rf64: 'RF64 WAV',
};

const ascii = (bytes: Uint8Array, offset: number, length: number): string =>
  String.fromCharCode(...bytes.subarray(offset, offset + length));

/** Size of an ID3v2 tag at `offset` (header + body + optional footer), or 0 when there is none. */
export function id3v2Size(bytes: Uint8Array, offset = 0): number {
  if (bytes.length < offset + 10 || ascii(bytes, offset, 3) !== 'ID3') return 0;
  const flags = bytes[offset + 5] ?? 0;
  let size = 0;
  for (let i = 6; i < 10; i++) size = (size << 7) | ((bytes[offset + i] ?? 0) & 0x7f);
  return 10 + size + (flags & 0x10 ? 10 : 0);
}

/** Non-audio files people upload by mistake, named so the error can say what it looks like. */
const OTHER_SIGNATURES: readonly (readonly [string, string])[] = [
  ['%PDF', 'a PDF'],
  ['\x89PNG', 'a PNG image'],
  ['\xff\xd8\xff', 'a JPEG image'],
  ['GIF8', 'a GIF image'],
  ['PK\x03\x04', 'a ZIP archive (or .mxl, .docx)'],
  ['MThd', 'a MIDI file (import it as a score instead)'],
  ['<?xml', 'an XML document'],
  ['<score-partwise', 'a MusicXML score'],
  ['\x7fELF', 'a program'],
  ['MZ', 'a program'],
];

function describeOther(bytes: Uint8Array): string {
  const head = ascii(bytes, 0, 16);
  for (const [magic, name] of OTHER_SIGNATURES) if (head.startsWith(magic)) return name;
  if (head.startsWith('RIFF')) return `a RIFF file of type '${ascii(bytes, 8, 4)}'`;
  if (head.startsWith('OggS')) return 'an Ogg file without Vorbis, Opus or FLAC audio';
  const sample = bytes.subarray(0, 512);
  const texty = sample.every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127) || b >= 0x80);
  if (texty) return head.trimStart().startsWith('{') ? 'JSON text' : 'text';
  return 'an unknown kind of file';
}

/** The codec of an Ogg stream, from the first packet of its first page. */
function oggCodec(bytes: Uint8Array): AudioFormat | undefined {
  const segments = bytes[26] ?? 0;
  const body = 27 + segments;
  if (ascii(bytes, body, 7) === '\x01vorbis') return 'ogg-vorbis';
  if (ascii(bytes, body, 8) === 'OpusHead') return 'ogg-opus';
  if (ascii(bytes, body, 5) === '\x7fFLAC') return 'ogg-flac';
  return undefined;
}

/** Recognises the audio format from magic bytes (after any ID3v2 tag); never throws. */
export function detectAudioFormat(bytes: Uint8Array): DetectedFormat {
  const offset = id3v2Size(bytes);
  const at = (text: string, position = 0): boolean => ascii(bytes, offset + position, text.length) === text;
  const audio = (format: AudioFormat): DetectedFormat => ({ kind: 'audio', format, offset });
  if (at('RIFF') && at('WAVE', 8)) return audio('wav');
  if (at('RF64') && at('WAVE', 8)) return audio('rf64');
  if (at('fLaC')) return audio('flac');
  if (at('OggS')) {
    const codec = oggCodec(bytes.subarray(offset));
    return codec ? audio(codec) : { kind: 'other', looksLike: describeOther(bytes.subarray(offset)) };
  }
  if (at('ftyp', 4)) return audio('mp4');
  if (at('\x1a\x45\xdf\xa3')) return audio('webm');
  if (at('FORM') && (at('AIFF', 8) || at('AIFC', 8))) return audio('aiff');
  if (at('caff')) return audio('caf');
  const b0 = bytes[offset] ?? 0;
  const b1 = bytes[offset + 1] ?? 0;
  // ADTS: 12 sync bits then layer 00 (MPEG audio frames never use layer 00).
  if (b0 === 0xff && (b1 & 0xf6) === 0xf0) return audio('aac');
  // MP3: the offset is the first frame, past any padding or junk between the tag and the audio.
  const firstFrame = findMpegFrames(bytes, offset, 3);
  if (firstFrame !== undefined) return { kind: 'audio', format: 'mp3', offset: firstFrame };
  if (offset > 0) return { kind: 'other', looksLike: 'an ID3 tag without MP3 audio after it' };
  return { kind: 'other', looksLike: describeOther(bytes) };
}

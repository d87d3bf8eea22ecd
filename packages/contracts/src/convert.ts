import { z } from 'zod';

/** Score file formats the API reads and writes (the same names as @cadenza/formats' ScoreFormat). */
export const ScoreFormatName = z.enum(['musicxml', 'mxl', 'midi']);
export type ScoreFormatName = z.infer<typeof ScoreFormatName>;

/** POST /convert?to=…: the format to convert the uploaded score into. */
export const ConvertQuery = z.object({
  to: ScoreFormatName.describe('output format: musicxml (uncompressed), mxl (compressed MusicXML) or midi'),
});
export type ConvertQuery = z.infer<typeof ConvertQuery>;

/** A file in a response body (a score, an audio file): raw bytes, documented as a binary string. */
export const BinaryFile = z.string().meta({ format: 'binary' });

/** POST /convert body (multipart/form-data): one score file — MIDI, MusicXML or .mxl. */
export const ConvertUpload = z.object({
  file: BinaryFile.describe('the score: .mid/.midi, .musicxml/.xml or .mxl (detected from its bytes)'),
});

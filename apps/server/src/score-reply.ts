import { BinaryFile } from '@cadenza/contracts';
import type { Score } from '@cadenza/core';
import { SCORE_MEDIA_TYPES, writeScore, type ScoreFormat } from '@cadenza/formats';
import type { FastifyReply } from 'fastify';
import { attachment, safeFileStem } from './file-names.js';

const EXTENSIONS: Record<ScoreFormat, string> = { musicxml: 'musicxml', mxl: 'mxl', midi: 'mid' };

/** Sends a score as a downloadable file in the asked format, named `<stem>.<ext>`. */
export function sendScore(reply: FastifyReply, score: Score, format: ScoreFormat, stem: string): void {
  const bytes = writeScore(score, format);
  void reply
    .type(SCORE_MEDIA_TYPES[format])
    .header('content-disposition', attachment(`${safeFileStem(stem)}.${EXTENSIONS[format]}`))
    .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

const binary = (what: string) => ({ schema: BinaryFile.describe(what) });

/** OpenAPI `content` entries for the score formats a route can answer with. */
export const SCORE_CONTENT = {
  [SCORE_MEDIA_TYPES.musicxml]: binary('MusicXML 4.0 (format=musicxml)'),
  [SCORE_MEDIA_TYPES.mxl]: binary('compressed MusicXML (format=mxl)'),
  [SCORE_MEDIA_TYPES.midi]: binary('Standard MIDI File (format=midi)'),
};

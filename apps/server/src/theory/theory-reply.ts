import { BinaryFile } from '@cadenza/contracts';
import type { Score } from '@cadenza/core';
import { encodeWav16, renderPreview } from '@cadenza/platform';
import type { FastifyReply } from 'fastify';
import { attachment, safeFileStem } from '../file-names.js';
import { sendScore } from '../score-reply.js';

/** OpenAPI content entry for audio answers. */
export const WAV_CONTENT = { 'audio/wav': { schema: BinaryFile.describe('16-bit stereo WAV (format=wav)') } };

/**
 * Sends a theory result as a score file, or as WAV audio from the preview synth (until SoundFont
 * synthesis arrives with the export issue). Audio is inline so an <audio> element can play it.
 */
export function sendTheoryResult(
  reply: FastifyReply,
  score: Score,
  format: 'musicxml' | 'mxl' | 'midi' | 'wav',
  stem: string,
): void {
  if (format !== 'wav') return sendScore(reply, score, format, stem);
  const wav = encodeWav16(renderPreview(score));
  void reply
    .type('audio/wav')
    .header('content-disposition', attachment(`${safeFileStem(stem)}.wav`).replace(/^attachment/, 'inline'))
    .header('cache-control', 'public, max-age=3600')
    .send(Buffer.from(wav.buffer, wav.byteOffset, wav.byteLength));
}

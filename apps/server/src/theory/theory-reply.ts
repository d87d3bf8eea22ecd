import { BinaryFile } from '@cadenza/contracts';
import type { Score } from '@cadenza/core';
import { encodeWav16, synthesizeScore } from '@cadenza/platform';
import type { FastifyReply } from 'fastify';
import { attachment, safeFileStem } from '../file-names.js';
import { sendScore } from '../score-reply.js';

/** OpenAPI content entry for audio answers. */
export const WAV_CONTENT = { 'audio/wav': { schema: BinaryFile.describe('16-bit stereo WAV (format=wav)') } };

/**
 * Sends a theory result as a score file, or as WAV audio synthesised with the configured SoundFont
 * (piano, dry). Audio is inline so an <audio> element can play it. Resolves to the reply, which a
 * handler returns.
 */
export async function sendTheoryResult(
  reply: FastifyReply,
  score: Score,
  format: 'musicxml' | 'mxl' | 'midi' | 'wav',
  stem: string,
  soundFont?: string,
): Promise<FastifyReply> {
  if (format !== 'wav') {
    sendScore(reply, score, format, stem);
    return reply;
  }
  const wav = encodeWav16(await synthesizeScore(score, soundFont === undefined ? {} : { soundFont }));
  return reply
    .type('audio/wav')
    .header('content-disposition', attachment(`${safeFileStem(stem)}.wav`).replace(/^attachment/, 'inline'))
    .header('cache-control', 'public, max-age=3600')
    .send(Buffer.from(wav.buffer, wav.byteOffset, wav.byteLength));
}

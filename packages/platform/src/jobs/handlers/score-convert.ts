import { ScoreConvertJobInput, type ScoreConvertJobResult } from '@cadenza/contracts';
import { detectScoreFormat, readScore, writeScore } from '@cadenza/formats';
import type { JobHandler } from '../job-handler.js';

/**
 * `score.convert`: reads a score file of any supported format (detected from its bytes) and writes it
 * as MusicXML or MIDI. Stages: 'reading' (0 %), 'writing' (50 %), then 100 %. Small, real work that
 * also serves as a health check of the job machinery.
 */
export const scoreConvert: JobHandler = (input, context) =>
  new Promise((resolve) => resolve(convert(input, context.reportProgress)));

function convert(
  rawInput: unknown,
  reportProgress: (progress: number, stage: string) => void,
): ScoreConvertJobResult {
  const parsed = ScoreConvertJobInput.safeParse(rawInput);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `score.convert input is invalid: ${issue?.path.join('.') || 'input'}: ${issue?.message ?? ''}`,
    );
  }
  const input = parsed.data;
  reportProgress(0, 'reading');
  const bytes = new Uint8Array(Buffer.from(input.bytes, 'base64'));
  const score = readScore(bytes, detectScoreFormat(bytes));
  reportProgress(50, 'writing');
  const written = writeScore(score, input.to);
  reportProgress(100, 'writing');
  return {
    format: input.to,
    bytes: Buffer.from(written).toString('base64'),
    parts: score.parts.length,
    notes: score.parts.reduce((n, p) => n + p.notes.length, 0),
  };
}

import { TranscribeJobInput, type TranscribeJobResult } from '@cadenza/contracts';
import { AudioDecodeError } from '../../audio/decode/decode-error.js';
import { storeTranscription } from '../../transcribe/store-transcription.js';
import { transcribeAudio } from '../../transcribe/transcribe-audio.js';
import { TranscriptionError } from '../../transcribe/transcription-error.js';
import { transcriptionReport } from '../../transcribe/transcription-report.js';
import { transcriptionScore } from '../../transcribe/transcription-score.js';
import type { JobContext, JobHandler } from '../job-handler.js';
import { deleteBlobPatiently, openTranscribeJobStores, readBlobBytes } from './transcribe-storage.js';

/** Percent where the analysis starts and ends; decoding comes before it, storing after. */
const ANALYSIS_FROM = 5;
const ANALYSIS_TO = 90;

/** Errors that another attempt would meet again: the recording itself is the problem. */
const isPermanent = (error: unknown): boolean =>
  error instanceof TranscriptionError || error instanceof AudioDecodeError;

function parseInput(raw: unknown): TranscribeJobInput {
  const parsed = TranscribeJobInput.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `transcribe input is invalid: ${issue?.path.join('.') || 'input'}: ${issue?.message ?? ''}`,
    );
  }
  return parsed.data;
}

/**
 * `transcribe`: transcribes a recording the API put in the blob store and keeps the result as a
 * transcription (GET /transcriptions/{id} and its score files; a library item when `ownerId` is set).
 * Stages: 'decoding' (0 %), the analysis's own ('pitch', 'onsets', 'notes', 'rhythm'…: 5–90 %),
 * 'storing' (90 %), 'stored' (100 %). The upload is deleted once the job succeeds, once the recording
 * proves unusable (silent, undecodable: no retry would help), or after the last attempt.
 */
export const transcribeJob: JobHandler = async (rawInput, context) => {
  const input = parseInput(rawInput);
  const stores = await openTranscribeJobStores(input.storage);
  let finished = false;
  try {
    const result = await transcribeUpload(input, stores, context);
    finished = true;
    return result;
  } catch (error) {
    finished = isPermanent(error) || context.attempt >= input.maxAttempts;
    throw error;
  } finally {
    try {
      // A leftover upload is a little disk; a failed job after a stored transcription would be worse.
      if (finished) await deleteBlobPatiently(stores.blobs, input.upload).catch(() => false);
    } finally {
      await stores.close();
    }
  }
};

async function transcribeUpload(
  input: TranscribeJobInput,
  stores: Awaited<ReturnType<typeof openTranscribeJobStores>>,
  { reportProgress }: JobContext,
): Promise<TranscribeJobResult> {
  // Never backwards, whatever a transcription path reports (a bar that shrinks reads as a fault).
  let reached = 0;
  const report = (progress: number, stage: string): void => {
    reached = Math.max(reached, progress);
    reportProgress(reached, stage);
  };
  report(0, 'decoding');
  const bytes = await readBlobBytes(stores.blobs, input.upload);
  if (!bytes) throw new Error(`the uploaded recording '${input.fileName}' is no longer stored`);
  const result = await transcribeAudio(bytes, {
    fileName: input.fileName,
    maxSeconds: input.maxSeconds,
    mode: input.mode,
    ...(input.instrument ? { instrument: input.instrument } : {}),
    onProgress: ({ fraction, stage }) => {
      if (stage !== 'done') report(ANALYSIS_FROM + fraction * (ANALYSIS_TO - ANALYSIS_FROM), stage);
    },
  });
  report(ANALYSIS_TO, 'storing');
  const score = transcriptionScore(result.analysis, {
    title: input.title,
    quantized: input.quantized,
    ...(input.instrument ? { instrument: input.instrument } : {}),
  });
  const { id, record } = await storeTranscription(
    stores,
    { title: input.title, score, report: transcriptionReport(result) },
    input.ownerId ?? undefined,
  );
  report(100, 'stored');
  return {
    transcription_id: id,
    transcription_url: `/transcriptions/${id}`,
    item_id: record.itemId,
    notes: record.report.notes.length,
    duration: record.report.duration,
  };
}

import { z } from 'zod';

/** Where a long job stands. A job waiting for a retry is `queued` again, with the last `error` kept. */
export const JobStatus = z.enum(['queued', 'running', 'succeeded', 'failed']);
export type JobStatus = z.infer<typeof JobStatus>;

/** GET /jobs/{id}: a long job (transcription, rendering, export…) as the API and the CLI show it. */
export const JobRecord = z
  .object({
    id: z.string().describe('unguessable job id'),
    kind: z.string().describe('what the job does, e.g. score.convert'),
    ownerId: z.string().nullable().describe('the user who started it; null for anonymous work'),
    status: JobStatus,
    progress: z.number().min(0).max(100).describe('percent done, 0–100'),
    stage: z.string().describe('what it is doing now, e.g. reading, writing; queued before it starts'),
    attempts: z.number().int().nonnegative().describe('attempts started so far (1 on the first run)'),
    maxAttempts: z.number().int().positive().describe('attempts allowed before the job fails'),
    error: z.string().optional().describe('the last attempt’s error message, when it failed'),
    result: z.unknown().optional().describe('what the job produced, once it succeeded'),
    createdAt: z.iso.datetime().describe('when it was enqueued (ISO 8601, UTC)'),
    updatedAt: z.iso.datetime().describe('when its state last changed (ISO 8601, UTC)'),
  })
  .describe('Job');
export type JobRecord = z.infer<typeof JobRecord>;

/** One Server-Sent Event about a job: progress while it runs, then exactly one of completed or failed. */
export const JobEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('progress'),
    progress: z.number().min(0).max(100).describe('percent done, 0–100'),
    stage: z.string(),
  }),
  z.object({ type: z.literal('completed'), result: z.unknown() }),
  z.object({ type: z.literal('failed'), error: z.string().describe('the final attempt’s error message') }),
]);
export type JobEvent = z.infer<typeof JobEvent>;

/** Input of the built-in `score.convert` job: a score file (MIDI, MusicXML or .mxl) to convert. */
export const ScoreConvertJobInput = z.object({
  bytes: z.base64().describe('the score file, base64-encoded; its format is detected from its first bytes'),
  to: z.enum(['musicxml', 'midi']).describe('the format to write'),
});
export type ScoreConvertJobInput = z.infer<typeof ScoreConvertJobInput>;

/** Result of `score.convert`. */
export const ScoreConvertJobResult = z.object({
  format: z.enum(['musicxml', 'midi']),
  bytes: z.base64().describe('the converted file, base64-encoded'),
  parts: z.number().int().nonnegative(),
  notes: z.number().int().nonnegative(),
});
export type ScoreConvertJobResult = z.infer<typeof ScoreConvertJobResult>;

/** Path parameters of /jobs/{id}: job ids are 22–36 url-safe characters (random, never sequential). */
export const JobIdParams = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{22,36}$/, 'not a job id')
    .describe('the job id from the 202 answer'),
});
export type JobIdParams = z.infer<typeof JobIdParams>;

import { BinaryFile, ConvertQuery, JobIdParams, JobRecord } from '@cadenza/contracts';
import type { JobQueue } from '@cadenza/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { validatorCompiler, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError } from '../errors/api-error.js';
import { errorResponses } from '../errors/error-responses.js';
import { contentDisposition } from '../library/send-file.js';
import { SCORE_CONTENT } from '../score-reply.js';
import { readSingleUpload, registerUploads } from '../uploads/uploads.js';
import { streamJobEvents } from './job-events.js';

export interface JobRouteOptions {
  readonly jobs: JobQueue;
  readonly maxUploadBytes: number;
  /** The signed-in user's id, or null for anonymous requests (the auth plugin knows). */
  readonly ownerOf: (request: FastifyRequest) => string | null;
}

/**
 * Long jobs over HTTP: start one (202 with a Location), read its state, follow its progress as
 * Server-Sent Events. A job started by a user is visible only to that user (404 to anyone else);
 * an anonymous job is reachable by whoever holds its unguessable id.
 */
export function jobRoutes(options: JobRouteOptions): FastifyPluginAsyncZod {
  const { jobs, ownerOf } = options;

  async function visibleJob(request: FastifyRequest, id: string): Promise<JobRecord> {
    const job = await jobs.get(id);
    if (!job || (job.ownerId !== null && job.ownerId !== ownerOf(request))) {
      throw new ApiError(404, 'not_found', `no job ${id}`);
    }
    return job;
  }

  return async (app) => {
    await registerUploads(app, options.maxUploadBytes);

    app.post(
      '/jobs/score-convert',
      {
        schema: {
          summary: 'Start converting a score as a background job',
          description:
            'Multipart upload of one score file (MIDI, MusicXML or .mxl). Answers 202 with the job; follow ' +
            'it with GET /jobs/{id} or GET /jobs/{id}/events, and download with GET /jobs/{id}/result.',
          tags: ['jobs'],
          querystring: ConvertQuery,
          consumes: ['multipart/form-data'],
          response: { 202: JobRecord, ...errorResponses(400, 413, 415) },
        },
        validatorCompiler: ({ schema, httpPart }) =>
          httpPart === 'body'
            ? (data: unknown) => ({ value: data })
            : validatorCompiler({ schema, httpPart } as never),
      },
      async (request, reply) => {
        const upload = await readSingleUpload(request, options.maxUploadBytes);
        if (request.query.to === 'mxl') {
          throw new ApiError(400, 'bad_request', 'background conversion writes musicxml or midi');
        }
        const job = await jobs.enqueue(
          'score.convert',
          { bytes: Buffer.from(upload.bytes).toString('base64'), to: request.query.to },
          { ownerId: ownerOf(request) ?? undefined },
        );
        return reply.code(202).header('location', `/jobs/${job.id}`).send(job);
      },
    );

    app.get(
      '/jobs/:id',
      {
        schema: {
          summary: 'A job: status, progress (0–100), stage, attempts, error or result',
          tags: ['jobs'],
          params: JobIdParams,
          response: { 200: JobRecord, ...errorResponses(400, 404) },
        },
      },
      (request) => visibleJob(request, request.params.id),
    );

    app.get(
      '/jobs/:id/events',
      {
        schema: {
          summary: 'Follow a job as Server-Sent Events',
          description:
            'text/event-stream: a `progress` event with the current state, then `progress` events as it ' +
            'runs, then exactly one `completed` or `failed`, after which the stream ends.',
          tags: ['jobs'],
          params: JobIdParams,
          response: errorResponses(400, 404),
        },
      },
      async (request, reply) => {
        await visibleJob(request, request.params.id);
        await streamJobEvents(jobs, request.params.id, request, reply);
      },
    );

    app.get(
      '/jobs/:id/result',
      {
        schema: {
          summary: 'Download what a finished job produced',
          tags: ['jobs'],
          params: JobIdParams,
          response: {
            200: {
              description: 'The file the job wrote',
              content: {
                ...SCORE_CONTENT,
                'video/mp4': { schema: BinaryFile.describe('MP4 (export.video)') },
              },
            },
            ...errorResponses(400, 404, 409),
          },
        },
      },
      async (request, reply) => {
        const job = await visibleJob(request, request.params.id);
        if (job.status !== 'succeeded') {
          throw new ApiError(409, 'job_not_finished', `job ${job.id} is ${job.status}, not finished`);
        }
        const result = job.result as ResultFile | undefined;
        if (!result || typeof result.bytes !== 'string') {
          throw new ApiError(404, 'not_found', `job ${job.id} produced no file`);
        }
        sendResultFile(reply, job.id, { ...result, bytes: result.bytes });
      },
    );
  };
}

/** What a job that makes a file returns: the bytes, and (newer kinds) their media type and file name. */
interface ResultFile {
  readonly bytes?: unknown;
  readonly format?: string;
  readonly mediaType?: string;
  readonly fileName?: string;
}

function sendResultFile(reply: FastifyReply, id: string, result: ResultFile & { bytes: string }): void {
  const midi = result.format === 'midi';
  const mediaType =
    typeof result.mediaType === 'string'
      ? result.mediaType
      : midi
        ? 'audio/midi'
        : 'application/vnd.recordare.musicxml+xml';
  const fileName =
    typeof result.fileName === 'string' ? result.fileName : `job-${id}.${midi ? 'mid' : 'musicxml'}`;
  void reply
    .type(mediaType)
    .header('content-disposition', contentDisposition(fileName))
    .header('x-content-type-options', 'nosniff')
    .send(Buffer.from(result.bytes, 'base64'));
}

import { JobRecord, VideoExportRequest, type VideoJobInput } from '@cadenza/contracts';
import { writeScore } from '@cadenza/formats';
import {
  checkScoreLength,
  exportBaseName,
  loadItemScore,
  type BlobStore,
  type ItemsRepository,
  type JobQueue,
} from '@cadenza/platform';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser, SIGNED_IN, signedInUser } from '../auth/auth-plugin.js';
import { ApiError } from '../errors/api-error.js';
import { errorResponses } from '../errors/error-responses.js';

export interface VideoExportRouteOptions {
  readonly items: ItemsRepository;
  readonly blobs: BlobStore;
  readonly jobs: JobQueue;
  /** Longest video a job may make, in seconds (config.maxAudioSeconds). */
  readonly maxSeconds: number;
  /** SF2/SF3 the job plays with (config.soundFont); the worker must see the same path. */
  readonly soundFont?: string | undefined;
}

/**
 * POST /export/video: starts an `export.video` job that plays the item's score and films it scrolling,
 * the sounding notes highlighted. Follow it with GET /jobs/{id}/events; download with GET /jobs/{id}/result.
 */
export function videoExportRoute({
  items,
  blobs,
  jobs,
  maxSeconds,
  soundFont,
}: VideoExportRouteOptions): FastifyPluginAsyncZod {
  return (app) => {
    app.post(
      '/export/video',
      {
        onRequest: requireUser,
        schema: {
          summary: 'Start making a scrolling-score video (MP4) of a library item',
          description:
            'Answers 202 with the job. The MP4 (H.264 + AAC, 1280×720, 30 fps) shows the score scrolling ' +
            'with the audio and the sounding notes highlighted. Follow the job with GET /jobs/{id}/events ' +
            'and download it with GET /jobs/{id}/result.',
          tags: ['export'],
          security: SIGNED_IN,
          body: VideoExportRequest,
          response: { 202: JobRecord, ...errorResponses(400, 401, 404, 415, 422) },
        },
      },
      async (request, reply) => {
        const owner = signedInUser(request).id;
        const item = await items.get(owner, request.body.id);
        if (!item) throw new ApiError(404, 'not_found', 'you have no library item with this id');
        const score = await loadItemScore(blobs, item);
        checkScoreLength(score, maxSeconds);
        const input: VideoJobInput = {
          score: Buffer.from(writeScore(score, 'musicxml')).toString('base64'),
          title: exportBaseName(item.title),
          reverb: request.body.reverb,
          maxSeconds,
          ...(soundFont === undefined ? {} : { soundFont }),
        };
        const job = await jobs.enqueue('export.video', input, { ownerId: owner });
        return reply.code(202).header('location', `/jobs/${job.id}`).send(job);
      },
    );
    return Promise.resolve();
  };
}

import {
  builtinJobHandlersModule,
  createDatabaseJobStore,
  createJobQueue,
  type JobQueue,
} from '@cadenza/platform';
import type { StudioExtensionFactory } from '../studio-deps.js';
import { videoExportRoute } from '../export/video-route.js';
import { jobRoutes } from './routes.js';

/**
 * The job routes over the configured engine: worker threads in this process by default, BullMQ on
 * Redis when CADENZA_REDIS_URL is set (then `cadenza worker` processes run the jobs). Job state is kept
 * in the database, so a restarted server still answers GET /jobs/{id} and re-queues interrupted work.
 */
export function jobsExtension(onQueue?: (queue: JobQueue) => void): StudioExtensionFactory {
  return async (services) => {
    const queue = await createJobQueue(services.config, {
      handlersModule: builtinJobHandlersModule(),
      store: createDatabaseJobStore(services.repositories.jobs),
    });
    onQueue?.(queue);
    return {
      jobs: queue,
      plugins: [
        jobRoutes({
          jobs: queue,
          maxUploadBytes: services.config.maxUploadBytes,
          ownerOf: (request) => request.user?.id ?? null,
        }),
        videoExportRoute({
          items: services.repositories.items,
          blobs: services.blobs,
          jobs: queue,
          maxSeconds: services.config.maxAudioSeconds,
          soundFont: services.config.soundFont,
        }),
      ],
      close: () => queue.close({ timeoutMs: 10_000 }),
    };
  };
}

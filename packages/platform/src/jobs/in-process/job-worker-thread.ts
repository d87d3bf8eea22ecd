import type { MessagePort } from 'node:worker_threads';
import { errorMessage } from '../job-queue.js';
import { loadJobHandlers, type JobHandlers } from '../job-handler.js';
import type { FromJobWorker, JobWorkerData, ToJobWorker } from './worker-protocol.js';

/** Clamps a reported progress into 0–100; NaN (a handler's arithmetic slip) reads as 0. */
function clampProgress(progress: number): number {
  return Number.isFinite(progress) ? Math.min(100, Math.max(0, progress)) : 0;
}

async function runOne(
  handlers: JobHandlers,
  message: Extract<ToJobWorker, { type: 'run' }>,
  controller: AbortController,
  post: (message: FromJobWorker) => void,
): Promise<void> {
  const { runId } = message;
  const handler = handlers[message.kind];
  try {
    if (!handler) throw new Error(`this worker has no handler for job kind '${message.kind}'`);
    const result = await handler(message.input, {
      attempt: message.attempt,
      signal: controller.signal,
      reportProgress: (progress, stage) =>
        post({ type: 'progress', runId, progress: clampProgress(progress), stage: String(stage) }),
    });
    try {
      post({ type: 'done', runId, result });
    } catch (error) {
      // A result that cannot be cloned (a function, a class instance with handles) fails the attempt.
      post({ type: 'error', runId, message: `the job result cannot be sent back: ${errorMessage(error)}` });
    }
  } catch (error) {
    post({ type: 'error', runId, message: errorMessage(error) });
  }
}

/**
 * The body of a job worker thread: imports the handlers module, says which kinds it offers, then runs
 * one job at a time as the pool asks, posting progress and the outcome back.
 */
export async function serveJobWorker(port: MessagePort, data: JobWorkerData): Promise<void> {
  const post = (message: FromJobWorker): void => port.postMessage(message);
  let handlers: JobHandlers;
  try {
    handlers = await loadJobHandlers(data.handlersModule);
  } catch (error) {
    // With no message listener left, the thread exits once this message is out.
    post({ type: 'load-failed', message: errorMessage(error) });
    return;
  }
  const controllers = new Map<number, AbortController>();
  port.on('message', (message: ToJobWorker) => {
    if (message.type === 'abort') {
      controllers.get(message.runId)?.abort(new Error(message.reason));
      return;
    }
    const controller = new AbortController();
    controllers.set(message.runId, controller);
    void runOne(handlers, message, controller, post).finally(() => controllers.delete(message.runId));
  });
  post({ type: 'ready', kinds: Object.keys(handlers) });
}

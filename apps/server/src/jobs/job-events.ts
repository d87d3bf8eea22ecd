import type { JobEvent, JobRecord } from '@cadenza/contracts';
import type { JobQueue } from '@cadenza/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Seconds between SSE comment lines that keep proxies from closing an idle stream. */
const HEARTBEAT_MS = 15_000;

const finalEvent = (job: JobRecord): JobEvent | undefined =>
  job.status === 'succeeded'
    ? { type: 'completed', result: job.result }
    : job.status === 'failed'
      ? { type: 'failed', error: job.error ?? 'failed' }
      : undefined;

/**
 * Streams a job's events as Server-Sent Events until it completes or fails, or the client leaves.
 * Subscribes before reading the current state, so an event between the two is never lost.
 */
export async function streamJobEvents(
  jobs: JobQueue,
  id: string,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const raw = reply.raw;
  let ended = false;
  const write = (event: JobEvent): void => {
    if (ended) return;
    raw.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    if (event.type !== 'progress') finish();
  };
  const buffered: JobEvent[] = [];
  let ready = false;
  const unsubscribe = jobs.subscribe(id, (event: JobEvent) => (ready ? write(event) : buffered.push(event)));
  const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
  function finish(): void {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    unsubscribe();
    raw.end();
  }
  request.raw.on('close', finish);

  reply.hijack();
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-request-id': request.id,
  });
  const job = await jobs.get(id);
  if (!job) return finish();
  write({ type: 'progress', progress: job.progress, stage: job.stage });
  const done = finalEvent(job);
  if (done) return write(done);
  ready = true;
  for (const event of buffered) write(event);
}

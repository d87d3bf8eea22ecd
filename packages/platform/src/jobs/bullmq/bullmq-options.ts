import type { ConnectionOptions } from 'bullmq';

/** Where the BullMQ engine keeps its queue: the API process and `cadenza worker` must agree. */
export interface BullMqQueueLocation {
  /** CADENZA_REDIS_URL, e.g. redis://127.0.0.1:6379. */
  readonly redisUrl: string;
  /** Queue name (default 'jobs'). */
  readonly queueName?: string;
  /** Redis key prefix (default 'cadenza'): every key is `<prefix>:<queueName>:…`. */
  readonly prefix?: string;
}

/** What BullMQ stores as a job's data. */
export interface BullMqJobData {
  readonly input: unknown;
  readonly ownerId: string | null;
}

export const DEFAULT_QUEUE_NAME = 'jobs';
export const DEFAULT_PREFIX = 'cadenza';

export function bullMqSettings(location: BullMqQueueLocation): {
  name: string;
  prefix: string;
  connection: ConnectionOptions;
} {
  return {
    name: location.queueName ?? DEFAULT_QUEUE_NAME,
    prefix: location.prefix ?? DEFAULT_PREFIX,
    connection: { url: location.redisUrl },
  };
}

/** Resolves when `ready` does, or rejects naming Redis after `timeoutMs` (ioredis would retry forever). */
export async function readyWithin(
  ready: Promise<unknown>,
  redisUrl: string,
  timeoutMs: number,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`cannot reach Redis at ${redisUrl} within ${timeoutMs} ms (CADENZA_REDIS_URL)`)),
      timeoutMs,
    );
  });
  try {
    await Promise.race([ready, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

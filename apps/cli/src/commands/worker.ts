import {
  builtinJobHandlersModule,
  ConfigError,
  DEFAULT_PREFIX,
  DEFAULT_QUEUE_NAME,
  loadConfig,
  startJobWorker,
  type JobAttemptOutcome,
} from '@cadenza/platform';
import { EXIT, stringOption, UsageError, type CliIo, type Command } from '../command.js';

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/** Resolves with the first SIGTERM/SIGINT; a second one ends the process at once. */
function untilSignal(io: CliIo): { readonly received: Promise<string>; dispose(): void } {
  let first: string | undefined;
  let resolve: (signal: string) => void = () => {};
  const received = new Promise<string>((r) => (resolve = r));
  const onSignal = (signal: string): void => {
    if (first) {
      io.stderr(`cadenza worker: ${signal} again, stopping without waiting for running jobs\n`);
      process.exit(130);
    }
    first = signal;
    resolve(signal);
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  return { received, dispose: () => SIGNALS.forEach((s) => process.off(s, onSignal)) };
}

/** redis://user:secret@host → redis://user:***@host, for log lines. */
function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

function positiveInteger(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`--concurrency must be a whole number ≥ 1, got '${raw}'`);
  return n;
}

export const worker: Command = {
  path: ['worker'],
  summary: 'Run long jobs (BullMQ on Redis) until SIGTERM or Ctrl-C',
  help: `Usage: cadenza worker [--concurrency N] [--queue NAME] [--prefix PREFIX] [--json]

Takes jobs from the BullMQ queue in Redis (CADENZA_REDIS_URL) and runs them on worker threads, as many
at once as --concurrency. SIGTERM or Ctrl-C stops taking jobs and exits 0 once the running ones have
finished; a second signal exits at once. Without CADENZA_REDIS_URL there is nothing to do: jobs then run
in-process, on worker threads inside 'cadenza serve'.

Options:
  -c, --concurrency N   jobs at once (default CADENZA_JOB_CONCURRENCY, else CPU cores - 1)
  --queue NAME          queue name (default ${DEFAULT_QUEUE_NAME}); must match the server's
  --prefix PREFIX       Redis key prefix (default ${DEFAULT_PREFIX}); must match the server's
  --json                print one JSON line per finished attempt to stdout
  -h, --help            show this help

Examples:
  CADENZA_REDIS_URL=redis://127.0.0.1:6379 cadenza worker
  CADENZA_REDIS_URL=redis://redis:6379 cadenza worker --concurrency 4`,
  options: {
    concurrency: { type: 'string', short: 'c' },
    queue: { type: 'string' },
    prefix: { type: 'string' },
  },
  async run(args, io) {
    if (args.positionals.length) throw new UsageError(`unexpected argument '${args.positionals.join(' ')}'`);
    let config;
    try {
      config = loadConfig(process.env, io.cwd);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      io.stderr(`cadenza worker: ${error.message}\n`);
      return EXIT.usage;
    }
    if (!config.redisUrl) {
      io.stderr(
        'cadenza worker: CADENZA_REDIS_URL is not set. Without Redis, jobs run in-process on worker threads ' +
          "inside 'cadenza serve': the in-process engine needs no worker. Set CADENZA_REDIS_URL to use BullMQ.\n",
      );
      return EXIT.usage;
    }
    const concurrency = positiveInteger(stringOption(args, 'concurrency'), config.jobConcurrency);
    const queueName = stringOption(args, 'queue') ?? DEFAULT_QUEUE_NAME;
    const prefix = stringOption(args, 'prefix') ?? DEFAULT_PREFIX;
    const json = args.values.json === true;
    const onAttempt = (o: JobAttemptOutcome): void => {
      if (json) io.stdout(JSON.stringify({ event: 'attempt', ...o }) + '\n');
      else
        io.stderr(
          `job ${o.id} ${o.kind} attempt ${o.attempt}: ${o.ok ? 'succeeded' : `failed: ${o.error}`}\n`,
        );
    };
    const signals = untilSignal(io);
    try {
      let running;
      try {
        running = await startJobWorker({
          redisUrl: config.redisUrl,
          queueName,
          prefix,
          concurrency,
          onAttempt,
          handlersModule: builtinJobHandlersModule(),
          onError: (error) =>
            io.stderr(`cadenza worker: ${error instanceof Error ? error.message : String(error)}\n`),
        });
      } catch (error) {
        io.stderr(`cadenza worker: ${error instanceof Error ? error.message : String(error)}\n`);
        return EXIT.failure;
      }
      const where = `${redact(config.redisUrl)} queue ${prefix}:${queueName}`;
      io.stderr(
        `cadenza worker: running ${running.kinds.join(', ')} from ${where} on ${concurrency} thread(s); ` +
          'SIGTERM or Ctrl-C stops it\n',
      );
      if (json) io.stdout(JSON.stringify({ event: 'ready', kinds: running.kinds, concurrency }) + '\n');
      const signal = await signals.received;
      io.stderr(`cadenza worker: ${signal} received, finishing running jobs…\n`);
      await running.close();
      io.stderr('cadenza worker: stopped\n');
      if (json) io.stdout(JSON.stringify({ event: 'stopped', signal }) + '\n');
      return EXIT.ok;
    } finally {
      signals.dispose();
    }
  },
};

/** What a handler gets besides its input. */
export interface JobContext {
  /**
   * Reports how far the job is: `progress` in percent (clamped to 0–100) and a short stage name
   * ('reading', 'writing'…). Cheap to call often; listeners see every report in order. Safe to
   * destructure: `({ reportProgress }) => …`.
   */
  readonly reportProgress: (progress: number, stage: string) => void;
  /** Fires when the job must stop early (the queue is shutting down and its grace time ran out). */
  readonly signal: AbortSignal;
  /** Which attempt this is, from 1. */
  readonly attempt: number;
}

/**
 * Does one kind of long work. Runs in a worker thread, so it may block on CPU without stalling the
 * server. `input` arrives as sent to enqueue() (validate it: it crossed a trust boundary); the result
 * must be JSON-serialisable. Throw to fail the attempt: the error's message is what the job records.
 */
export type JobHandler = (input: unknown, context: JobContext) => Promise<unknown>;

/**
 * The handler map a handlers module exports as `handlers`, keyed by job kind ('score.convert').
 * The module is loaded by URL in each worker thread or worker process, so no function crosses a
 * thread boundary: keep it free of import-time side effects.
 */
export type JobHandlers = Readonly<Record<string, JobHandler>>;

/** The handlers module could not be loaded or does not export a valid `handlers` map. */
export class JobHandlersModuleError extends Error {
  override readonly name = 'JobHandlersModuleError';
}

/** Imports a handlers module and checks that it exports `handlers`: an object of functions. */
export async function loadJobHandlers(moduleUrl: string): Promise<JobHandlers> {
  let loaded: { handlers?: unknown };
  try {
    loaded = (await import(moduleUrl)) as { handlers?: unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new JobHandlersModuleError(`cannot load the job handlers module ${moduleUrl}: ${reason}`);
  }
  const { handlers } = loaded;
  if (typeof handlers !== 'object' || handlers === null) {
    throw new JobHandlersModuleError(
      `the job handlers module ${moduleUrl} must export 'handlers', an object`,
    );
  }
  for (const [kind, handler] of Object.entries(handlers)) {
    if (typeof handler !== 'function') {
      throw new JobHandlersModuleError(`job handler '${kind}' in ${moduleUrl} is not a function`);
    }
  }
  if (Object.keys(handlers).length === 0) {
    throw new JobHandlersModuleError(`the job handlers module ${moduleUrl} exports no handlers`);
  }
  return handlers as JobHandlers;
}

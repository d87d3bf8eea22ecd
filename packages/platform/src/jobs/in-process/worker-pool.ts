import { Worker } from 'node:worker_threads';
import { JobHandlersModuleError } from '../job-handler.js';
import { assertModuleExists, compiledModuleUrl } from '../module-url.js';
import type { FromJobWorker, JobWorkerData, ToJobWorker } from './worker-protocol.js';

/** One run of a handler: which kind, its input and the attempt number (from 1). */
export interface PoolTask {
  readonly kind: string;
  readonly input: unknown;
  readonly attempt: number;
}

/** Callbacks for one task: when a thread picks it up, and each progress report. */
export interface PoolTaskHooks {
  readonly onStart?: () => void;
  readonly onProgress?: (progress: number, stage: string) => void;
}

/** The pool stopped accepting work before this task reached a thread (the task never ran). */
export class PoolClosedError extends Error {
  override readonly name = 'PoolClosedError';
  constructor() {
    super('the worker pool is closed: the task was not started');
  }
}

interface Waiting {
  readonly task: PoolTask;
  readonly hooks: PoolTaskHooks;
  readonly resolve: (result: unknown) => void;
  readonly reject: (error: Error) => void;
}
interface Running extends Waiting {
  readonly runId: number;
}
interface Slot {
  worker: Worker | undefined;
  running: Running | undefined;
}

/**
 * The parent's Node flags for a thread, less two that break it: the `source` export condition (under
 * Vitest the parent resolves TypeScript sources; threads run the compiled dist/ files, which plain Node
 * can load) and --input-type (meaningful for `node -e` only; a thread refuses to start with it).
 */
export function workerExecArgv(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i] as string;
    const next = execArgv[i + 1];
    if ((arg === '--conditions' || arg === '-C') && next === 'source') i++;
    else if (arg === '--input-type') i++;
    else if (arg !== '--conditions=source' && !arg.startsWith('--input-type=')) kept.push(arg);
  }
  return kept;
}

/** Starts one thread and resolves with it and its kinds once it has loaded the handlers module. */
function spawnWorker(entry: URL, data: JobWorkerData): Promise<{ worker: Worker; kinds: readonly string[] }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, { workerData: data, execArgv: workerExecArgv(process.execArgv) });
    // Remove only our own listeners: Worker keeps internal ones that its message delivery needs.
    const cleanup = (): void => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
    };
    const onMessage = (message: FromJobWorker): void => {
      cleanup();
      if (message.type === 'ready') resolve({ worker, kinds: message.kinds });
      else if (message.type === 'load-failed') reject(new JobHandlersModuleError(message.message));
      else reject(new Error(`job worker thread sent '${message.type}' before it was ready`));
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(new JobHandlersModuleError(`job worker thread failed to start: ${error.message}`));
    };
    const onExit = (code: number): void => {
      cleanup();
      reject(new JobHandlersModuleError(`job worker thread exited with code ${code} while starting`));
    };
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
  });
}

/**
 * A fixed set of worker threads, each running one task at a time from a FIFO, so CPU-bound handlers
 * never block the caller's event loop. A thread that crashes fails its task and is replaced.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Waiting[] = [];
  private readonly idleWaiters: (() => void)[] = [];
  private nextRunId = 1;
  private accepting = true;
  private terminated = false;

  private constructor(
    private readonly entry: URL,
    private readonly data: JobWorkerData,
    /** The job kinds the handlers module offers. */
    readonly kinds: readonly string[],
  ) {}

  /** Starts `size` threads that load `handlersModule`; rejects with JobHandlersModuleError if it fails. */
  static async start(options: {
    readonly handlersModule: URL | string;
    readonly size: number;
  }): Promise<WorkerPool> {
    if (!Number.isInteger(options.size) || options.size < 1) {
      throw new RangeError(`the worker pool needs a whole number of threads ≥ 1, got ${options.size}`);
    }
    const entry = compiledModuleUrl('./worker-entry.js', import.meta.url);
    assertModuleExists(entry, 'the job worker thread script');
    const moduleUrl = new URL(options.handlersModule);
    assertModuleExists(moduleUrl, 'the job handlers module');
    const data: JobWorkerData = { handlersModule: moduleUrl.href };
    const started = await Promise.allSettled(
      Array.from({ length: options.size }, () => spawnWorker(entry, data)),
    );
    const failure = started.find((s) => s.status === 'rejected');
    if (failure) {
      await Promise.all(
        started.map((s) => (s.status === 'fulfilled' ? s.value.worker.terminate() : Promise.resolve(0))),
      );
      throw failure.reason;
    }
    const ok = started.filter((s) => s.status === 'fulfilled').map((s) => s.value);
    const pool = new WorkerPool(entry, data, ok[0]?.kinds ?? []);
    for (const { worker } of ok) pool.attach(pool.addSlot(), worker);
    return pool;
  }

  /** Tasks running on a thread now. */
  get activeCount(): number {
    return this.slots.filter((s) => s.running).length;
  }

  /** Runs a task on the next free thread; resolves with the handler's result, rejects with its error. */
  run(task: PoolTask, hooks: PoolTaskHooks = {}): Promise<unknown> {
    if (!this.accepting) return Promise.reject(new PoolClosedError());
    return new Promise((resolve, reject) => {
      this.waiting.push({ task, hooks, resolve, reject });
      this.dispatch();
    });
  }

  /** Takes no new tasks and rejects those not yet started with PoolClosedError; running ones go on. */
  stopAccepting(): void {
    this.accepting = false;
    for (const w of this.waiting.splice(0)) w.reject(new PoolClosedError());
  }

  /** Resolves once no task is running. */
  idle(): Promise<void> {
    if (this.activeCount === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Fires the AbortSignal of every running task. */
  abortRunning(reason: string): void {
    for (const slot of this.slots) {
      if (slot.running && slot.worker)
        this.send(slot.worker, { type: 'abort', runId: slot.running.runId, reason });
    }
  }

  /** Stops every thread at once; tasks still running fail with `reason`. */
  async terminate(reason = 'the worker pool was terminated'): Promise<void> {
    this.stopAccepting();
    this.terminated = true;
    const workers = this.slots.map((s) => s.worker).filter((w) => w !== undefined);
    for (const slot of this.slots) this.finish(slot, (r) => r.reject(new Error(reason)));
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private addSlot(): Slot {
    const slot: Slot = { worker: undefined, running: undefined };
    this.slots.push(slot);
    return slot;
  }

  private attach(slot: Slot, worker: Worker): void {
    slot.worker = worker;
    worker.on('message', (message: FromJobWorker) => this.onMessage(slot, message));
    worker.on('error', (error) => {
      this.finish(slot, (r) => r.reject(new Error(`the job's worker thread crashed: ${error.message}`)));
    });
    worker.on('exit', (code) => {
      slot.worker = undefined;
      this.finish(slot, (r) =>
        r.reject(new Error(`the job's worker thread exited unexpectedly (code ${code})`)),
      );
      if (!this.terminated) void this.respawn(slot);
    });
    this.dispatch();
  }

  private async respawn(slot: Slot): Promise<void> {
    try {
      const { worker } = await spawnWorker(this.entry, this.data);
      if (this.terminated) await worker.terminate();
      else this.attach(slot, worker);
    } catch (error) {
      this.slots.splice(this.slots.indexOf(slot), 1);
      if (this.slots.length === 0) {
        for (const w of this.waiting.splice(0))
          w.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
  }

  private onMessage(slot: Slot, message: FromJobWorker): void {
    const running = slot.running;
    if (!running || !('runId' in message) || message.runId !== running.runId) return;
    if (message.type === 'progress') running.hooks.onProgress?.(message.progress, message.stage);
    else if (message.type === 'done') this.finish(slot, (r) => r.resolve(message.result));
    else if (message.type === 'error') this.finish(slot, (r) => r.reject(new Error(message.message)));
  }

  /** Ends the slot's current task (if any) with `settle`, then hands out the next one. */
  private finish(slot: Slot, settle: (running: Running) => void): void {
    const running = slot.running;
    if (!running) return;
    slot.running = undefined;
    settle(running);
    if (this.activeCount === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      const worker = slot.worker;
      if (!worker || slot.running) continue;
      const next = this.waiting.shift();
      if (!next) return;
      const running: Running = { ...next, runId: this.nextRunId++ };
      slot.running = running;
      const { kind, input, attempt } = next.task;
      try {
        this.send(worker, { type: 'run', runId: running.runId, kind, input, attempt });
      } catch (error) {
        // The input cannot be cloned (a function, a socket…): the attempt fails, the thread stays free.
        this.finish(slot, (r) =>
          r.reject(new Error(`the job input cannot be sent to a worker thread: ${String(error)}`)),
        );
        continue;
      }
      next.hooks.onStart?.();
    }
  }

  private send(worker: Worker, message: ToJobWorker): void {
    worker.postMessage(message);
  }
}

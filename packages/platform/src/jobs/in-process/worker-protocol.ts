/** Messages between a WorkerPool and its worker threads (structured-cloned, so plain data only). */

/** workerData of every job worker thread. */
export interface JobWorkerData {
  /** URL (href) of the handlers module the thread imports. */
  readonly handlersModule: string;
}

/** Pool → thread. */
export type ToJobWorker =
  | {
      readonly type: 'run';
      readonly runId: number;
      readonly kind: string;
      readonly input: unknown;
      readonly attempt: number;
    }
  | { readonly type: 'abort'; readonly runId: number; readonly reason: string };

/** Thread → pool. */
export type FromJobWorker =
  | { readonly type: 'ready'; readonly kinds: readonly string[] }
  | { readonly type: 'load-failed'; readonly message: string }
  | { readonly type: 'progress'; readonly runId: number; readonly progress: number; readonly stage: string }
  | { readonly type: 'done'; readonly runId: number; readonly result: unknown }
  | { readonly type: 'error'; readonly runId: number; readonly message: string };

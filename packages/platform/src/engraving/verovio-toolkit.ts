import type { VerovioEsmModule, VerovioToolkit, VerovioWasmModule } from './verovio-types.js';

/**
 * verovio's specifiers go through variables so TypeScript takes the module types from
 * `verovio-types.ts` instead of looking for declarations verovio does not ship (an ambient
 * `declare module` would clash with the ones the web app and the formats tests keep for themselves).
 */
const VEROVIO_WASM = 'verovio/wasm';
const VEROVIO_ESM = 'verovio/esm';

interface LoadedToolkit {
  readonly toolkit: VerovioToolkit;
  readonly version: string;
}

/**
 * The one toolkit of this process. verovio's JavaScript glue allows one live instance per WebAssembly
 * module, and the module costs about 300 ms and 50 MB to start, so it is created on first use (never at
 * import) and kept. `queue` serialises users: the toolkit holds its options and loaded document
 * between calls, so two renders must never interleave.
 */
let loading: Promise<LoadedToolkit> | undefined;
let queue: Promise<unknown> = Promise.resolve();

async function loadToolkit(): Promise<LoadedToolkit> {
  const [wasm, esm] = (await Promise.all([import(VEROVIO_WASM), import(VEROVIO_ESM)])) as [
    VerovioWasmModule,
    VerovioEsmModule,
  ];
  const module = await wasm.default();
  // Errors go to the toolkit's log buffer (read with getLog) instead of the process's stderr.
  esm.enableLogToBuffer(true, module);
  esm.enableLog(esm.LOG_WARNING, module);
  const toolkit = new esm.VerovioToolkit(module);
  return { toolkit, version: toolkit.getVersion() };
}

function toolkitOnce(): Promise<LoadedToolkit> {
  loading ??= loadToolkit().catch((error: unknown) => {
    loading = undefined; // a later call tries again
    throw new Error(`could not start the verovio engraver: ${String(error)}`, { cause: error });
  });
  return loading;
}

/**
 * Runs `fn` with exclusive use of the process's verovio toolkit, loading verovio on the first call.
 * Options are reset to verovio's defaults before `fn` runs, so each caller sets everything it relies
 * on. `fn` may be async; the toolkit stays reserved until its promise settles.
 */
export function withVerovio<T>(fn: (toolkit: VerovioToolkit) => T | Promise<T>): Promise<T> {
  const run = queue.then(async () => {
    const { toolkit } = await toolkitOnce();
    toolkit.resetOptions();
    return fn(toolkit);
  });
  queue = run.catch(() => undefined);
  return run;
}

/** verovio's version string, e.g. "6.3.0-425dd7b" (loads verovio if needed). */
export async function verovioVersion(): Promise<string> {
  return (await toolkitOnce()).version;
}

import type { VerovioToolkit } from 'verovio/esm';

/** Makes engraver toolkits; the WebAssembly module behind them is loaded once, on first use. */
export interface VerovioLoader {
  /** A new toolkit; call `destroy()` on it when the score view goes away. */
  readonly createToolkit: () => Promise<VerovioToolkit>;
}

/**
 * The engraver is large, so it is fetched only when the first score is shown (dynamic import: Vite splits
 * it into its own chunk) and shared by every score view after that.
 */
export function createVerovioLoader(): VerovioLoader {
  let modulePromise: Promise<{ module: unknown; Toolkit: typeof VerovioToolkit }> | undefined;
  const load = async () => {
    const [{ default: createVerovioModule }, { VerovioToolkit: Toolkit }] = await Promise.all([
      import('verovio/wasm'),
      import('verovio/esm'),
    ]);
    return { module: await createVerovioModule(), Toolkit };
  };
  return {
    createToolkit: async () => {
      modulePromise ??= load().catch((error: unknown) => {
        modulePromise = undefined; // let a later score view try again
        throw error;
      });
      const { module, Toolkit } = await modulePromise;
      return new Toolkit(module);
    },
  };
}

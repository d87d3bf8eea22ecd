import { performance } from 'node:perf_hooks';
import type { CadenzaConfig } from '@cadenza/platform';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from './app-deps.js';
import { buildApp } from './app.js';
import { jobsExtension } from './jobs/jobs-extension.js';
import { openStudio, type StudioExtensionFactory, type StudioOptions } from './studio-deps.js';

/** How long shutdown waits for in-flight requests before cutting connections, in milliseconds. */
const DEFAULT_GRACE_MS = 25_000;

export interface StartOptions extends Omit<Partial<AppDeps>, 'config'> {
  /**
   * Install SIGTERM/SIGINT handlers that stop accepting connections, finish in-flight requests and
   * exit the process with 0 (default true; tests that start a server in-process pass false).
   */
  readonly handleSignals?: boolean;
  /** Milliseconds in-flight requests get after a signal before connections are closed (25 000). */
  readonly graceMs?: number;
  /** Features built on the database, blob store and accounts (e.g. the job routes with their queue). */
  readonly extensions?: readonly StudioExtensionFactory[];
  /** scrypt cost for new passwords; default the platform's (tests pass a cheap one). */
  readonly scrypt?: StudioOptions['scrypt'];
}

export interface RunningServer {
  readonly app: FastifyInstance;
  /** e.g. http://127.0.0.1:3000 */
  readonly url: string;
  /** Stops accepting connections and resolves once in-flight requests have finished. */
  readonly close: () => Promise<void>;
}

/**
 * Starts the API (and the web studio) on `config.host:config.port`. This is the one place that
 * owns the process: listening, signals and exit. It opens the database and blob store (openStudio),
 * serves accounts, library and teacher routes, and closes the database when the app closes.
 */
export async function startServer(config: CadenzaConfig, options: StartOptions = {}): Promise<RunningServer> {
  // The database, blob store and accounts: closed after the HTTP server has finished its requests.
  const studio = await openStudio(config, {
    extensions: [jobsExtension(), ...(options.extensions ?? [])],
    ...(options.scrypt ? { scrypt: options.scrypt } : {}),
  });
  let app: FastifyInstance;
  try {
    app = await buildApp({
      ...options,
      config,
      plugins: [...studio.plugins, ...(options.plugins ?? [])],
      readinessChecks: [...studio.readinessChecks, ...(options.readinessChecks ?? [])],
    });
    app.addHook('onClose', () => studio.close());
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await studio.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  const close = () => app.close();
  if (options.handleSignals ?? true) installShutdown(app, options.graceMs ?? DEFAULT_GRACE_MS);
  return { app, url, close };
}

/**
 * A signal within this many milliseconds of the first is the same request to stop (Ctrl-C reaches
 * both `npm start`'s wrapper, which forwards it, and the server); a later one means "exit now".
 */
const REPEAT_WINDOW_MS = 1000;

function installShutdown(app: FastifyInstance, graceMs: number): void {
  let stoppingSince: number | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stoppingSince !== undefined) {
      if (performance.now() - stoppingSince < REPEAT_WINDOW_MS) return;
      app.log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stoppingSince = performance.now();
    app.log.info({ signal }, 'shutting down: no new connections, finishing in-flight requests');
    // Past the grace period, cut the connections that are still open so the process can exit.
    const force = setTimeout(() => {
      app.log.warn({ graceMs }, 'grace period over: closing remaining connections');
      app.server.closeAllConnections();
    }, graceMs);
    force.unref();
    app.close().then(
      () => {
        app.log.info('shut down cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        app.log.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

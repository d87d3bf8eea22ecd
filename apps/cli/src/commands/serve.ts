import { loadConfig } from '@cadenza/platform';
import { startServer } from '@cadenza/server';
import { stringOption, UsageError, type Command } from '../command.js';

function portOption(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UsageError(`--port must be a whole number from 1 to 65535, got '${raw}'`);
  }
  return port;
}

export const serve: Command = {
  path: ['serve'],
  summary: 'Start the HTTP API and the web studio',
  help: `Usage: cadenza serve [--port N] [--host H] [--json]

Serves the API (docs at /docs, OpenAPI at /openapi.json) and the built web studio at /.
Stops cleanly on Ctrl-C or SIGTERM: finishes requests in flight, then exits 0.
Settings come from environment variables (see the README): CADENZA_PORT, CADENZA_HOST,
CADENZA_DATA_DIR, CADENZA_DATABASE_URL, CADENZA_REDIS_URL, CADENZA_MAX_UPLOAD_MB,
CADENZA_RATE_LIMIT, CADENZA_CORS_ORIGINS, CADENZA_LOG_LEVEL, CADENZA_WEB_DIR.

Options:
  --port N      port to listen on (default CADENZA_PORT, PORT or 3000)
  --host H      address to listen on (default CADENZA_HOST or 127.0.0.1; 0.0.0.0 for a network)
  --json        print {"url": …} once listening
  -h, --help    show this help

Example:
  cadenza serve --port 8080`,
  options: { port: { type: 'string', short: 'p' }, host: { type: 'string' } },
  async run(args, io) {
    if (args.positionals.length) throw new UsageError(`unexpected argument '${args.positionals.join(' ')}'`);
    const port = portOption(stringOption(args, 'port'));
    const host = stringOption(args, 'host');
    const base = loadConfig(process.env, io.cwd);
    const config = { ...base, port: port ?? base.port, host: host ?? base.host };
    const { url } = await startServer(config);
    if (args.values.json) io.stdout(JSON.stringify({ url }) + '\n');
    else io.stdout(`Cadenza is serving on ${url} (API docs: ${url}/docs)\n`);
    // The server now owns the process: it exits on SIGINT/SIGTERM after finishing requests in flight.
    return 0;
  },
};

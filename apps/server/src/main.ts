import { loadConfig } from '@cadenza/platform';
import { startServer } from './server.js';

// Process entry without the CLI: `node apps/server/dist/main.js` (the CLI's `cadenza serve` does the same).
const running = await startServer(loadConfig());
running.app.log.info({ url: running.url }, `Cadenza is serving on ${running.url}`);

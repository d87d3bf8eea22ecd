// A stand-in for a server process that will be killed with SIGKILL mid-job: it opens the database
// named by argv[2], enqueues one long `test.slow-first-attempt` job on the in-process engine with the
// database job store (owned by the user id argv[3]), and prints the job id. Imports the BUILT platform (dist/), like a real server.
import process from 'node:process';
import { URL } from 'node:url';
import {
  createDatabaseJobStore,
  createInProcessJobQueue,
  createRepositories,
  openDatabase,
} from '@cadenza/platform';

const database = await openDatabase({ databaseUrl: process.argv[2] });
const store = createDatabaseJobStore(createRepositories(database.db).jobs);
const queue = await createInProcessJobQueue({
  handlersModule: new URL('./test-handlers.mjs', import.meta.url),
  concurrency: 1,
  store,
});
const job = await queue.enqueue(
  'test.slow-first-attempt',
  { ms: 60_000 },
  { ownerId: process.argv[3], maxAttempts: 3 },
);
process.stdout.write(`${job.id}\n`);

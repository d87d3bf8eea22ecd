// Entry point of a job worker thread (loaded by WorkerPool from dist/, never imported).
import { parentPort, workerData } from 'node:worker_threads';
import { serveJobWorker } from './job-worker-thread.js';
import type { JobWorkerData } from './worker-protocol.js';

if (!parentPort) throw new Error('worker-entry.js runs only as a worker thread started by WorkerPool');
await serveJobWorker(parentPort, workerData as JobWorkerData);

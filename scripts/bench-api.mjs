// HTTP API load benchmark: starts the BUILT server (apps/server/dist/main.js) on a free port with a temp
// data dir and the rate limit raised, then runs autocannon with 200 connections against /health and two
// read endpoints. Fails (exit 1) on any error, timeout or non-2xx answer; prints req/s and p50/p99
// latency, and appends a dated section to docs/benchmarks.md.
//   npx tsc -b && npm run bench:api                 # 30 s per endpoint
//   BENCH_SECONDS=5 BENCH_NO_RECORD=1 npm run bench:api   # a quick run, not recorded
import { spawn } from 'node:child_process';
import console from 'node:console';
import { appendFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, URL } from 'node:url';
import autocannon from 'autocannon';

const MAIN = fileURLToPath(new URL('../apps/server/dist/main.js', import.meta.url));
const BENCHMARKS = new URL('../docs/benchmarks.md', import.meta.url);
const SECONDS = Number(process.env.BENCH_SECONDS || 30);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 200);
const TARGETS = ['/health', '/theory/chord?symbol=Cmaj7', '/theory/scales'];

function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url, child) {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before listening`);
    try {
      const res = await globalThis.fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error('the server did not answer /health within 20 s');
}

function measure(url) {
  return autocannon({ url, connections: CONNECTIONS, duration: SECONDS, timeout: 10 });
}

async function main() {
  if (!existsSync(MAIN)) {
    console.error('No built server at apps/server/dist/main.js: run `npx tsc -b` first.');
    process.exit(1);
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'cadenza-bench-api-'));
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      CADENZA_PORT: String(port),
      CADENZA_DATA_DIR: dataDir,
      CADENZA_RATE_LIMIT: '100000000',
      CADENZA_LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const loadBefore = loadavg()[0];
  const rows = [];
  let failed = false;
  try {
    await waitUntilUp(base, child);
    for (const path of TARGETS) {
      console.error(`bench: ${CONNECTIONS} connections × ${SECONDS} s against ${path} …`);
      const r = await measure(base + path);
      const bad = r.errors + r.timeouts + r.non2xx;
      if (bad > 0) failed = true;
      rows.push({
        path,
        requests: r.requests.total,
        rps: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        max: r.latency.max,
        errors: r.errors,
        timeouts: r.timeouts,
        non2xx: r.non2xx,
      });
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
    rmSync(dataDir, { recursive: true, force: true });
  }

  const table = [
    '| endpoint | requests | req/s (mean) | p50 ms | p99 ms | max ms | errors | timeouts | non-2xx |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| \`GET ${r.path}\` | ${r.requests} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.max} | ${r.errors} | ${r.timeouts} | ${r.non2xx} |`,
    ),
  ].join('\n');
  console.log(table);
  console.error(
    `bench: 1-minute load average before the run: ${loadBefore.toFixed(2)} on ${cpus().length} cores`,
  );
  if (failed) {
    console.error('bench: FAILED: some requests errored, timed out or were not 2xx');
    process.exit(1);
  }
  if (process.env.BENCH_NO_RECORD) return;
  const date = new Date().toISOString().slice(0, 10);
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  appendFileSync(
    BENCHMARKS,
    `\n## HTTP API under load, ${date}\n\n` +
      `\`npm run bench:api\` on ${cpu} ×${cpus().length}, Node ${process.version}: the built server ` +
      `(\`apps/server/dist/main.js\`, log level ${process.env.BENCH_LOG_LEVEL || 'warn'}, rate limit raised) and ` +
      `autocannon on the same machine, ${CONNECTIONS} connections for ${SECONDS} s per endpoint, one after another ` +
      `(1-minute load average before the run: ${loadBefore.toFixed(2)}).\n\n` +
      `${table}\n`,
  );
  console.error('bench: appended to docs/benchmarks.md');
}

await main();

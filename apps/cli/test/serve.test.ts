import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

describe('cadenza serve', () => {
  it('rejects a bad --port with exit 2 before starting anything', async () => {
    let err = '';
    const code = await runCli(['serve', '--port', 'http'], {
      stdout: () => {},
      stderr: (t) => (err += t),
      cwd: '.',
    });
    expect(code).toBe(2);
    expect(err).toContain("--port must be a whole number from 1 to 65535, got 'http'");
  });

  it.skipIf(!existsSync(MAIN))(
    'serves on --port, prints the URL as JSON, and exits 0 on SIGINT',
    async () => {
      const port = await freePort();
      const dataDir = mkdtempSync(join(tmpdir(), 'cadenza-serve-'));
      const child = spawn(process.execPath, [MAIN, 'serve', '--port', String(port), '--json'], {
        env: { ...process.env, CADENZA_DATA_DIR: dataDir, CADENZA_LOG_LEVEL: 'warn', CADENZA_PORT: '1' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      try {
        const line = await new Promise<string>((resolve, reject) => {
          let out = '';
          child.stdout.on('data', (c: Buffer) => {
            out += c.toString();
            const url = out.split('\n').find((l) => l.startsWith('{"url"'));
            if (url) resolve(url);
          });
          child.once('exit', () => reject(new Error(`exited before listening: ${out}`)));
        });
        expect(JSON.parse(line)).toEqual({ url: `http://127.0.0.1:${port}` });
        const health = await fetch(`http://127.0.0.1:${port}/health`);
        expect(health.status).toBe(200);
        expect(((await health.json()) as { status: string }).status).toBe('ok');
        child.kill('SIGINT');
        expect(await exited).toBe(0);
      } finally {
        child.kill('SIGKILL');
      }
    },
  );
});

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadConfig } from '@cadenza/platform';
import { startServer } from '@cadenza/server';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium; CI installs it (.ci/run), a developer machine may not have it. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Launch flags from DESIGN.md: headless in a container, nothing phoning home. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const WEB_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Screenshots land here (gitignored) for people and CI to look at. */
export const SCREENSHOT_DIR = join(WEB_ROOT, 'test-results');

/**
 * Puts a Vite build of the studio in `outDir` (a temp dir, so tests never touch apps/web/dist). In a
 * vitest run, the global setup (test/e2e-build-dir.ts) names a shared folder: the first e2e file to ask
 * builds there (the others wait) and every file gets a copy, so a run builds the studio once.
 */
export async function buildStudio(outDir: string): Promise<void> {
  const shared = process.env.CADENZA_E2E_BUILD_DIR;
  if (!shared) return viteBuild(outDir);
  const built = join(shared, 'web');
  const done = join(shared, 'done');
  const failed = join(shared, 'failed');
  let building = false;
  try {
    await mkdir(join(shared, 'lock'));
    building = true;
  } catch {
    // Another e2e file is building (or has built): wait for it below.
  }
  if (building) {
    try {
      await viteBuild(built);
      await writeFile(done, '');
    } catch (error) {
      await writeFile(failed, String(error));
      throw error;
    }
  } else {
    for (let waited = 0; !existsSync(done); waited += 250) {
      if (existsSync(failed)) throw new Error('the shared studio build failed in another test file');
      if (waited > 300_000) throw new Error(`no studio build in ${shared} after 300 s`);
      await sleep(250);
    }
  }
  await cp(built, outDir, { recursive: true });
}

async function viteBuild(outDir: string): Promise<void> {
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  await promisify(execFile)(
    process.execPath,
    [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
    { cwd: WEB_ROOT, maxBuffer: 16 * 1024 * 1024 },
  );
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`vite build wrote no index.html to ${outDir}`);
}

export interface Studio {
  /** e.g. http://127.0.0.1:40123 */
  readonly url: string;
  readonly close: () => Promise<void>;
}

/** The real Cadenza server on a free port, serving the built studio, with its data in `dataDir`. */
export async function startStudio(webDir: string, dataDir: string): Promise<Studio> {
  const config = loadConfig(
    { CADENZA_DATA_DIR: dataDir, CADENZA_LOG_LEVEL: 'silent', CADENZA_WEB_DIR: webDir },
    dataDir,
  );
  const server = await startServer({ ...config, port: 0 }, { handleSignals: false, logger: false });
  return { url: server.url, close: server.close };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Whether an endpoint exists: anything but a 404 (a 400 for an empty body still means it is there). */
export async function probe(url: string, init: RequestInit = {}): Promise<{ ok: boolean; status: number }> {
  const response = await fetch(url, init);
  await response.arrayBuffer();
  return { ok: response.status !== 404, status: response.status };
}

export async function ensureScreenshotDir(): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  return SCREENSHOT_DIR;
}

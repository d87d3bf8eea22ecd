import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadConfig } from '@cadenza/platform';
import { startServer } from '@cadenza/server';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

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

/**
 * Whether this e2e file can run: Chromium is installed. CI must have it (this throws there); elsewhere
 * the file is skipped with a warning naming it (`[name e2e] skipped: …`).
 */
export function chromiumInstalled(name: string): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM_PATH} is missing: CI must install chromium`);
  console.warn(`[${name} e2e] skipped: ${CHROMIUM_PATH} is not installed (apt-get install chromium)`);
  return false;
}

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

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

/** The studio an e2e file drives, once its beforeAll has run: reading a part earlier throws. */
export interface StudioInBrowser {
  /** e.g. http://127.0.0.1:40123 */
  readonly url: string;
  readonly browser: Browser;
  /** The folder screenshots go to. */
  readonly shots: string;
  /** This file's own temp folder (the build is in web/, the server's data in data/), removed after. */
  readonly tempDir: string;
  /** A new page in its own context, its uncaught errors logged as `[name e2e] page error: …`. */
  readonly newPage: (viewport: Viewport) => Promise<Page>;
  /** A new page in `context`, its uncaught errors logged the same way. */
  readonly newPageIn: (context: BrowserContext) => Promise<Page>;
}

export interface StudioOptions {
  /** Names the temp folder (`cadenza-web-<name>-e2e-…`) and prefixes logged page errors. */
  readonly name: string;
  /** The beforeAll's timeout in ms: the studio build alone can take a minute on a busy machine. */
  readonly setupTimeout: number;
  /** More set-up, run in the same beforeAll once the studio is served and the browser is up. */
  readonly setUp?: (studio: StudioInBrowser) => Promise<void>;
  /** Run first in the afterAll, before the browser and the server close. */
  readonly tearDown?: () => Promise<void>;
}

/**
 * Registers the beforeAll and afterAll of an e2e file (call it inside the describe): a temp folder, a
 * Vite build of the studio in it, the real server serving that build, Chromium and the screenshot
 * folder; after, closes them all and removes the folder. Answers the studio, ready inside the tests.
 */
export function useStudio(options: StudioOptions): StudioInBrowser {
  let tempDir = '';
  let server: Studio | undefined;
  let browser: Browser | undefined;
  let shots = '';
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined || value === '')
      throw new Error(`[${options.name} e2e] no ${what} before beforeAll`);
    return value;
  };
  const watched = (page: Page): Page => {
    page.on('pageerror', (error) => console.error(`[${options.name} e2e] page error: ${error.message}`));
    return page;
  };
  const studio: StudioInBrowser = {
    get url() {
      return ready(server, 'server').url;
    },
    get browser() {
      return ready(browser, 'browser');
    },
    get shots() {
      return ready(shots, 'screenshot folder');
    },
    get tempDir() {
      return ready(tempDir, 'temp folder');
    },
    newPage: async (viewport) => watched(await studio.browser.newPage({ viewport })),
    newPageIn: async (context) => watched(await context.newPage()),
  };

  beforeAll(async () => {
    tempDir = await mkdtemp(join(tmpdir(), `cadenza-web-${options.name}-e2e-`));
    await buildStudio(join(tempDir, 'web'));
    server = await startStudio(join(tempDir, 'web'), join(tempDir, 'data'));
    browser = await launchChromium();
    shots = await ensureScreenshotDir();
    await options.setUp?.(studio);
  }, options.setupTimeout);

  afterAll(async () => {
    await options.tearDown?.();
    await browser?.close();
    await server?.close();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  });

  return studio;
}

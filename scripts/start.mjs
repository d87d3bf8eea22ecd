// `npm start`: builds what is missing (the TypeScript workspace, the web studio when it is missing or
// older than its sources), then runs `cadenza serve` with stdio inherited, forwarding SIGINT/SIGTERM so
// the server finishes requests in flight before it exits. Extra arguments go to `cadenza serve`:
//   npm start -- --port 8080
import { spawn, spawnSync } from 'node:child_process';
import console from 'node:console';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WEB = join(ROOT, 'apps/web');
const WEB_INDEX = join(WEB, 'dist/index.html');
const CLI_MAIN = join(ROOT, 'apps/cli/dist/main.js');
/** What the studio bundle is built from: its own sources and the packages it imports. */
const WEB_INPUTS = [
  'apps/web/src',
  'apps/web/index.html',
  'apps/web/vite.config.ts',
  'packages/contracts/src',
];

/** Newest modification time under a file or folder, in milliseconds (0 when absent). */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

function run(command, args) {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  return result.status === 0;
}

function buildTypeScriptIfMissing() {
  if (existsSync(CLI_MAIN) && existsSync(join(ROOT, 'apps/server/dist/index.js'))) return;
  console.error('start: building the TypeScript workspace (tsc -b) …');
  if (!run('npx', ['tsc', '-b'])) {
    console.error('start: the TypeScript build failed; fix the errors above and run npm start again.');
    process.exit(1);
  }
}

function buildWebIfStale() {
  const pkgPath = join(WEB, 'package.json');
  const pkg = existsSync(pkgPath) ? JSON.parse(readFileSync(pkgPath, 'utf8')) : undefined;
  if (!pkg?.scripts?.build) {
    console.warn('start: warning: apps/web has no build script yet; serving the API without the web studio.');
    return;
  }
  const built = existsSync(WEB_INDEX) ? statSync(WEB_INDEX).mtimeMs : 0;
  const sources = Math.max(...WEB_INPUTS.map((p) => newestMtime(join(ROOT, p))));
  if (built >= sources) return;
  console.error(
    `start: ${built ? 'the web studio is older than its sources' : 'the web studio is not built'}; building it …`,
  );
  if (!run('npm', ['run', 'build', '-w', '@cadenza/web'])) {
    console.warn(
      'start: warning: the web studio build failed (see above); serving the API, and the studio as last built.',
    );
  }
}

buildTypeScriptIfMissing();
buildWebIfStale();

const child = spawn(process.execPath, [CLI_MAIN, 'serve', ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  // The server treats a repeat within a second as the same request to stop, so a Ctrl-C that reaches
  // both this process and the server (same terminal process group) still shuts down gracefully.
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

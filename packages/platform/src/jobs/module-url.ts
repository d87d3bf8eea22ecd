import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The URL of the compiled JavaScript module at `relative` from `base` (a caller's import.meta.url).
 * Worker threads run plain Node, which cannot load TypeScript: when the caller itself runs from
 * src/*.ts (tests under Vitest), the same path under dist/ (the `tsc -b` output) is meant.
 */
export function compiledModuleUrl(relative: string, base: string): URL {
  const url = new URL(relative, base);
  if (!base.endsWith('.ts')) return url;
  const href = url.href;
  const at = href.lastIndexOf('/src/');
  return at < 0 ? url : new URL(`${href.slice(0, at)}/dist/${href.slice(at + '/src/'.length)}`);
}

/** Throws a clear error when a file: module URL has no file behind it (usually: not built yet). */
export function assertModuleExists(url: URL, what: string): void {
  if (url.protocol !== 'file:') return;
  const path = fileURLToPath(url);
  if (!existsSync(path)) {
    throw new Error(`${what} not found at ${path}: build the workspace first (npx tsc -b)`);
  }
}

import { readFileSync } from 'node:fs';

/** The server's version from apps/server/package.json (one level above src/ and dist/). */
export function serverVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version?: unknown;
  };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}

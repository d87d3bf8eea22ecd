import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The built web studio to serve: `config.webDir` when set, else apps/web/dist of this checkout
 * (this file sits in apps/server/{src,dist}/web, three levels below apps/). `built` is false
 * when there is no index.html there.
 */
export function resolveWebDir(configured: string | undefined): { dir: string; built: boolean } {
  const dir = configured ? resolve(configured) : fileURLToPath(new URL('../../../web/dist', import.meta.url));
  return { dir, built: existsSync(join(dir, 'index.html')) };
}

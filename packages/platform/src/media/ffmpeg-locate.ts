import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { FfmpegError } from './ffmpeg-error.js';

/** Where the ffmpeg binary was found: the operator's (env or PATH) or the one npm installed. */
export interface FfmpegLocation {
  readonly path: string;
  readonly source: 'system' | 'bundled';
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Searches PATH for `name` without a shell (PATHEXT variants on Windows). */
function findOnPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  const dirs = (env.PATH ?? env.Path ?? '').split(delimiter).filter((dir) => dir !== '');
  const extensions =
    process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';').filter(Boolean) : [''];
  for (const dir of dirs) {
    for (const extension of extensions) {
      const candidate = join(dir, name + extension);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return undefined;
}

function bundledFfmpeg(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const installer = require('@ffmpeg-installer/ffmpeg') as { path?: unknown };
    return typeof installer.path === 'string' && isExecutableFile(installer.path)
      ? installer.path
      : undefined;
  } catch {
    // @ffmpeg-installer/ffmpeg throws when it has no binary for this platform.
    return undefined;
  }
}

/** Per-process cache, keyed by the env values that decide the answer (filled on first call, not at import). */
const cache = new Map<string, FfmpegLocation>();

/**
 * Finds ffmpeg: `CADENZA_FFMPEG` if set, else `ffmpeg` on PATH, else the binary that
 * `@ffmpeg-installer/ffmpeg` ships in npm. Throws FfmpegError (code 'not-found') when none works.
 */
export function locateFfmpeg(env: NodeJS.ProcessEnv = process.env): FfmpegLocation {
  const configured = env.CADENZA_FFMPEG;
  const key = `${configured ?? ''}\0${env.PATH ?? env.Path ?? ''}`;
  const cached = cache.get(key);
  if (cached) return cached;
  let found: FfmpegLocation | undefined;
  if (configured !== undefined && configured !== '') {
    const path =
      configured.includes('/') || configured.includes('\\') ? configured : findOnPath(configured, env);
    if (path === undefined || !isExecutableFile(path))
      throw new FfmpegError(
        'not-found',
        `CADENZA_FFMPEG is '${configured}', which is not an executable file`,
      );
    found = { path, source: 'system' };
  } else {
    const onPath = findOnPath('ffmpeg', env);
    const bundled = onPath === undefined ? bundledFfmpeg() : undefined;
    if (onPath !== undefined) found = { path: onPath, source: 'system' };
    else if (bundled !== undefined) found = { path: bundled, source: 'bundled' };
  }
  if (!found)
    throw new FfmpegError(
      'not-found',
      'ffmpeg was not found: install ffmpeg, set CADENZA_FFMPEG to its path, or install @ffmpeg-installer/ffmpeg',
    );
  cache.set(key, found);
  return found;
}

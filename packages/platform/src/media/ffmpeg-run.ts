import { spawn } from 'node:child_process';
import type { Writable } from 'node:stream';
import { FfmpegError } from './ffmpeg-error.js';
import { locateFfmpeg } from './ffmpeg-locate.js';

/** How many of ffmpeg's last stderr lines an FfmpegError keeps. */
const STDERR_TAIL_LINES = 30;

export interface FfmpegSpawnOptions {
  /** Cancels the run: the process is killed and the promise rejects with code 'aborted'. */
  readonly signal?: AbortSignal;
  /** Kills the process after this many milliseconds; the promise rejects with code 'timeout'. */
  readonly timeoutMs?: number;
  /** Each stderr line as ffmpeg writes it (progress lines end in '\r' and count as lines). */
  readonly onStderrLine?: (line: string) => void;
  /** Environment for locating ffmpeg (default process.env). */
  readonly env?: NodeJS.ProcessEnv;
}

export interface FfmpegRunOptions extends FfmpegSpawnOptions {
  /** Bytes for ffmpeg's stdin (read it with `-i pipe:0`); written with backpressure. */
  readonly input?: Uint8Array | AsyncIterable<Uint8Array>;
}

/** A running ffmpeg: write to `stdin` (respect `write()` returning false), `end()` it, await `done`. */
export interface FfmpegProcess {
  readonly stdin: Writable;
  /** Resolves with everything ffmpeg wrote to stdout once it exits with 0; rejects with FfmpegError. */
  readonly done: Promise<Uint8Array>;
  /** Kills the process now; `done` rejects with code 'aborted'. */
  kill(): void;
}

/**
 * Starts ffmpeg with `-hide_banner -nostdin` before `args`. stdin, stdout and stderr are pipes; the
 * process never outlives an abort or timeout. stdin write errors (ffmpeg exited early) are swallowed:
 * `done` reports the exit instead.
 */
export function spawnFfmpeg(args: readonly string[], options: FfmpegSpawnOptions = {}): FfmpegProcess {
  const { path } = locateFfmpeg(options.env);
  const child = spawn(path, ['-hide_banner', '-nostdin', ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    windowsHide: true,
  });
  const stdout: Buffer[] = [];
  const tail: string[] = [];
  let partial = '';
  let stopReason: 'timeout' | 'aborted' | undefined;

  const pushLine = (line: string): void => {
    if (line.trim() === '') return;
    tail.push(line);
    if (tail.length > STDERR_TAIL_LINES) tail.shift();
    options.onStderrLine?.(line);
  };
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    const parts = (partial + chunk).split(/\r\n|\r|\n/);
    partial = parts.pop() ?? '';
    for (const line of parts) pushLine(line);
  });
  child.stdin.on('error', () => undefined);

  const stop = (reason: 'timeout' | 'aborted'): void => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    stopReason ??= reason;
    child.kill('SIGKILL');
  };
  const onAbort = (): void => stop('aborted');
  const timer =
    options.timeoutMs !== undefined
      ? setTimeout(() => stop('timeout'), Math.max(0, options.timeoutMs))
      : undefined;
  if (options.signal?.aborted) queueMicrotask(onAbort);
  else options.signal?.addEventListener('abort', onAbort, { once: true });

  const done = new Promise<Uint8Array>((resolve, reject) => {
    let spawnError: Error | undefined;
    child.on('error', (error) => {
      spawnError = error;
    });
    child.on('close', (exitCode, signal) => {
      if (timer) clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      pushLine(partial);
      partial = '';
      if (spawnError) {
        reject(new FfmpegError('not-found', `ffmpeg could not start (${path}): ${spawnError.message}`, tail));
      } else if (stopReason === 'timeout') {
        reject(
          new FfmpegError('timeout', `ffmpeg took longer than ${options.timeoutMs} ms and was stopped`, tail),
        );
      } else if (stopReason === 'aborted') {
        reject(new FfmpegError('aborted', 'ffmpeg was cancelled', tail));
      } else if (exitCode !== 0) {
        const why = tail.at(-1) ?? (signal ? `killed by ${signal}` : 'no message');
        reject(
          new FfmpegError('failed', `ffmpeg failed (exit ${exitCode ?? signal}): ${why}`, tail, exitCode),
        );
      } else {
        resolve(new Uint8Array(Buffer.concat(stdout)));
      }
    });
  });
  // Callers that only stream into stdin may attach to `done` late; never leave it unhandled meanwhile.
  done.catch(() => undefined);
  return { stdin: child.stdin, done, kill: () => stop('aborted') };
}

/** Waits until `stdin` drains, closes or errors, or `stopped` fires. */
function drained(stdin: Writable, stopped: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const finish = (): void => {
      stdin.off('drain', finish).off('close', finish).off('error', finish);
      stopped.removeEventListener('abort', finish);
      resolve();
    };
    stdin.on('drain', finish).on('close', finish).on('error', finish);
    stopped.addEventListener('abort', finish, { once: true });
  });
}

async function writeInput(
  stdin: Writable,
  input: Uint8Array | AsyncIterable<Uint8Array>,
  stopped: AbortSignal,
): Promise<void> {
  const chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array> =
    input instanceof Uint8Array ? [input] : input;
  for await (const chunk of chunks) {
    if (stopped.aborted || stdin.destroyed) return;
    if (!stdin.write(chunk)) await drained(stdin, stopped);
  }
  stdin.end();
}

/**
 * Runs ffmpeg to completion: writes `input` (if any) to its stdin and resolves with its stdout.
 * Rejects with FfmpegError carrying ffmpeg's last stderr lines on a non-zero exit, abort or timeout.
 */
export async function runFfmpeg(
  args: readonly string[],
  options: FfmpegRunOptions = {},
): Promise<Uint8Array> {
  const proc = spawnFfmpeg(args, options);
  if (options.input === undefined) {
    proc.stdin.end();
    return proc.done;
  }
  const stopped = new AbortController();
  const finished = proc.done.finally(() => stopped.abort());
  // ffmpeg may fail while input is still being written: mark the rejection handled now (it still
  // reaches the caller through `return finished`), or Node reports it as unhandled meanwhile.
  finished.catch(() => undefined);
  try {
    await writeInput(proc.stdin, options.input, stopped.signal);
  } catch (error) {
    proc.kill();
    await finished.catch(() => undefined);
    throw error;
  }
  return finished;
}

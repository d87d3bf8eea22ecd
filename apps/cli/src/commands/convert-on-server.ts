import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { ScoreFormat } from '@cadenza/formats';
import { UsageError, type CliIo, type ParsedArgs } from '../command.js';
import { createProgressBar } from '../progress-bar.js';
import { followRemoteJob } from '../remote-job.js';

export interface RemoteConvert {
  readonly server: string;
  readonly token: string | undefined;
  readonly input: string;
  readonly output: string;
  readonly to: ScoreFormat;
  readonly bytes: Uint8Array;
  readonly args: ParsedArgs;
  readonly io: CliIo;
}

/** Uploads a score to POST /jobs/score-convert, follows the job with a progress bar, downloads the result. */
export async function convertOnServer(job: RemoteConvert): Promise<number> {
  const { io, args } = job;
  if (job.to === 'mxl') throw new UsageError('a server converts to .musicxml or .mid; write .mxl locally');
  const server = job.server.replace(/\/+$/, '');
  const headers: Record<string, string> = job.token ? { authorization: `Bearer ${job.token}` } : {};
  const form = new FormData();
  form.append('file', new Blob([job.bytes]), basename(job.input));
  const started = await fetch(`${server}/jobs/score-convert?to=${job.to}`, {
    method: 'POST',
    headers,
    body: form,
  });
  if (started.status !== 202) {
    const body = (await started.json().catch(() => ({}))) as { error?: { message?: string } };
    throw new Error(
      `the server refused the job (HTTP ${started.status}): ${body.error?.message ?? 'no message'}`,
    );
  }
  const { id } = (await started.json()) as { id: string };
  const bar = createProgressBar(io.stderr, {
    tty: io.stderrIsTty ?? false,
    quiet: Boolean(args.values.json),
  });
  const record = await followRemoteJob(server, id, headers, bar);
  if (record.status !== 'succeeded') {
    bar.done(`job ${id} failed: ${record.error ?? 'no message'}`);
    return 1;
  }
  const result = await fetch(`${server}/jobs/${id}/result`, { headers });
  if (!result.ok) throw new Error(`cannot download the result of job ${id}: HTTP ${result.status}`);
  await writeFile(resolve(io.cwd, job.output), new Uint8Array(await result.arrayBuffer()));
  bar.done(`wrote ${job.output} (job ${id})`);
  if (args.values.json) io.stdout(JSON.stringify(record, null, 2) + '\n');
  return 0;
}

import type { JobEvent, JobRecord } from '@cadenza/contracts';
import type { ProgressBar } from './progress-bar.js';

/**
 * Follows a job on a Cadenza server through its Server-Sent Events until it completes or fails,
 * feeding the progress bar; then returns the final job record.
 */
export async function followRemoteJob(
  server: string,
  id: string,
  headers: Record<string, string>,
  bar: ProgressBar,
): Promise<JobRecord> {
  const response = await fetch(`${server}/jobs/${id}/events`, { headers });
  if (!response.ok || !response.body) throw new Error(`cannot follow job ${id}: HTTP ${response.status}`);
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (!data) continue;
      const event = JSON.parse(data) as JobEvent;
      if (event.type === 'progress') bar.update(event.progress, event.stage);
    }
  }
  const final = await fetch(`${server}/jobs/${id}`, { headers });
  if (!final.ok) throw new Error(`cannot read job ${id}: HTTP ${final.status}`);
  return (await final.json()) as JobRecord;
}

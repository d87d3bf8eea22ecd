// Types only: importing values from contracts would bundle zod into the studio.
import type { BatchExportRequest, JobRecord, VideoExportRequest } from '@cadenza/contracts';
import { fetchFile, type FetchedFile } from './download.js';
import { requestJson, withQuery } from './http.js';

/**
 * What is exported: a library item (the server reads its score), or a score the page holds, e.g. a
 * Theory result, which is uploaded with each export and needs no account.
 */
export type ExportSource =
  | { readonly kind: 'item'; readonly id: string; readonly title: string }
  | { readonly kind: 'score'; readonly title: string; readonly musicXml: () => Promise<Blob> };

/** The two families of file exports; video is a job (startVideoExport). */
export type ExportTarget = 'audio' | 'sheet-music';

/** A file name to fall back on when the server names none. */
function fallbackName(title: string, format: string | undefined): string {
  const base = title.replace(/[^\p{L}\p{N} ._()-]/gu, '_').trim() || 'export';
  return format ? `${base}.${format}` : base;
}

/**
 * Fetches one export: GET /export/{target}/{id} for an item, POST /export/{target} with the score as
 * the multipart field `file` for a score the page holds.
 */
export async function fetchExport(
  source: ExportSource,
  target: ExportTarget,
  query: Readonly<Record<string, string | undefined>>,
  signal?: AbortSignal,
): Promise<FetchedFile> {
  const fallback = fallbackName(source.title, query.format);
  if (source.kind === 'item') {
    const path = withQuery(`/export/${target}/${encodeURIComponent(source.id)}`, query);
    return fetchFile(path, { method: 'GET', ...(signal ? { signal } : {}) }, fallback);
  }
  const form = new FormData();
  form.append('file', await source.musicXml(), `${fallbackName(source.title, undefined)}.musicxml`);
  const path = withQuery(`/export/${target}`, query);
  return fetchFile(path, { method: 'POST', body: form, ...(signal ? { signal } : {}) }, fallback);
}

/** POST /export/batch: several items × formats as one ZIP with a manifest.json. */
export function fetchBatchExport(body: BatchExportRequest, signal?: AbortSignal): Promise<FetchedFile> {
  return fetchFile(
    '/export/batch',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/zip, application/json' },
      body: JSON.stringify(body),
      ...(signal ? { signal } : {}),
    },
    'cadenza-export.zip',
  );
}

/** POST /export/video: starts the job that makes a scrolling-score MP4 of a library item. */
export function startVideoExport(body: VideoExportRequest): Promise<JobRecord> {
  return requestJson<JobRecord>('/export/video', { method: 'POST', body });
}

import { ApiError, request } from './http.js';

/**
 * The file name a server gave in `Content-Disposition` (RFC 6266): `filename*=UTF-8''…` when present
 * (it carries non-ASCII titles), else `filename="…"` or a bare token, else `fallback`. Only the last
 * path segment is kept, so a name can never point into a folder.
 */
export function fileNameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  let name: string | undefined;
  if (extended?.[2]) {
    try {
      name = decodeURIComponent(extended[2].trim().replace(/^"|"$/g, ''));
    } catch {
      name = undefined;
    }
  }
  if (!name) {
    const quoted = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(header);
    const bare = /filename\s*=\s*([^";\s]+)/i.exec(header);
    name = quoted?.[1]?.replace(/\\(.)/g, '$1') ?? bare?.[1];
  }
  const base = name?.split(/[/\\]/).pop()?.trim();
  return base ? base : fallback;
}

/** A file fetched from the server, ready to be saved. */
export interface FetchedFile {
  readonly blob: Blob;
  readonly fileName: string;
}

/**
 * Fetches a file the server makes (an export, a ZIP) with the session's cookie. The server's error
 * message becomes the ApiError's; a web page instead of a file (a server without the route falling back
 * to the studio) is an error too, never a download of index.html.
 */
export async function fetchFile(path: string, init: RequestInit, fallbackName: string): Promise<FetchedFile> {
  const response = await request(path, init);
  if ((response.headers.get('content-type') ?? '').includes('text/html')) {
    await response.body?.cancel();
    throw new ApiError(0, 'not-a-file', `This server does not offer ${path.split('?')[0] ?? path} yet.`);
  }
  const fileName = fileNameFromDisposition(response.headers.get('content-disposition'), fallbackName);
  return { blob: await response.blob(), fileName };
}

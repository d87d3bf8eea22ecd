import { useCallback, useEffect, useRef, useState } from 'react';
import type { FetchedFile } from '../../api/download.js';
import { messageOf } from '../../api/http.js';
import { saveFile } from './save-file.js';

export type DownloadState =
  | { readonly status: 'idle' }
  | { readonly status: 'working'; readonly what: string }
  | { readonly status: 'done'; readonly fileName: string; readonly sizeBytes: number; readonly url: string }
  | { readonly status: 'failed'; readonly message: string };

/** Long enough for the browser to have taken the file before its blob: URL is released. */
const REVOKE_AFTER_MS = 60_000;

function releaseLater(url: string | null): void {
  if (url) setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

/**
 * Fetches a file and saves it, one at a time: a new download cancels the one in flight, and leaving
 * the page cancels it too. The saved file's blob: URL stays valid for "download again" until the next
 * download, a reset or unmount.
 */
export function useFileDownload() {
  const [state, setState] = useState<DownloadState>({ status: 'idle' });
  const inFlight = useRef<AbortController | null>(null);
  const savedUrl = useRef<string | null>(null);

  useEffect(
    () => () => {
      inFlight.current?.abort();
      releaseLater(savedUrl.current);
    },
    [],
  );

  const reset = useCallback(() => {
    inFlight.current?.abort();
    inFlight.current = null;
    releaseLater(savedUrl.current);
    savedUrl.current = null;
    setState({ status: 'idle' });
  }, []);

  const start = useCallback(
    async (what: string, fetcher: (signal: AbortSignal) => Promise<FetchedFile>) => {
      reset();
      const controller = new AbortController();
      inFlight.current = controller;
      setState({ status: 'working', what });
      try {
        const file = await fetcher(controller.signal);
        if (controller.signal.aborted) return;
        const url = saveFile(file);
        savedUrl.current = url;
        setState({ status: 'done', fileName: file.fileName, sizeBytes: file.blob.size, url });
      } catch (error) {
        if (controller.signal.aborted) return;
        setState({ status: 'failed', message: messageOf(error) });
      } finally {
        if (inFlight.current === controller) inFlight.current = null;
      }
    },
    [reset],
  );

  return { state, start, reset };
}

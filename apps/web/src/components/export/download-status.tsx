import { formatSize } from './save-file.js';
import type { DownloadState } from './use-file-download.js';

/** A spinner while the server makes the file, then the saved file (and a link to save it again), or why not. */
export function DownloadStatus({ state }: { readonly state: DownloadState }) {
  switch (state.status) {
    case 'idle':
      return <div className="download-status" role="status" />;
    case 'working':
      return (
        <div className="download-status" role="status">
          <span className="spinner" aria-hidden="true" /> Making your {state.what}… this can take a few
          seconds.
        </div>
      );
    case 'done':
      return (
        <div className="download-status download-status--done" role="status">
          Saved <strong>{state.fileName}</strong> ({formatSize(state.sizeBytes)}) to your downloads.{' '}
          <a href={state.url} download={state.fileName}>
            Download again
          </a>
        </div>
      );
    case 'failed':
      return (
        <div className="download-status panel panel--error" role="alert">
          <strong>The export failed.</strong> {state.message}
        </div>
      );
  }
}

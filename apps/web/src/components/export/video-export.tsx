import { useEffect, useRef, useState } from 'react';
import { startVideoExport } from '../../api/export.js';
import { messageOf } from '../../api/http.js';
import { followJob, jobResultUrl, type JobProgress } from '../../api/jobs.js';

type VideoState =
  | { readonly status: 'idle' }
  | ({ readonly status: 'running' } & JobProgress)
  | { readonly status: 'done'; readonly jobId: string }
  | { readonly status: 'failed'; readonly message: string };

/**
 * A scrolling-score MP4 of a library item: starts the server's video job, shows its progress from the
 * job's events, then offers the file. Leaving stops following the job (the server still finishes it).
 */
export function VideoExport({ itemId, title }: { readonly itemId: string; readonly title: string }) {
  const [reverb, setReverb] = useState(false);
  const [state, setState] = useState<VideoState>({ status: 'idle' });
  const following = useRef<AbortController | null>(null);
  useEffect(() => () => following.current?.abort(), []);

  const start = async () => {
    following.current?.abort();
    const controller = new AbortController();
    following.current = controller;
    setState({ status: 'running', progress: 0, stage: 'starting' });
    try {
      const job = await startVideoExport({ id: itemId, reverb });
      if (controller.signal.aborted) return;
      await followJob(
        job.id,
        (progress) => {
          if (!controller.signal.aborted) setState({ status: 'running', ...progress });
        },
        controller.signal,
      );
      if (!controller.signal.aborted) setState({ status: 'done', jobId: job.id });
    } catch (error) {
      if (!controller.signal.aborted) setState({ status: 'failed', message: messageOf(error) });
    }
  };

  const running = state.status === 'running';
  return (
    <div className="export-options">
      <p className="export-note">
        A 1280×720 MP4 in which the score scrolls with the music and the notes sounding now light up: for
        YouTube, a lesson or a practice screen.
      </p>
      <div className="export-row">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={reverb}
            disabled={running}
            onChange={(event) => setReverb(event.target.checked)}
          />
          Room reverb
        </label>
      </div>
      {state.status === 'running' && (
        <div className="download-status" role="status">
          <progress max={100} value={state.progress} aria-label={`Making the video of ${title}`} />{' '}
          {Math.round(state.progress)}% · {state.stage}
        </div>
      )}
      {state.status === 'done' && (
        <div className="download-status download-status--done" role="status">
          The video is ready.{' '}
          <a className="button-link" href={jobResultUrl(state.jobId)} download>
            Download video (MP4)
          </a>
        </div>
      )}
      {state.status === 'failed' && (
        <div className="download-status panel panel--error" role="alert">
          <strong>The video could not be made.</strong> {state.message}
        </div>
      )}
      <div className="modal__actions">
        <button type="button" disabled={running} onClick={() => void start()}>
          {state.status === 'done' ? 'Make it again' : 'Make video'}
        </button>
      </div>
    </div>
  );
}

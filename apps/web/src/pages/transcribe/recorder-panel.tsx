import { clock, MAX_RECORDING_SECONDS, type RecorderState } from './recorder-state.js';

/**
 * The microphone: Record / Stop, elapsed time and a level meter while recording, and a plain sentence
 * when the browser cannot record or permission was refused (the button is then disabled or offers to
 * try again).
 */
export function RecorderPanel({
  state,
  busy,
  onStart,
  onStop,
}: {
  readonly state: RecorderState;
  /** An upload is running: no new recording until it is done. */
  readonly busy: boolean;
  readonly onStart: () => void;
  readonly onStop: () => void;
}) {
  const recording = state.status === 'recording';
  return (
    <div className="recorder" role="group" aria-labelledby="recorder-heading">
      <p id="recorder-heading" className="recorder__title">
        Or record from the microphone
      </p>
      {recording ? (
        <button type="button" className="recorder__stop" onClick={onStop}>
          <span className="recorder__dot" aria-hidden="true" /> Stop and transcribe
        </button>
      ) : (
        <button
          type="button"
          className="button-secondary"
          onClick={onStart}
          disabled={state.status === 'unsupported' || state.status === 'requesting' || busy}
          aria-describedby={state.status === 'unsupported' ? 'recorder-note' : undefined}
        >
          <span className="recorder__mic" aria-hidden="true" />{' '}
          {state.status === 'denied' || state.status === 'failed' ? 'Try recording again' : 'Record'}
        </button>
      )}
      {recording && (
        <div className="recorder__live">
          <span className="recorder__time" role="timer" aria-label="Recording time">
            {clock(state.elapsed)} / {clock(MAX_RECORDING_SECONDS)}
          </span>
          <div
            className="recorder__meter"
            role="meter"
            aria-label="Input level"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(state.level * 100)}
          >
            <div className="recorder__meter-fill" style={{ width: `${Math.round(state.level * 100)}%` }} />
          </div>
        </div>
      )}
      {state.status === 'requesting' && (
        <p className="muted">Waiting for permission to use the microphone…</p>
      )}
      {state.status === 'unsupported' && (
        <p id="recorder-note" className="muted">
          {state.message}
        </p>
      )}
      {(state.status === 'denied' || state.status === 'failed') && (
        <p className="error" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'idle' && (
        <p className="muted">Play or sing one line; it is uploaded when you stop (at most 3 minutes).</p>
      )}
    </div>
  );
}

import { useId } from 'react';
import { clock, MAX_RECORDING_SECONDS } from '../transcribe/recorder-state.js';
import { useRecorder } from '../transcribe/use-recorder.js';

/**
 * Playing the exercise into the microphone (the Transcribe page's recorder): Record, play, Stop and
 * grade; or send a recording or a .mid file made elsewhere. The grader finds where the playing starts,
 * so there is no count-in to wait for (the audio's own count-in is on the player above).
 */
export function MicrophoneTake({
  busy,
  onFile,
}: {
  readonly busy: boolean;
  readonly onFile: (file: Blob, fileName: string) => void;
}) {
  const recorder = useRecorder(({ blob, fileName }) => onFile(blob, fileName));
  const { state } = recorder;
  const fileId = useId();
  const recording = state.status === 'recording';
  return (
    <div className="practice-take__body">
      <div className="practice-take__row">
        {recording ? (
          <button type="button" className="recorder__stop" onClick={recorder.stop}>
            <span className="recorder__dot" aria-hidden="true" /> Stop and grade
          </button>
        ) : (
          <button
            type="button"
            className="button-secondary"
            onClick={recorder.start}
            disabled={state.status === 'unsupported' || state.status === 'requesting' || busy}
          >
            <span className="recorder__mic" aria-hidden="true" />{' '}
            {state.status === 'denied' || state.status === 'failed' ? 'Try recording again' : 'Record'}
          </button>
        )}
        {recording && (
          <>
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
          </>
        )}
      </div>
      {state.status === 'requesting' && (
        <p className="muted">Waiting for permission to use the microphone…</p>
      )}
      {state.status === 'unsupported' && <p className="muted">{state.message}</p>}
      {(state.status === 'denied' || state.status === 'failed') && (
        <p className="error" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'idle' && (
        <p className="muted">
          Press Record, play the exercise on any instrument near the microphone, then stop: it is graded at
          once.
        </p>
      )}
      <div className="practice-take__row">
        <label htmlFor={fileId}>Or send a file (a recording or a .mid)</label>
        <input
          id={fileId}
          type="file"
          accept="audio/*,.wav,.mp3,.flac,.ogg,.m4a,.webm,.mid,.midi,audio/midi"
          disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) onFile(file, file.name);
            event.target.value = '';
          }}
        />
      </div>
    </div>
  );
}

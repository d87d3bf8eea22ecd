import { useCallback, useEffect, useReducer, useRef } from 'react';
import {
  initialRecorderState,
  levelOf,
  pickRecordingType,
  reachedLimit,
  recorderReducer,
  recordingFileName,
  type RecorderState,
  type RecordingSupport,
} from './recorder-state.js';

/** A finished recording, ready to upload. */
export interface Recording {
  readonly blob: Blob;
  readonly fileName: string;
}

/** What this browser offers, read once. */
export function browserRecordingSupport(): RecordingSupport {
  return {
    secureContext: typeof window !== 'undefined' && window.isSecureContext,
    getUserMedia:
      typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function',
    mediaRecorder: typeof MediaRecorder !== 'undefined',
  };
}

interface Session {
  readonly stream: MediaStream;
  readonly recorder: MediaRecorder;
  readonly context: AudioContext | undefined;
  frame: number;
}

/**
 * Records from the microphone with MediaRecorder (Opus in WebM or Ogg): asks for permission, reports
 * elapsed time and the input level every animation frame (an AnalyserNode), stops by itself at the
 * server's limit, and hands the blob to `onRecorded`. The microphone is released when it stops.
 */
export function useRecorder(onRecorded: (recording: Recording) => void): {
  readonly state: RecorderState;
  readonly start: () => void;
  readonly stop: () => void;
  readonly reset: () => void;
} {
  const [state, dispatch] = useReducer(recorderReducer, undefined, () =>
    initialRecorderState(browserRecordingSupport()),
  );
  const session = useRef<Session | undefined>(undefined);
  const onRecordedRef = useRef(onRecorded);
  onRecordedRef.current = onRecorded;

  const release = useCallback(() => {
    const current = session.current;
    if (!current) return;
    session.current = undefined;
    cancelAnimationFrame(current.frame);
    for (const track of current.stream.getTracks()) track.stop();
    void current.context?.close().catch(() => undefined);
  }, []);

  const stop = useCallback(() => {
    const current = session.current;
    if (!current) return;
    dispatch({ type: 'stop', at: performance.now() });
    cancelAnimationFrame(current.frame);
    if (current.recorder.state !== 'inactive') current.recorder.stop();
  }, []);

  const start = useCallback(() => {
    if (session.current) return;
    dispatch({ type: 'request' });
    navigator.mediaDevices
      .getUserMedia({ audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false } })
      .then((stream) => {
        const mimeType = pickRecordingType((type) => MediaRecorder.isTypeSupported(type));
        const recorder = new MediaRecorder(stream, mimeType ? { mimeType } : {});
        const chunks: Blob[] = [];
        recorder.ondataavailable = (event) => {
          if (event.data.size > 0) chunks.push(event.data);
        };
        recorder.onstop = () => {
          const type = recorder.mimeType || mimeType || 'audio/webm';
          release();
          onRecordedRef.current({ blob: new Blob(chunks, { type }), fileName: recordingFileName(type) });
        };
        recorder.onerror = () => {
          release();
          dispatch({ type: 'failed', message: 'The recording stopped because of an error in the browser.' });
        };
        // The meter: an analyser on the same stream, read once a frame.
        let context: AudioContext | undefined;
        let analyser: AnalyserNode | undefined;
        try {
          context = new AudioContext();
          analyser = context.createAnalyser();
          analyser.fftSize = 1024;
          context.createMediaStreamSource(stream).connect(analyser);
        } catch {
          analyser = undefined; // No meter, but the recording still works.
        }
        const bytes = new Uint8Array(analyser?.fftSize ?? 0);
        const current: Session = { stream, recorder, context, frame: 0 };
        session.current = current;
        recorder.start(250);
        dispatch({ type: 'started', at: performance.now() });
        const tick = () => {
          if (analyser) analyser.getByteTimeDomainData(bytes);
          dispatch({ type: 'tick', at: performance.now(), level: analyser ? levelOf(bytes) : 0 });
          current.frame = requestAnimationFrame(tick);
        };
        current.frame = requestAnimationFrame(tick);
      })
      .catch((error: unknown) => {
        release();
        dispatch({ type: 'refused', errorName: error instanceof Error ? error.name : '' });
      });
  }, [release]);

  // The server takes at most MAX_RECORDING_SECONDS: stop there and upload what was recorded.
  useEffect(() => {
    if (reachedLimit(state)) stop();
  }, [state, stop]);

  // Leaving the page releases the microphone without uploading.
  useEffect(
    () => () => {
      const current = session.current;
      if (current) current.recorder.onstop = null;
      release();
    },
    [release],
  );

  const reset = useCallback(() => dispatch({ type: 'reset' }), []);
  return { state, start, stop, reset };
}

/**
 * The microphone recorder's state, kept apart from MediaRecorder so it can be tested without a browser:
 * what the browser offers, asking for permission, recording with elapsed time and level, and each way
 * it can end. Times are milliseconds from any clock the caller uses (performance.now() in the page).
 */

/** The longest recording the server transcribes in one request. */
export const MAX_RECORDING_SECONDS = 180;

export type RecorderState =
  | { readonly status: 'unsupported'; readonly message: string }
  | { readonly status: 'idle' }
  | { readonly status: 'requesting' }
  | {
      readonly status: 'recording';
      readonly startedAt: number;
      readonly elapsed: number;
      /** 0–1, for the level meter. */
      readonly level: number;
    }
  | { readonly status: 'stopped'; readonly seconds: number }
  | { readonly status: 'denied'; readonly message: string }
  | { readonly status: 'failed'; readonly message: string };

export type RecorderEvent =
  | { readonly type: 'request' }
  | { readonly type: 'started'; readonly at: number }
  | { readonly type: 'refused'; readonly errorName: string }
  | { readonly type: 'tick'; readonly at: number; readonly level: number }
  | { readonly type: 'stop'; readonly at: number }
  | { readonly type: 'failed'; readonly message: string }
  | { readonly type: 'reset' };

/** What the browser has for recording, as plain flags (read from window by the hook). */
export interface RecordingSupport {
  readonly secureContext: boolean;
  readonly getUserMedia: boolean;
  readonly mediaRecorder: boolean;
}

/** Why recording cannot work here, or undefined when it can. */
export function unsupportedReason(support: RecordingSupport): string | undefined {
  if (!support.secureContext) {
    return 'Recording needs a secure page (https or localhost). You can still upload a file.';
  }
  if (!support.getUserMedia || !support.mediaRecorder) {
    return 'This browser cannot record audio (no microphone access or MediaRecorder). You can still upload a file.';
  }
  return undefined;
}

/** The first state: idle, or unsupported with the reason. */
export function initialRecorderState(support: RecordingSupport): RecorderState {
  const message = unsupportedReason(support);
  return message ? { status: 'unsupported', message } : { status: 'idle' };
}

/** A sentence for each way getUserMedia refuses (DOMException names). */
export function refusalMessage(errorName: string): { denied: boolean; message: string } {
  switch (errorName) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return {
        denied: true,
        message:
          'Microphone access was denied. Allow the microphone for this site in the browser’s address bar or settings, then try again, or upload a file instead.',
      };
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return { denied: false, message: 'No microphone was found. Connect one, or upload a file instead.' };
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return {
        denied: false,
        message: 'The microphone could not be started: another application may be using it.',
      };
    default:
      return {
        denied: false,
        message: `The microphone could not be started (${errorName || 'unknown error'}).`,
      };
  }
}

const seconds = (ms: number) => Math.max(0, ms) / 1000;

/** The next state; events that make no sense in a state leave it as it is. */
export function recorderReducer(state: RecorderState, event: RecorderEvent): RecorderState {
  if (state.status === 'unsupported') return state;
  switch (event.type) {
    case 'request':
      return state.status === 'recording' || state.status === 'requesting' ? state : { status: 'requesting' };
    case 'started':
      return state.status === 'requesting'
        ? { status: 'recording', startedAt: event.at, elapsed: 0, level: 0 }
        : state;
    case 'refused': {
      if (state.status !== 'requesting') return state;
      const { denied, message } = refusalMessage(event.errorName);
      return denied ? { status: 'denied', message } : { status: 'failed', message };
    }
    case 'tick':
      return state.status === 'recording'
        ? {
            ...state,
            elapsed: seconds(event.at - state.startedAt),
            level: Math.min(1, Math.max(0, event.level)),
          }
        : state;
    case 'stop':
      return state.status === 'recording'
        ? { status: 'stopped', seconds: seconds(event.at - state.startedAt) }
        : state;
    case 'failed':
      return { status: 'failed', message: event.message };
    case 'reset':
      return { status: 'idle' };
  }
}

/** Whether a recording has reached the longest the server takes and should stop by itself. */
export function reachedLimit(state: RecorderState): boolean {
  return state.status === 'recording' && state.elapsed >= MAX_RECORDING_SECONDS;
}

/** The container MediaRecorder should write: Opus in WebM (Chromium, Firefox) or Ogg, else its default. */
export function pickRecordingType(isTypeSupported: (type: string) => boolean): string {
  const preferred = [
    'audio/webm;codecs=opus',
    'audio/ogg;codecs=opus',
    'audio/webm',
    'audio/ogg',
    'audio/mp4',
  ];
  return preferred.find((type) => isTypeSupported(type)) ?? '';
}

/** A file name for the recorded blob, its extension from the MIME type the recorder used. */
export function recordingFileName(mimeType: string): string {
  if (mimeType.includes('ogg')) return 'recording.ogg';
  if (mimeType.includes('mp4') || mimeType.includes('aac')) return 'recording.m4a';
  return 'recording.webm';
}

/**
 * The meter's level from an analyser's time-domain bytes (128 = silence): RMS in dB mapped so that
 * −60 dBFS is empty and 0 dBFS full.
 */
export function levelOf(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) {
    const value = ((samples[i] ?? 128) - 128) / 128;
    sum += value * value;
  }
  const rms = Math.sqrt(sum / samples.length);
  if (rms <= 0) return 0;
  const db = 20 * Math.log10(rms);
  return Math.min(1, Math.max(0, (db + 60) / 60));
}

/** m:ss of a number of seconds. */
export function clock(totalSeconds: number): string {
  const whole = Number.isFinite(totalSeconds) ? Math.max(0, Math.floor(totalSeconds)) : 0;
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

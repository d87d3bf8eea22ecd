import type { TranscribeProgress } from '../../api/transcribe-query.js';

/** What the server's transcription job is doing, in words (its stage names are short and technical). */
const STAGE_WORDS: Readonly<Record<string, string>> = {
  queued: 'waiting for a free worker',
  starting: 'starting',
  'waiting to retry': 'trying again',
  decoding: 'decoding the recording',
  pitch: 'tracking the pitch',
  onsets: 'finding where notes start',
  notes: 'finding the notes',
  rhythm: 'finding the beat and meter',
  key: 'finding the key',
  storing: 'writing the score',
  stored: 'done',
  done: 'done',
};

/** A job stage in words; a stage this page does not know is shown as the server named it. */
export function stageWords(stage: string): string {
  return STAGE_WORDS[stage] ?? stage;
}

/** The bar's value in percent (undefined: indeterminate, while the server listens to a short recording). */
export function progressPercent(progress: TranscribeProgress): number | undefined {
  if (progress.phase === 'uploading') return Math.round(progress.fraction * 100);
  if (progress.phase === 'working') return Math.max(0, Math.min(100, Math.round(progress.percent)));
  return undefined;
}

/** "Uploading… 42 %", "Listening… finding the notes, beat, meter and key." or "Transcribing… 63 % · finding the notes". */
export function progressLabel(progress: TranscribeProgress): string {
  const percent = progressPercent(progress) ?? 0;
  switch (progress.phase) {
    case 'uploading':
      return `Uploading… ${percent} %`;
    case 'listening':
      return 'Listening… finding the notes, beat, meter and key.';
    case 'working':
      return `Transcribing… ${percent} % · ${stageWords(progress.stage)}`;
  }
}

/** The screen-reader status while busy: said once per phase, not at every percent. */
export function progressStatus(progress: TranscribeProgress | undefined): string {
  if (progress?.phase === 'working') return 'Transcribing a long recording in the background…';
  return progress?.phase === 'listening' ? 'Listening…' : 'Uploading…';
}

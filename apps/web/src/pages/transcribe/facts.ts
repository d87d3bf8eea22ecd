// Types only: importing values from contracts would bundle zod into the studio.
import type { TranscriptionResponse } from '@cadenza/contracts';
import { clock } from './recorder-state.js';

/** "F" → "F major", "Am" → "A minor", "F#m" → "F# minor"; null → "unknown". */
export function keyName(key: string | null): string {
  if (!key) return 'unknown';
  const minor = /^([A-G][#b]?)m$/.exec(key);
  if (minor) return `${minor[1]} minor`;
  return /^[A-G][#b]?$/.test(key) ? `${key} major` : key;
}

/** Seconds as "2.8 s" under a minute, else "m:ss". */
export function durationText(seconds: number): string {
  return seconds < 60 ? `${(Math.round(seconds * 10) / 10).toFixed(1)} s` : clock(seconds);
}

/** How far to trust the notes, in words, from the 0–1 confidence. */
export function confidenceWords(confidence: number): string {
  if (confidence >= 0.8) return 'high';
  if (confidence >= 0.5) return 'medium';
  return 'low: check the notes against the recording';
}

/** The facts shown above a transcription, label → value. */
export function factRows(result: TranscriptionResponse): [label: string, value: string][] {
  return [
    ['Tempo', `${result.tempo} BPM`],
    ['Meter', result.time_signature],
    ['Key', keyName(result.key_signature)],
    ['Duration', durationText(result.duration)],
    ['Notes', String(result.notes.length)],
    ['Heard as', result.mode === 'mono' ? 'Melody (one note at a time)' : 'Chords and parts'],
  ];
}

/** Bytes in words: "412 KB", "3.1 MB". */
export function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The file name without its extension: the default title. */
export const baseName = (fileName: string) => fileName.replace(/\.[^.]+$/, '') || fileName;

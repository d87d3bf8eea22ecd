import { describe, expect, it } from 'vitest';
import {
  progressLabel,
  progressPercent,
  progressStatus,
  stageWords,
} from '../src/pages/transcribe/transcribe-progress.js';

// What the Transcribe page says while a recording uploads, is listened to, or runs as a server job.
describe('transcription progress in words', () => {
  it.each([
    [{ phase: 'uploading', fraction: 0.423 } as const, 42, 'Uploading… 42 %'],
    [{ phase: 'listening' } as const, undefined, 'Listening… finding the notes, beat, meter and key.'],
    [
      { phase: 'working', percent: 0, stage: 'queued' } as const,
      0,
      'Transcribing… 0 % · waiting for a free worker',
    ],
    [
      { phase: 'working', percent: 68.75, stage: 'onsets' } as const,
      69,
      'Transcribing… 69 % · finding where notes start',
    ],
    [
      { phase: 'working', percent: 90, stage: 'storing' } as const,
      90,
      'Transcribing… 90 % · writing the score',
    ],
    [{ phase: 'working', percent: 130, stage: 'model' } as const, 100, 'Transcribing… 100 % · model'],
  ])('%j → %s %%, "%s"', (progress, percent, label) => {
    expect(progressPercent(progress)).toBe(percent);
    expect(progressLabel(progress)).toBe(label);
  });

  it('names every stage the transcribe job reports', () => {
    const stages = ['decoding', 'pitch', 'onsets', 'notes', 'rhythm', 'key', 'storing', 'stored'];
    expect(stages.map(stageWords)).toEqual([
      'decoding the recording',
      'tracking the pitch',
      'finding where notes start',
      'finding the notes',
      'finding the beat and meter',
      'finding the key',
      'writing the score',
      'done',
    ]);
  });

  it('tells a screen reader the phase once, not every percent', () => {
    expect(progressStatus({ phase: 'working', percent: 12, stage: 'pitch' })).toBe(
      progressStatus({ phase: 'working', percent: 80, stage: 'key' }),
    );
    expect(progressStatus({ phase: 'listening' })).toBe('Listening…');
    expect(progressStatus(undefined)).toBe('Uploading…');
  });
});

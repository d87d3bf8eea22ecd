import type { TranscriptionProgress } from '@cadenza/analysis';
import type { ProgressBar } from '../progress-bar.js';

/** What each analysis stage does, in words for the progress bar. */
const STAGE_WORDS: Readonly<Record<string, string>> = {
  pitch: 'tracking pitch',
  onsets: 'finding note onsets',
  notes: 'segmenting notes',
  rhythm: 'tracking beat and meter',
  key: 'finding the key',
};

/** The progress bar's words for an analysis stage (a stage it does not know is shown as named). */
export function transcriptionStageWords(stage: string): string {
  return STAGE_WORDS[stage] ?? stage;
}

/** Percent of the bar where the analysis starts and ends: reading and decoding before, writing after. */
export const ANALYSIS_PERCENT = { from: 10, to: 85 } as const;

/**
 * The `onProgress` of transcribeAudio, drawn on `bar`: the analysis's fraction spread over
 * ANALYSIS_PERCENT, its stage in words; the analysis's closing `done` is left to the writing stage.
 */
export function transcriptionProgress(bar: ProgressBar): (progress: TranscriptionProgress) => void {
  const { from, to } = ANALYSIS_PERCENT;
  return ({ fraction, stage }) => {
    if (stage === 'done') return;
    bar.update(from + fraction * (to - from), transcriptionStageWords(stage));
  };
}

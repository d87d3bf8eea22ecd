import {
  isMonophonic,
  performanceToScore,
  toCoreKey,
  type InstrumentHint,
  type Transcription,
} from '@cadenza/analysis';
import type { Score } from '@cadenza/core';

export interface TranscriptionScoreOptions {
  readonly title?: string;
  /** Drop the performed timing (MIDI then plays the notation exactly). */
  readonly quantized?: boolean;
  /** Two staves split by hand, or one; by default two when the notes overlap (chords), else one. */
  readonly staves?: 1 | 2;
  /** The instrument hint the recording was transcribed with: names the part and picks its sound. */
  readonly instrument?: InstrumentHint;
  /** The part's name and General MIDI program when the player said more than the hint (e.g. Clarinet). */
  readonly part?: { readonly name: string; readonly program: number };
}

/** The part a hint writes: its name and the General MIDI program that plays it back. */
const PARTS: Readonly<Record<InstrumentHint, { name: string; program: number }>> = {
  voice: { name: 'Voice', program: 52 },
  piano: { name: 'Piano', program: 0 },
  guitar: { name: 'Guitar', program: 24 },
  strings: { name: 'Strings', program: 40 },
  winds: { name: 'Winds', program: 73 },
};

/** Beats to quantise against: the tracked ones, or a steady grid at the tempo when too few were found. */
function beatsOf(analysis: Transcription): number[] {
  if (analysis.beats.length >= 2) return [...analysis.beats];
  const period = 60 / (analysis.bpm > 0 ? analysis.bpm : 100);
  const first = analysis.notes[0]?.onset ?? 0;
  const count = Math.max(2, Math.ceil((analysis.duration - first) / period) + 2);
  return Array.from({ length: count }, (_, i) => first + i * period);
}

/**
 * The transcription as notation: notes quantised onto the tracked beats in the estimated meter, spelled
 * in the estimated key, the performed timing kept as offsets unless `quantized`.
 */
export function transcriptionScore(analysis: Transcription, options: TranscriptionScoreOptions = {}): Score {
  return performanceToScore(analysis.notes, {
    beats: beatsOf(analysis),
    meter: analysis.meter.timeSignature,
    firstDownbeat: analysis.beats.length >= 2 ? analysis.meter.downbeatIndex : 0,
    ...(analysis.key ? { key: toCoreKey(analysis.key) } : {}),
    staves: options.staves ?? (isMonophonic(analysis.notes) ? 1 : 2),
    title: options.title ?? 'Transcription',
    ...(options.part
      ? { instrument: options.part }
      : options.instrument
        ? { instrument: PARTS[options.instrument] }
        : {}),
    ...(options.quantized ? { quantized: true } : {}),
  });
}

import type { KeyEstimate } from '../key/index.js';
import { detectOnsets } from '../onset/index.js';
import { trackPitch, type PitchTrack, type PitchTrackOptions } from '../pitch/index.js';
import type { MeterEstimate } from '../rhythm/index.js';
import { musicalContext } from './musical-context.js';
import { frameLevels, segmentNotes, type PerformedNote } from './segment-notes.js';

/** An instrument hint narrows the pitch search (fewer octave errors, faster). */
export type InstrumentHint = 'voice' | 'piano' | 'guitar' | 'strings' | 'winds';

const PITCH_RANGES: Readonly<Record<InstrumentHint, readonly [number, number]>> = {
  voice: [65, 1100],
  piano: [27.5, 4186],
  guitar: [80, 1320],
  strings: [40, 3520],
  winds: [58, 2100],
};

/**
 * How late the melody path's note starts come for an instrument, seconds. A bowed or blown note swells, so
 * its pitch settles and its level peaks after the player started it. Measured on chorale sopranos rendered
 * with the bundled SoundFont (median lag: violin 64 ms, flute 42 ms, clarinet 28 ms, piano −10 ms; note F1
 * violin 0.20 → 0.80, flute 0.71 → 0.92, clarinet 0.93 → 0.97 on a 3-chorale dev set); vocadito's singer
 * is on time, so the voice gets none.
 */
export const MELODY_ONSET_LAG: Readonly<Record<InstrumentHint, number>> = {
  voice: 0,
  piano: 0,
  guitar: 0,
  strings: 0.055,
  winds: 0.035,
};

/** Everything the analysis of one recording found: notes in seconds and the musical frame around them. */
export interface Transcription {
  readonly notes: readonly PerformedNote[];
  /** Beat times, seconds. */
  readonly beats: readonly number[];
  readonly bpm: number;
  readonly meter: MeterEstimate;
  readonly key: KeyEstimate | undefined;
  /** 0–1: how much to trust the notes (duration-weighted note confidence). */
  readonly confidence: number;
  /** Seconds of audio analysed. */
  readonly duration: number;
  /**
   * Monophonic path only: the share of loud frames (within 25 dB of the loudest) where the pitch tracker
   * hears no single clear pitch. A melody stays under ~0.1; chords push it to 0.3–0.9.
   */
  readonly unpitchedFraction?: number;
}

/** Where a transcription has got to: `fraction` 0–1 of the work, and the stage now running. */
export interface TranscriptionProgress {
  readonly fraction: number;
  readonly stage: 'pitch' | 'onsets' | 'notes' | 'rhythm' | 'key' | 'done';
}

export interface TranscribeOptions {
  readonly instrument?: InstrumentHint;
  readonly pitch?: PitchTrackOptions;
  /** Called as each stage starts (and once with `done`). */
  readonly onProgress?: (progress: TranscriptionProgress) => void;
}

/** The duration-weighted mean of the notes' confidences (0 with no notes). */
export function overallConfidence(notes: readonly PerformedNote[]): number {
  let weight = 0;
  let sum = 0;
  for (const n of notes) {
    const w = n.offset - n.onset;
    weight += w;
    sum += w * n.confidence;
  }
  return weight > 0 ? sum / weight : 0;
}

/**
 * Transcribes a monophonic recording (mono samples, ideally from `prepareForAnalysis`): pYIN pitch track,
 * SuperFlux onsets, notes segmented from both, beats and tempo from the onset envelope, meter from beat
 * accents and the notes, key from the notes' pitch classes weighted by duration.
 */
export function transcribeMonophonic(
  samples: Float32Array,
  rate: number,
  options: TranscribeOptions = {},
): Transcription {
  const [fmin, fmax] = PITCH_RANGES[options.instrument ?? 'voice'];
  const report = options.onProgress ?? (() => {});
  report({ fraction: 0, stage: 'pitch' });
  const track = trackPitch(samples, rate, {
    fmin: Math.max(fmin, 30),
    fmax: Math.min(fmax, rate / 4),
    ...options.pitch,
  });
  report({ fraction: 0.75, stage: 'onsets' });
  const onsets = detectOnsets(samples, rate);
  report({ fraction: 0.85, stage: 'notes' });
  const levels = frameLevels(samples, track);
  const lag = MELODY_ONSET_LAG[options.instrument ?? 'voice'];
  const notes = segmentNotes(track, levels, onsets.times).map((n) =>
    lag === 0 ? n : { ...n, onset: Math.max(0, n.onset - lag), offset: Math.max(0, n.offset - lag) },
  );
  report({ fraction: 0.9, stage: 'rhythm' });
  const context = musicalContext(onsets, notes);
  report({ fraction: 1, stage: 'done' });
  return {
    notes,
    ...context,
    confidence: overallConfidence(notes),
    duration: samples.length / rate,
    unpitchedFraction: unpitchedFraction(track, levels),
  };
}

/** The share of loud frames (within 25 dB of the loudest) whose voicing probability is under one half. */
export function unpitchedFraction(track: PitchTrack, levels: Float64Array): number {
  let peak = -Infinity;
  for (const level of levels) peak = Math.max(peak, level);
  let loud = 0;
  let unpitched = 0;
  levels.forEach((level, i) => {
    if (level <= peak - 25) return;
    loud++;
    if ((track.voicedProbability[i] ?? 0) < 0.5) unpitched++;
  });
  return loud > 0 ? unpitched / loud : 0;
}

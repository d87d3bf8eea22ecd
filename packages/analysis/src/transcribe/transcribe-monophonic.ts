import type { KeyEstimate } from '../key/index.js';
import { detectOnsets } from '../onset/index.js';
import { trackPitch, type PitchTrack, type PitchTrackOptions } from '../pitch/index.js';
import type { MeterEstimate } from '../rhythm/index.js';
import { musicalContext } from './musical-context.js';
import { harmonicPhaseDeviation } from './harmonic-phase-deviation.js';
import {
  frameLevels,
  segmentNotes,
  type NoteStartCue,
  type PerformedNote,
  type SegmentOptions,
} from './segment-notes.js';

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

/**
 * Note segmentation per instrument: how clearly a same-pitch re-articulation must show in the harmonics'
 * phase deviation (× the recording's median) and the level (dB dip) before it splits a note. A bowed
 * string's vibrato keeps its harmonics' phase restless (a high median, so a lower ratio) and its level
 * wobbling (so a flux onset splits a note only when the level rises 4 dB after it); its re-bowed repeats
 * show as a 6 dB step down that stays down, then swells (`stepDownDb`), told from a vibrato trough by
 * falling at least twice as deep as the troughs a cycle either side (`periodicShare`). A bowed note often
 * slides into the next over ~100 ms, so the pitch a new one is measured from leaves out the last 50 ms
 * (`pitchReferenceGap`); a flute's breathy attacks split falsely with it, so only strings use it (violin
 * note F1 on 10 held-out chorales × 2 tempi: clean 0.952 → 0.962, reverb 0.924 → 0.941, noise 0.952 →
 * 0.959, MP3 0.951 → 0.963). A singer's pitch
 * scoops into a note and a sung tone's phase wanders, so a voice takes a new pitch only after 80 ms,
 * keeps no note shorter than 100 ms and splits same-pitch notes on level dips and onsets only, as do a
 * piano and a guitar, whose repeats are struck (a clear onset) and whose decaying, ringing tails would
 * otherwise split in a reverberant room. Tuned on 4 chorale sopranos (indices 10–40 of the 120) and
 * vocadito_1; checked on 8 other chorales.
 */
export const MELODY_SEGMENTATION: Readonly<Record<InstrumentHint, SegmentOptions>> = {
  voice: { pitchHold: 0.08, minDuration: 0.1, deviationRatio: Number.POSITIVE_INFINITY },
  piano: { deviationRatio: Number.POSITIVE_INFINITY },
  guitar: { deviationRatio: Number.POSITIVE_INFINITY },
  strings: {
    onsetRiseDb: 4,
    deviationRatio: 1.6,
    localDeviationRatio: 1.6,
    deviationDipDb: 3,
    stepDownDb: 6,
    periodicShare: 0.5,
    pitchReferenceGap: 0.05,
  },
  winds: { localDeviationRatio: 2.5 },
};

/** The instrument's onset lag for each start cue (`MELODY_ONSET_LAG` unless a cue is measured apart). */
export function melodyOnsetLag(instrument: InstrumentHint): Record<NoteStartCue, number> {
  const lag = MELODY_ONSET_LAG[instrument];
  return {
    voicing: lag,
    onset: lag,
    pitch: lag,
    level: lag,
    harmonics: lag,
    step: lag,
    ...MELODY_CUE_LAG[instrument],
  };
}

/**
 * Lags measured for each cue apart (median note-start error per cue on chorale sopranos rendered with the
 * bundled SoundFont, 8 chorales × 2 tempi): a spectral-flux onset is heard on time, a pitch that has to
 * settle comes late (a bowed note most), a level dip or a harmonics' phase jump in between. Winds are the
 * mean of flute and clarinet. A voice's onsets and voicing come ~15 ms before where vocadito's annotators
 * put the notes (the detectors' windows reach ahead of their centres), so they move later.
 */
const MELODY_CUE_LAG: Readonly<Record<InstrumentHint, Partial<Record<NoteStartCue, number>>>> = {
  voice: { onset: -0.015, voicing: -0.015 },
  piano: {},
  guitar: {},
  strings: { onset: 0.005, pitch: 0.068, voicing: 0.055, level: 0.045, step: 0.01 },
  winds: { onset: 0.01, harmonics: 0.022, pitch: 0.035, level: 0.041, voicing: 0.033 },
};

/** Shortest note kept once starts have moved by their lags, seconds. */
const MIN_SHIFTED_NOTE = 0.03;

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
  /** Overrides of the instrument's onset lag per start cue, seconds (`melodyOnsetLag`). */
  readonly onsetLag?: Partial<Record<NoteStartCue, number>>;
  /** Overrides of the instrument's note segmentation settings (`MELODY_SEGMENTATION`). */
  readonly segment?: SegmentOptions;
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
  const lags = { ...melodyOnsetLag(options.instrument ?? 'voice'), ...options.onsetLag };
  const found = segmentNotes(track, levels, onsets.times, {
    deviation: harmonicPhaseDeviation(samples, track),
    ...MELODY_SEGMENTATION[options.instrument ?? 'voice'],
    ...options.segment,
  });
  const notes = found
    .map((n, i) => {
      const lag = lags[n.cue ?? 'voicing'] ?? 0;
      const next = found[i + 1];
      // A note the next one cuts off ends where that one now starts.
      const offset =
        next && next.onset <= n.offset + 1e-9
          ? next.onset - (lags[next.cue ?? 'voicing'] ?? 0)
          : n.offset - lag;
      return lag === 0 && offset === n.offset
        ? n
        : { ...n, onset: Math.max(0, n.onset - lag), offset: Math.max(0, offset) };
    })
    // A sliver left where a late-heard next note moved back over it (a flux onset just before a pitch
    // change) was never a note of its own.
    .filter((n) => n.offset - n.onset >= MIN_SHIFTED_NOTE);
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

import {
  looksPolyphonic,
  meanPolyphony,
  notesFromActivations,
  prepareForAnalysis,
  transcribeMonophonic,
  transcribePolyphonic,
  type InstrumentHint,
  type NoteActivations,
  type Transcription,
  type TranscriptionProgress,
} from '@cadenza/analysis';
import { yieldToEventLoop } from '../audio/encode/pcm-chunks.js';
import { decodeAudio } from '../audio/decode/index.js';
import type { PcmAudio } from '../audio/wav.js';
import { noteActivations } from './note-activation-model.js';
import { TranscriptionError } from './transcription-error.js';

/**
 * `auto` hands a recording to the polyphonic path when the pitch tracker hears no single clear pitch in more
 * than this share of its loud frames (melodies measure ≤ 0.11 on the chorale renders, four voices ≥ 0.29)…
 */
export const POLYPHONY_THRESHOLD = 0.2;
/**
 * … or, for instruments that play chords (and no hint), when the note model run on the loudest few seconds hears
 * chords there (a chord made of one note's overtones — C3 G3 E4 C5 — looks like one pitch to the tracker).
 */
const PROBE_SECONDS = 4;
/**
 * A stretch the pitch tracker hears as one clean line — nearly every loud frame pitched, its notes
 * confident — is a melody, and the note model (~0.7 s) is not asked. On the chorale renders a soprano
 * played on the piano measured ≤ 0.044 unpitched and ≥ 0.91 confidence (99 of 100; clean, reverb, noise,
 * MP3), the four voices on the piano ≥ 0.19 and ≤ 0.72. Chords made of one note's overtones (C3 G3 E4
 * C5, heard as C2) are the close case: 0.04–0.06 unpitched but 0.85–0.88 confidence, so they still go
 * to the model.
 */
const CLEAN_LINE = { maxUnpitched: 0.05, minConfidence: 0.9 };
const CHORD_INSTRUMENTS: readonly (InstrumentHint | undefined)[] = [undefined, 'piano', 'guitar'];

/** The start (seconds) of the loudest PROBE_SECONDS of the recording, in one-second steps. */
function loudestStretch(samples: Float32Array, rate: number): number {
  const step = Math.round(rate);
  const blocks: number[] = [];
  for (let at = 0; at < samples.length; at += step) {
    let sum = 0;
    for (let i = at; i < Math.min(samples.length, at + step); i++) sum += (samples[i] as number) ** 2;
    blocks.push(sum);
  }
  let best = 0;
  let bestEnergy = -1;
  for (let first = 0; first + PROBE_SECONDS <= Math.max(PROBE_SECONDS, blocks.length); first++) {
    let energy = 0;
    for (let b = first; b < Math.min(blocks.length, first + PROBE_SECONDS); b++)
      energy += blocks[b] as number;
    if (energy > bestEnergy) {
      bestEnergy = energy;
      best = first;
    }
  }
  return best;
}

/**
 * Whether the loudest PROBE_SECONDS hold chords: the melody path and the note model both run on that
 * stretch alone, so the whole recording then goes through one path only.
 */
async function probeForChords(
  samples: Float32Array,
  rate: number,
  instrument: InstrumentHint | undefined,
): Promise<boolean> {
  const from = loudestStretch(samples, rate);
  const stretch = samples.subarray(Math.round(from * rate), Math.round((from + PROBE_SECONDS) * rate));
  const line = transcribeMonophonic(stretch, rate, instrument ? { instrument } : {});
  const unpitched = line.unpitchedFraction ?? 0;
  if (unpitched > POLYPHONY_THRESHOLD) return true;
  if (unpitched <= CLEAN_LINE.maxUnpitched && line.confidence >= CLEAN_LINE.minConfidence) return false;
  return looksPolyphonic(notesFromActivations(await noteActivations(stretch)), line.notes);
}

export type TranscriptionMode = 'auto' | 'mono' | 'poly';

export interface TranscribeAudioOptions {
  /** The upload's name, for messages. */
  readonly fileName?: string;
  /** Refuse longer recordings (config.maxAudioSeconds). */
  readonly maxSeconds?: number;
  readonly mode?: TranscriptionMode;
  readonly instrument?: InstrumentHint;
  /** Progress through the analysis (decoding is not counted). */
  readonly onProgress?: (progress: TranscriptionProgress) => void;
  /** Return the note model's activations when the polyphonic path ran (benchmarks, diagnostics). */
  readonly keepActivations?: boolean;
}

/** A recording transcribed: the analysis, and what the front end noticed about the recording. */
export interface AudioTranscription {
  readonly analysis: Transcription;
  /** Which path ran. */
  readonly mode: 'mono' | 'poly';
  /** "the recording clips in 12 places", "the first 3.2 s are silent"… */
  readonly warnings: readonly string[];
  /** Seconds of audio. */
  readonly duration: number;
  /** The note model's activations, when asked for and the polyphonic path ran. */
  readonly activations?: NoteActivations;
}

/**
 * Transcribes decoded audio: the analysis front end (mono, DC removed, 22.05 kHz, loudness normalised),
 * then a path. `mono` runs the pitch tracker; `poly` runs basic-pitch's note model. `auto`, for a piano,
 * a guitar or no hint, first probes the loudest 4 seconds with both and takes the note model for chords;
 * otherwise (and for strings and winds) it runs the pitch tracker and still moves to the note model when
 * the tracker hears no clear pitch (`POLYPHONY_THRESHOLD`); a voice sings one note at a time and stays on
 * the tracker. A silent recording, or one with no notes, is a TranscriptionError.
 */
export async function transcribePcm(
  pcm: PcmAudio,
  options: TranscribeAudioOptions = {},
): Promise<AudioTranscription> {
  // Let pending I/O run before the analysis holds the thread.
  await yieldToEventLoop();
  const prepared = prepareForAnalysis(pcm.channels, pcm.sampleRate);
  const name = options.fileName ? `'${options.fileName}'` : 'the recording';
  if (prepared.silent) {
    throw new TranscriptionError('silent', `${name} is silent: there is nothing to transcribe`);
  }
  const report = options.onProgress ?? (() => {});
  const mode = options.mode ?? 'auto';
  const duration = prepared.samples.length / prepared.rate;
  let kept: NoteActivations | undefined;
  const polyphonic = async (from: number): Promise<Transcription> => {
    const activations = await noteActivations(prepared.samples, (fraction) =>
      report({ fraction: from + (1 - from) * 0.9 * fraction, stage: 'notes' }),
    );
    if (options.keepActivations) kept = activations;
    return transcribePolyphonic(prepared.samples, prepared.rate, activations, {
      ...(options.instrument ? { instrument: options.instrument } : {}),
      onProgress: (p) => report({ ...p, fraction: from + (1 - from) * (0.9 + 0.1 * p.fraction) }),
    });
  };
  let analysis: Transcription;
  let ran: 'mono' | 'poly';
  const chordsFirst =
    mode === 'poly' ||
    (mode === 'auto' &&
      CHORD_INSTRUMENTS.includes(options.instrument) &&
      (await probeForChords(prepared.samples, prepared.rate, options.instrument)));
  if (chordsFirst) {
    analysis = await polyphonic(0);
    ran = 'poly';
  } else {
    // In auto (voice aside) the melody path is the first fifth of the work: the note model may follow.
    const share = mode === 'auto' && options.instrument !== 'voice' ? 0.2 : 1;
    analysis = transcribeMonophonic(prepared.samples, prepared.rate, {
      ...(options.instrument ? { instrument: options.instrument } : {}),
      onProgress: (p) => report({ ...p, fraction: p.fraction * share }),
    });
    ran = 'mono';
    if (share < 1 && (analysis.unpitchedFraction ?? 0) > POLYPHONY_THRESHOLD) {
      const poly = await polyphonic(share);
      // Chords heard by the pitch tracker but a single line from the note model: keep the melody path.
      if (meanPolyphony(poly.notes) > 1.15 || analysis.notes.length === 0) {
        analysis = poly;
        ran = 'poly';
      }
      report({ fraction: 1, stage: 'done' });
    }
  }
  if (analysis.notes.length === 0) {
    throw new TranscriptionError('no-notes', `no pitched notes were found in ${name}`);
  }
  return {
    analysis,
    mode: ran,
    warnings: prepared.warnings,
    duration,
    ...(ran === 'poly' && kept ? { activations: kept } : {}),
  };
}

/** Decodes a file (WAV, MP3, FLAC, Ogg, AAC/M4A/WebM…) and transcribes it. */
export async function transcribeAudio(
  bytes: Uint8Array,
  options: TranscribeAudioOptions = {},
): Promise<AudioTranscription> {
  const pcm = await decodeAudio(bytes, {
    ...(options.fileName ? { fileName: options.fileName } : {}),
    ...(options.maxSeconds !== undefined ? { maxSeconds: options.maxSeconds } : {}),
  });
  return transcribePcm(pcm, options);
}

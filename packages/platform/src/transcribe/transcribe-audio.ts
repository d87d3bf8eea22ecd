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
 * … or, for instruments that play chords, when the note model run on a few seconds in the middle hears
 * chords there (a chord made of one note's overtones — C3 G3 E4 C5 — looks like one pitch to the tracker).
 */
const PROBE_SECONDS = 4;
const CHORD_INSTRUMENTS: readonly (InstrumentHint | undefined)[] = [undefined, 'piano', 'guitar'];

/** Runs the note model on PROBE_SECONDS around the middle of the melody path's notes and compares. */
async function probeForChords(samples: Float32Array, rate: number, line: Transcription): Promise<boolean> {
  const notes = line.notes;
  const middle = notes.length > 0 ? (notes[Math.floor(notes.length / 2)] as { onset: number }).onset : 0;
  const from = Math.max(0, Math.min(middle - PROBE_SECONDS / 2, samples.length / rate - PROBE_SECONDS));
  const to = from + PROBE_SECONDS;
  const probe = notesFromActivations(
    await noteActivations(samples.subarray(Math.round(from * rate), Math.round(to * rate))),
  );
  // Notes cut by the edges of the probe count on both sides alike.
  const inside = notes.filter((n) => n.onset >= from && n.onset < to);
  return looksPolyphonic(probe, inside);
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
 * then a path. `mono` runs the pitch tracker; `poly` runs basic-pitch's note model; `auto` runs the
 * pitch tracker and moves to the note model when it hears chords (`POLYPHONY_THRESHOLD`), except for a
 * voice, which sings one note at a time. A silent recording, or one with no notes, is a TranscriptionError.
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
  if (mode === 'poly') {
    analysis = await polyphonic(0);
    ran = 'poly';
  } else {
    // In auto the melody path is the first fifth of the work: the note model may follow.
    const share = mode === 'auto' && options.instrument !== 'voice' ? 0.2 : 1;
    analysis = transcribeMonophonic(prepared.samples, prepared.rate, {
      ...(options.instrument ? { instrument: options.instrument } : {}),
      onProgress: (p) => report({ ...p, fraction: p.fraction * share }),
    });
    ran = 'mono';
    const chords =
      share < 1 &&
      ((analysis.unpitchedFraction ?? 0) > POLYPHONY_THRESHOLD ||
        (CHORD_INSTRUMENTS.includes(options.instrument) &&
          (await probeForChords(prepared.samples, prepared.rate, analysis))));
    if (chords) {
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

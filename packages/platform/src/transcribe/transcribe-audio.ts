import {
  prepareForAnalysis,
  transcribeMonophonic,
  type InstrumentHint,
  type Transcription,
  type TranscriptionProgress,
} from '@cadenza/analysis';
import { yieldToEventLoop } from '../audio/encode/pcm-chunks.js';
import { decodeAudio } from '../audio/decode/index.js';
import type { PcmAudio } from '../audio/wav.js';
import { TranscriptionError } from './transcription-error.js';

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
}

/**
 * Transcribes decoded audio: the analysis front end (mono, DC removed, 22.05 kHz, loudness normalised),
 * then the monophonic path. A silent recording, or one with no notes, is a TranscriptionError. The
 * polyphonic path (basic-pitch) is not built yet: `poly` says so; `auto` runs the monophonic path.
 */
export async function transcribePcm(
  pcm: PcmAudio,
  options: TranscribeAudioOptions = {},
): Promise<AudioTranscription> {
  if (options.mode === 'poly') {
    throw new TranscriptionError(
      'mode-unavailable',
      'polyphonic transcription (mode=poly) is not available yet: use mode=mono or auto',
    );
  }
  // Let pending I/O run before the analysis holds the thread.
  await yieldToEventLoop();
  const prepared = prepareForAnalysis(pcm.channels, pcm.sampleRate);
  const name = options.fileName ? `'${options.fileName}'` : 'the recording';
  if (prepared.silent) {
    throw new TranscriptionError('silent', `${name} is silent: there is nothing to transcribe`);
  }
  const analysis = transcribeMonophonic(prepared.samples, prepared.rate, {
    ...(options.instrument ? { instrument: options.instrument } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  if (analysis.notes.length === 0) {
    throw new TranscriptionError('no-notes', `no pitched notes were found in ${name}`);
  }
  return {
    analysis,
    mode: 'mono',
    warnings: prepared.warnings,
    duration: prepared.samples.length / prepared.rate,
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

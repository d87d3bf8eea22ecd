import {
  add,
  midiOf,
  midiToFrequency,
  scoreTempoMap,
  beatsToSeconds,
  toNumber,
  type Score,
} from '@cadenza/core';
import type { PcmAudio } from './wav.js';

/**
 * A small additive "preview piano": a few decaying harmonics per note, so any score can be heard
 * before SoundFont synthesis (the export issue) replaces it. Deterministic; mono duplicated to stereo.
 */
export interface PreviewSynthOptions {
  /** Output rate in Hz (default 44100). */
  readonly sampleRate?: number;
  /** Peak level after normalisation, in dBFS (default -3: headroom, never clipping). */
  readonly peakDb?: number;
  /** Seconds of release after the last note (default 1). */
  readonly tailSeconds?: number;
}

/** Relative amplitude of harmonics 1..6, roughly a soft piano spectrum. */
const HARMONICS = [1, 0.45, 0.22, 0.12, 0.06, 0.03];

export function renderPreview(score: Score, options: PreviewSynthOptions = {}): PcmAudio {
  const sampleRate = options.sampleRate ?? 44100;
  const tail = options.tailSeconds ?? 1;
  const map = scoreTempoMap(score);
  const notes = score.parts.flatMap((p) => p.notes);
  let end = 0;
  const timed = notes.map((n) => {
    const start = beatsToSeconds(map, toNumber(n.position) + (n.offset ?? 0));
    const stop = beatsToSeconds(map, add(n.position, n.duration));
    end = Math.max(end, stop);
    return { start, stop, midi: midiOf(n.pitch), velocity: n.velocity ?? 80 };
  });
  const mono = new Float32Array(Math.ceil((end + tail) * sampleRate));
  for (const n of timed) {
    const f0 = midiToFrequency(n.midi);
    const amp = (n.velocity / 127) ** 1.5;
    const first = Math.floor(n.start * sampleRate);
    const heldSamples = Math.max(1, Math.floor((n.stop - n.start) * sampleRate));
    const release = Math.floor(0.25 * sampleRate);
    const last = Math.min(mono.length, first + heldSamples + release);
    const decay = 1.2 + n.midi / 40; // higher notes die away faster, as on a piano
    for (let i = first; i < last; i++) {
      const t = (i - first) / sampleRate;
      const attack = Math.min(1, t / 0.005);
      const releaseGain = i < first + heldSamples ? 1 : 1 - (i - first - heldSamples) / release;
      let s = 0;
      for (let h = 0; h < HARMONICS.length; h++) {
        const fh = f0 * (h + 1);
        if (fh > sampleRate / 2) break;
        s += (HARMONICS[h] ?? 0) * Math.exp(-t * decay * (1 + h * 0.5)) * Math.sin(2 * Math.PI * fh * t);
      }
      mono[i] = (mono[i] ?? 0) + s * amp * attack * releaseGain;
    }
  }
  let peak = 0;
  for (const s of mono) peak = Math.max(peak, Math.abs(s));
  const target = 10 ** ((options.peakDb ?? -3) / 20);
  if (peak > 0) {
    const gain = target / peak;
    for (let i = 0; i < mono.length; i++) mono[i] = (mono[i] ?? 0) * gain;
  }
  return { sampleRate, channels: [mono, mono.slice()] };
}

import type { Score } from '@cadenza/core';
import { decodeMidiFile, encodeMidiFile, writeMidi, type MidiFile } from '@cadenza/formats';
import type { PcmAudio } from '../wav.js';
import { normalizeLevels, trimTail } from './normalize.js';
import { prepareMidi } from './prepare-midi.js';
import { renderMidi } from './render-midi.js';
import { loadSoundFont } from './soundfont-cache.js';
import {
  checkProgram,
  resolveSynthOptions,
  type ResolvedSynthOptions,
  type ScoreSynthOptions,
  type SynthOptions,
} from './synth-options.js';
import { SynthesisError } from './synthesis-error.js';

/**
 * Renders a score to stereo PCM with a SoundFont: the score's performance (offsets, velocities,
 * pedal, programs) as `writeMidi` plays it, plus the count-in, click and reverb the options ask for,
 * normalised to the loudness target with the peak never above `peakDb`.
 * Throws SynthesisError for bad options or an unusable SoundFont, MusicError for an unplayable score.
 */
export async function synthesizeScore(score: Score, options: ScoreSynthOptions = {}): Promise<PcmAudio> {
  const resolved = resolveSynthOptions(options);
  const midi = writeMidi(withInstruments(score, options.instruments));
  return synthesizeFile(decodeMidiFile(midi), resolved);
}

/**
 * Renders Standard MIDI File bytes to stereo PCM, as `synthesizeScore` does. A file that is not MIDI,
 * or is truncated or corrupt, is a MusicError naming the problem.
 */
export async function synthesizeMidi(bytes: Uint8Array, options: SynthOptions = {}): Promise<PcmAudio> {
  const resolved = resolveSynthOptions(options);
  return synthesizeFile(decodeMidiFile(bytes), resolved);
}

async function synthesizeFile(file: MidiFile, o: ResolvedSynthOptions): Promise<PcmAudio> {
  const bank = await loadSoundFont(o.soundFont);
  const prepared = prepareMidi(file, {
    countInBeats: o.countInBeats,
    metronome: o.metronome,
    reverb: o.reverb,
  });
  const rendered = await renderMidi(encodeMidiFile(prepared.file), bank, {
    sampleRate: o.sampleRate,
    effects: o.reverb,
    endTick: prepared.endTick,
    tailSeconds: o.tailSeconds,
    mode: o.renderMode,
    onProgress: o.onProgress,
  });
  const channels = [rendered.left, rendered.right];
  normalizeLevels(channels, o.sampleRate, o);
  const musicEnd = Math.ceil(rendered.musicEndSeconds * o.sampleRate);
  const maxFrames = Math.ceil((rendered.musicEndSeconds + o.tailSeconds) * o.sampleRate);
  return { sampleRate: o.sampleRate, channels: trimTail(channels, o.sampleRate, musicEnd, maxFrames) };
}

/** The score with each listed part's program replaced; a part id the score lacks is an error. */
function withInstruments(score: Score, instruments: Readonly<Record<string, number>> | undefined): Score {
  if (!instruments) return score;
  const ids = new Set(score.parts.map((p) => p.id));
  for (const [id, program] of Object.entries(instruments)) {
    if (!ids.has(id)) {
      throw new SynthesisError(
        'option',
        `an instrument was chosen for part ${id}, but the score's parts are ${[...ids].join(', ') || 'none'}`,
      );
    }
    checkProgram(id, program);
  }
  return {
    ...score,
    parts: score.parts.map((p) => {
      const program = instruments[p.id];
      return program === undefined ? p : { ...p, program };
    }),
  };
}

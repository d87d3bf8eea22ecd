import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { MusicError } from '@cadenza/core';
import {
  BasicMIDI,
  InterpolationTypes,
  SpessaSynthProcessor,
  SpessaSynthSequencer,
  type BasicSoundBank,
} from 'spessasynth_core';
import type { RenderMode } from './synth-options.js';
import { voiceCuller } from './voice-culling.js';

/** How one render runs. */
export interface RenderSettings {
  readonly sampleRate: number;
  /** Run spessasynth's reverb/chorus/delay processors; off, the output is the dry voices only. */
  readonly effects: boolean;
  /** Tick where the music ends (trailing rests included); rendering goes on `tailSeconds` past it. */
  readonly endTick: number;
  readonly tailSeconds: number;
  /** `fast`: linear interpolation and release culling; `reference`: Hermite, no culling. */
  readonly mode: RenderMode;
  readonly onProgress: ((fraction: number) => void) | undefined;
}

/** Raw (unnormalised) stereo output and the second at which the music ends. */
export interface RenderedMidi {
  readonly left: Float32Array;
  readonly right: Float32Array;
  readonly musicEndSeconds: number;
  /** Sounding voices averaged over the quanta rendered (a stereo sample is two): what the time follows. */
  readonly meanVoices: number;
}

/** spessasynth updates envelopes and LFOs once per quantum; 128 frames is its recommended size. */
const QUANTUM = 128;
/**
 * Fast mode drops a released voice this far under the mix (power sum of all voices): 60 dB keeps the
 * difference from the reference render below what the per-band comparison in the tests can see.
 */
const CULL_BELOW_MIX_DB = -60;
/** Give the event loop a turn (and report progress) about every half second of audio. */
const QUANTA_PER_SLICE = 172;

/**
 * Plays Standard MIDI File bytes through spessasynth offline. A fresh processor and sequencer per
 * call (cheap); the sound bank is shared and never destroyed here. The loop yields to the event loop
 * between slices so a server stays responsive while it renders.
 */
export async function renderMidi(
  bytes: Uint8Array,
  bank: BasicSoundBank,
  settings: RenderSettings,
): Promise<RenderedMidi> {
  let midi: BasicMIDI;
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    midi = BasicMIDI.fromArrayBuffer(buffer);
  } catch (error) {
    throw new MusicError(
      `this MIDI file cannot be played: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const { sampleRate } = settings;
  const synth = new SpessaSynthProcessor(sampleRate, {
    eventsEnabled: false,
    effectsEnabled: settings.effects,
    maxBufferSize: QUANTUM,
  });
  synth.soundBankManager.addSoundBank(bank, 'main');
  await synth.processorInitialized;
  // Offline there is no real-time budget: never steal a sounding voice in a dense passage.
  synth.setSystemParameter('autoAllocateVoices', true);
  const fast = settings.mode === 'fast';
  // Linear costs 2 multiplies a sample against Hermite's 10; what it changes is treble the voice
  // filters then take down 40 dB or more in MSBasic's instruments (numbers in the README).
  synth.setSystemParameter(
    'interpolationType',
    fast ? InterpolationTypes.linear : InterpolationTypes.hermite,
  );
  const cull = fast ? voiceCuller(synth, CULL_BELOW_MIX_DB) : undefined;
  const sequencer = new SpessaSynthSequencer(synth);
  // Time 0 is the start of the file (a score that opens with rests keeps them): the Player's cursor
  // and the count-in rely on it.
  sequencer.skipToFirstNoteOn = false;
  sequencer.loadNewSongList([midi]);
  sequencer.loopCount = 0;
  sequencer.play();

  const musicEndSeconds = midi.midiTicksToSeconds(settings.endTick);
  const total = Math.max(0, Math.ceil((musicEndSeconds + settings.tailSeconds) * sampleRate));
  const musicEndFrame = Math.ceil(musicEndSeconds * sampleRate);
  const left = new Float32Array(total);
  const right = new Float32Array(total);
  let frame = 0;
  let quanta = 0;
  let voices = 0;
  while (frame < total) {
    sequencer.processTick();
    const count = Math.min(QUANTUM, total - frame);
    synth.process(left, right, frame, count);
    voices += synth.voiceCount;
    quanta++;
    cull?.();
    frame += count;
    // Past the end with every voice released and no effects still ringing: the rest is silence.
    if (frame >= musicEndFrame && !settings.effects && synth.voiceCount === 0) break;
    if (quanta % QUANTA_PER_SLICE === 0) {
      settings.onProgress?.(frame / total);
      await yieldToEventLoop();
    }
  }
  settings.onProgress?.(1);
  return {
    left: left.subarray(0, frame),
    right: right.subarray(0, frame),
    musicEndSeconds,
    meanVoices: voices / Math.max(1, quanta),
  };
}

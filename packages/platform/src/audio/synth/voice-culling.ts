import type { SpessaSynthProcessor } from 'spessasynth_core';

/**
 * Release culling for the fast render path: a released voice is dropped once it sits more than
 * `belowMixDb` under the whole mix, instead of sounding on until spessasynth's own end of release
 * (90 dB below the voice's peak). MuseScore General Lite's piano releases fall about 130 dB/s, so in
 * a pedalled passage a third of the voices are tails far under everything else; they cost as much
 * CPU as the notes you hear.
 *
 * Level of a voice: its volume-envelope gain at the end of the quantum × the channel gain × the
 * key-modifier gain (what spessasynth multiplies the sample by, before the filter and pan). Level of
 * the mix: the power sum of every sounding voice's level. Both are deterministic, so renders stay
 * bit-for-bit repeatable. The mix reference follows the music down: in the last chord's tail, or a
 * lone note, a voice is compared with the few voices still sounding, so endings are not cut short.
 *
 * spessasynth_core (4.3) does not expose its voices; this reads the few fields below from its
 * `synthCore` (the same ones its own voice stealing uses) and drops a voice the way the engine ends one
 * itself (`isActive = false`). If a later version changes them, `voiceCuller` returns undefined and
 * the render simply keeps every voice (the fast-path test fails, so it is noticed).
 */

/** A voice as culling sees it (fields of spessasynth_core's `Voice`). */
interface VoiceView {
  isActive: boolean;
  readonly isInRelease: boolean;
  readonly channel: number;
  readonly gainModifier: number;
  readonly volEnv: { readonly outputGain: number };
}

/** The synthesizer core as culling sees it. */
interface CoreView {
  readonly voices: readonly VoiceView[];
  readonly midiChannels: readonly { readonly currentGain: number }[];
  readonly systemParameters: { readonly voiceCap: number };
}

/** Drops the inaudible released voices after a quantum; returns how many it dropped. */
export type VoiceCuller = () => number;

/**
 * A culler for `synth`: call it after each `process` call. `belowMixDb` (negative) is how far under
 * the mix a released voice must be to go. Undefined when the engine's internals are not as expected.
 */
export function voiceCuller(synth: SpessaSynthProcessor, belowMixDb: number): VoiceCuller | undefined {
  const core = coreView(synth);
  if (!core) return undefined;
  const ratio = 10 ** (belowMixDb / 10); // a power ratio
  return () => {
    const { voices, midiChannels } = core;
    const cap = Math.min(core.systemParameters.voiceCap, voices.length);
    let mix = 0;
    let released = 0;
    for (let i = 0; i < cap; i++) {
      const v = voices[i];
      if (!v?.isActive) continue;
      const g = v.volEnv.outputGain * (midiChannels[v.channel]?.currentGain ?? 1) * v.gainModifier;
      mix += g * g;
      if (v.isInRelease) released++;
    }
    if (released === 0) return 0;
    const limit = mix * ratio;
    let dropped = 0;
    for (let i = 0; i < cap; i++) {
      const v = voices[i];
      if (!v?.isActive || !v.isInRelease) continue;
      const g = v.volEnv.outputGain * (midiChannels[v.channel]?.currentGain ?? 1) * v.gainModifier;
      if (g * g < limit) {
        v.isActive = false;
        dropped++;
      }
    }
    return dropped;
  };
}

function coreView(synth: SpessaSynthProcessor): CoreView | undefined {
  const core = (synth as unknown as { synthCore?: Partial<CoreView> }).synthCore;
  const voice = core?.voices?.[0];
  const channel = core?.midiChannels?.[0];
  const usable =
    core !== undefined &&
    Array.isArray(core.voices) &&
    Array.isArray(core.midiChannels) &&
    typeof channel?.currentGain === 'number' &&
    typeof core.systemParameters?.voiceCap === 'number' &&
    voice !== undefined &&
    typeof voice.isActive === 'boolean' &&
    typeof voice.isInRelease === 'boolean' &&
    typeof voice.channel === 'number' &&
    typeof voice.gainModifier === 'number' &&
    typeof voice.volEnv?.outputGain === 'number';
  return usable ? (core as CoreView) : undefined;
}

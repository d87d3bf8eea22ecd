/** SoundFont synthesis: Score or MIDI → stereo PCM with spessasynth_core. */
export { synthesizeMidi, synthesizeScore } from './synthesize.js';
export type { RenderMode, ScoreSynthOptions, SynthOptions } from './synth-options.js';
export { SynthesisError } from './synthesis-error.js';
export { defaultSoundFontPath } from './soundfont-cache.js';

export * from './encode-error.js';
export { AUDIO_FILE_TYPES, encodeAudio, type EncodeAudioOptions, type EncodedAudio } from './encode-audio.js';
export {
  AUDIO_QUALITY_PRESETS,
  DEFAULT_AUDIO_QUALITY,
  audioQualityNames,
  resolveAudioQuality,
  type AudioEncodeFormat,
  type AudioEncodeSettings,
  type AudioQualityPresets,
} from './quality-presets.js';

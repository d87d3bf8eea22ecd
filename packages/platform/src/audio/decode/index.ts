export * from './decode-error.js';
export { decodeAudio, type DecodeAudioOptions } from './decode-audio.js';
export { AUDIO_FORMAT_NAMES, detectAudioFormat, type AudioFormat, type DetectedFormat } from './sniff.js';

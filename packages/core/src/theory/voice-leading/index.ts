export * from './types.js';
export { checkVoiceLeading } from './check.js';
export { extractVoices, SATB_NAMES } from './voices.js';
export { buildVerticalities, type SoundingNote, type Verticality } from './verticalities.js';
export { SATB_RANGES } from './vertical-rules.js';

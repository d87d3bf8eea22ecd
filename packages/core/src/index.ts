/** @cadenza/core: the music model and theory. Pure: no I/O, no clock, no global randomness. */
export * from './errors.js';
export * from './units.js';
export * from './time/rational.js';
export * from './time/meter.js';
export * from './time/tempo-map.js';
export * from './pitch/pitch.js';
export * from './pitch/interval.js';
export * from './theory/key.js';
export * from './theory/scales.js';
export * from './theory/chord-types.js';
export * from './theory/chord.js';
export * from './score/score.js';
export * from './score/measures.js';
export * from './random/rng.js';
export * from './theory/chord-symbol.js';
export * from './theory/voice-leading.js';

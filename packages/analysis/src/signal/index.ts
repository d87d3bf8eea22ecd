export * from './fft.js';
export * from './mono.js';
export * from './resample.js';
export * from './levels.js';
export * from './level-warnings.js';
export * from './prepare.js';

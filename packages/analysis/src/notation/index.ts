export * from './types.js';
export * from './beat-map.js';
export * from './beat-grid.js';
export * from './octave-errors.js';
export * from './staff-split.js';
export * from './tempo-marks.js';
export * from './notated-ends.js';
export * from './performance-to-score.js';

/** @cadenza/pedagogy: pure, seeded music for teaching — genre arrangements, exercises, grading, ear training. */
export * from './arrange/index.js';
export * from './exercises/index.js';
export * from './grading/index.js';
export * from './ear-training/index.js';
export * from './learning/index.js';
export * from './songs/index.js';

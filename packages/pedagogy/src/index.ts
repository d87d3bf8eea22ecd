/** @cadenza/pedagogy: pure, seeded music for teaching — genre arrangements first. */
export * from './arrange/index.js';

/** Learning paths (issue 8): profiles, placement, curricula, adaptation, spaced repetition, the theory graph. */
export * from './learning-types.js';

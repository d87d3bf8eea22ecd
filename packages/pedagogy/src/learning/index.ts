/** Learning paths (issue 8): profiles, placement, curricula, adaptation, spaced repetition, the theory graph. */
export * from './learning-types.js';
export { SKILL_LABELS, SKILL_SUBJECTS, weakestFirst } from './skill-words.js';
export * from './onboarding.js';
export * from './adaptation.js';
export * from './attempt-skills.js';
export * from './theory-graph.js';
export { theoryQuestions, checkTheoryAnswer, MAX_THEORY_QUESTIONS } from './theory-questions.js';
export * from './spaced-repetition.js';

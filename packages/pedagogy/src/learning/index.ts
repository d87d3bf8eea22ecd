/** Learning paths (issue 8): profiles, placement, curricula, adaptation, spaced repetition, the theory graph. */
export * from './learning-types.js';
export { SKILL_LABELS, SKILL_SUBJECTS, weakestFirst } from './skill-words.js';
export * from './onboarding.js';
export * from './adaptation.js';
export * from './attempt-skills.js';
export * from './theory-graph.js';
export { theoryQuestions, checkTheoryAnswer, MAX_THEORY_QUESTIONS } from './theory-questions.js';
export * from './spaced-repetition.js';
export * from './curriculum.js';
export { SESSION_DAYS, MIN_ITEM_MINUTES, REVIEW_MINUTES } from './plan-sessions.js';
export { chooseFocus, goalSkills, goalGenres, plannedGenres } from './plan-focus.js';
export { chooseMilestone, MILESTONE_LEVEL_SPREAD } from './plan-milestone.js';
export { exerciseFieldsOf, generatorDifficulty, subtypesFor } from './plan-exercises.js';
export { liveItem } from './live-item.js';
export { addDays } from './plan-dates.js';
export { knownTheory, planTheoryTopics } from './plan-items.js';
export * from './placement.js';

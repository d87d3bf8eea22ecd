import type { LearnerProfile, PlanItem } from './learning-types.js';
import { earTrainingChoice, earTypesAt, exerciseOfType, generatorDifficulty } from './plan-exercises.js';

/**
 * A plan item as the student should meet it now: an exercise or ear-training item reset to its skill's
 * difficulty in the profile as it stands when the student starts it, not the one frozen when the week was
 * planned. The adaptation rule moves a skill after every graded attempt, so by Thursday Monday's plan can
 * be half a step (or more) off; playing at the live level keeps practice where the results say it belongs.
 *
 * - A half level alternates between its two whole neighbours by the item's seed (`generatorDifficulty`),
 *   so 4.5 is practised at 4 and 5 in turn.
 * - The request stays valid for the generator: the exercise keeps its type and, when still open at the new
 *   difficulty, its subtype (otherwise one that is, drawn by its seed, with the title to match); the
 *   ear-training quiz keeps its type when open at the new difficulty (melodic dictation from 3, rhythm
 *   dictation from 2), otherwise one that is.
 * - Theory topics, milestone songs and reviews are set by their own material and stay as planned, and so
 *   does anything a teacher assigned (their choice of difficulty stands).
 * Pure: the same item and profile give the same item; an item already at the live difficulty is returned
 * unchanged (the same object).
 */
export function liveItem(item: PlanItem, profile: LearnerProfile): PlanItem {
  if (item.assignedBy !== undefined) return item;
  if (item.kind === 'exercise' && item.exercise) {
    const skill = item.skill;
    if (skill === 'music_theory' || skill === 'ear_training') return item;
    const request = item.exercise;
    const difficulty = generatorDifficulty(profile.skillLevels[skill], request.seed);
    if (difficulty === request.difficulty && difficulty === item.difficulty) return item;
    const choice = exerciseOfType(skill, request.skill_type, difficulty, {
      seed: request.seed,
      genres: profile.preferredGenres,
      ...(request.subtype !== undefined ? { subtype: request.subtype } : {}),
    });
    const subtypeKept = choice.exercise?.subtype === request.subtype;
    return {
      ...item,
      title: subtypeKept ? item.title : choice.title,
      difficulty,
      exercise: { ...request, ...choice.exercise, difficulty },
    };
  }
  if (item.kind === 'ear_training' && item.earTraining) {
    const request = item.earTraining;
    const difficulty = generatorDifficulty(profile.skillLevels.ear_training, request.seed ?? 0);
    if (difficulty === request.difficulty && difficulty === item.difficulty) return item;
    const open = earTypesAt(difficulty);
    const type = open.includes(request.type)
      ? request.type
      : (open[(request.seed ?? 0) % open.length] ?? 'interval_recognition');
    const choice = earTrainingChoice({ ...request, type, difficulty });
    return {
      ...item,
      skill: 'ear_training',
      title: type === request.type ? item.title : choice.title,
      difficulty,
      earTraining: { ...request, type, difficulty },
    };
  }
  return item;
}

import { SKILLS, type LearnerProfile, type LearningGenre, type Skill } from './learning-types.js';
import { LEARNING_GENRES } from './learning-types.js';
import { percent, SKILL_LABELS, weakestFirst } from './skill-words.js';

/** Words in a goal that point at a skill ("sight read hymns" → sight reading). First match wins per goal. */
const GOAL_SKILLS: readonly (readonly [RegExp, Skill])[] = [
  [/sight[\s-]?read/i, 'sight_reading'],
  [/\bread(ing)?\b.*\b(music|sheet|notes|score|lead sheet)/i, 'sight_reading'],
  [/\bear\b|by ear|transcrib|dictation|hear/i, 'ear_training'],
  [/theory|harmony|chords? (theory|names)|analy[sz]/i, 'music_theory'],
  [/rhythm|timing|groove|in time|metronome|tempo/i, 'rhythm_accuracy'],
  [/scales?|technique|arpeggio|speed|fast|finger|dexterity/i, 'technique'],
  [/pitch|intonation|right notes|wrong notes|accura/i, 'pitch_accuracy'],
];

/** The skills the student's goals name, short-term goals first, each once. */
export function goalSkills(profile: LearnerProfile): { skill: Skill; goal: string }[] {
  const found: { skill: Skill; goal: string }[] = [];
  for (const goal of [...profile.shortTermGoals, ...profile.longTermGoals]) {
    const hit = GOAL_SKILLS.find(([re]) => re.test(goal));
    if (hit && !found.some((f) => f.skill === hit[1])) found.push({ skill: hit[1], goal });
  }
  return found;
}

/** Genres the goals name ("play jazz standards" → jazz); "neo-soul" and "neo soul" count. */
export function goalGenres(profile: LearnerProfile): LearningGenre[] {
  const text = [...profile.shortTermGoals, ...profile.longTermGoals, ...profile.targetSongs]
    .join(' ')
    .toLowerCase()
    .replace(/neo[\s-]soul/g, 'neosoul');
  return LEARNING_GENRES.filter((g) => new RegExp(`\\b${g}\\b`).test(text));
}

/** Genres the milestone songs follow: the stated preferences, then genres named in goals. */
export function plannedGenres(profile: LearnerProfile): LearningGenre[] {
  return [...new Set([...profile.preferredGenres, ...goalGenres(profile)])];
}

export interface Focus {
  /** Weakest first, then a goal's skill. */
  readonly skills: readonly Skill[];
  readonly reason: string;
}

/**
 * The week's focus: the two weakest skills (lowest estimate), plus the first skill a goal names when it is
 * not one of them, else the third weakest. Always three skills, so the other three still get a weekly turn.
 */
export function chooseFocus(profile: LearnerProfile): Focus {
  const weakest = weakestFirst(profile.skills);
  const two = weakest.slice(0, 2);
  const goal = goalSkills(profile).find((g) => !two.includes(g.skill));
  const third: Skill = goal?.skill ?? weakest[2] ?? 'technique';
  const named = two.map((s) => `${SKILL_LABELS[s]} (${percent(profile.skills[s])})`).join(' and ');
  const reason = goal
    ? `Focus: ${named}, your weakest skills, and ${SKILL_LABELS[goal.skill]} for your goal “${goal.goal}”`
    : `Focus: ${named}, your weakest skills, then ${SKILL_LABELS[third]} (${percent(profile.skills[third])})`;
  return { skills: [...two, third], reason };
}

export const otherSkills = (focus: readonly Skill[]): Skill[] => SKILLS.filter((s) => !focus.includes(s));

import { SKILLS, type Skill, type SkillMap } from './learning-types.js';

/** What each skill is called in a sentence a student reads ("rhythm accuracy 64 %"). */
export const SKILL_LABELS: SkillMap<string> = {
  pitch_accuracy: 'pitch accuracy',
  rhythm_accuracy: 'rhythm accuracy',
  sight_reading: 'sight reading',
  music_theory: 'music theory',
  ear_training: 'ear training',
  technique: 'technique',
};

/** The short noun for "easier rhythm this week", "harder sight reading". */
export const SKILL_SUBJECTS: SkillMap<string> = {
  pitch_accuracy: 'pitch work',
  rhythm_accuracy: 'rhythm',
  sight_reading: 'sight reading',
  music_theory: 'theory',
  ear_training: 'ear training',
  technique: 'technique',
};

/** 0.641 → "64 %". */
export const percent = (share: number): string => `${Math.round(share * 100)} %`;

/** A level written without a trailing ".0": 4 → "4", 4.5 → "4.5". */
export const levelText = (level: number): string => String(Math.round(level * 2) / 2);

/** Skills ordered weakest first (lowest estimate); ties keep the spec's order. */
export function weakestFirst(skills: SkillMap<number>): Skill[] {
  return [...SKILLS].sort((a, b) => skills[a] - skills[b] || SKILLS.indexOf(a) - SKILLS.indexOf(b));
}

/** A SkillMap with every skill set by a function. */
export function skillMap<T>(value: (skill: Skill) => T): SkillMap<T> {
  const entries = SKILLS.map((s) => [s, value(s)] as const);
  return Object.fromEntries(entries) as unknown as SkillMap<T>;
}

export const clampLevel = (level: number): number => Math.min(10, Math.max(1, level));
export const clampShare = (share: number): number => Math.min(1, Math.max(0, share));

import { hashSeed } from '@cadenza/core';
import { RequestFieldError } from '../arrange/request/resolve-request.js';
import type { SkillChange } from './adaptation.js';
import type {
  LearnerProfile,
  PlacementItem,
  PlacementResult,
  PlacementTest,
  PlanExerciseRequest,
  Skill,
} from './learning-types.js';
import { SKILLS } from './learning-types.js';
import { deriveProfile, skillForLevel } from './onboarding.js';
import { clampLevel, levelText, percent, SKILL_LABELS } from './skill-words.js';
import { THEORY_TOPICS } from './theory-graph.js';
import { theoryQuestions } from './theory-questions.js';

/** The accuracy that counts as passing an item. */
export const PLACEMENT_PASS = 0.8;
/** Levels gained per unit of accuracy above the pass mark (a perfect item places one level above it). */
export const PLACEMENT_ABOVE = 5;
/** Levels lost per unit of accuracy below the pass mark (0 % places eight levels below the item). */
export const PLACEMENT_BELOW = 10;

const whole = (level: number): number => Math.round(clampLevel(level));

/**
 * A short placement test around the student's own estimate, covering all six skills: technique and rhythm
 * with an easier (level − 1) and a harder (level + 1) item, sight reading, pitch accuracy (a short reading
 * line played note-perfect), one ear-training question and one theory question at the level. Exercises
 * are 2–4 bars, one hand, so the test takes a few minutes. Reproducible from (selfLevel, seed).
 */
export function createPlacementTest(selfLevel: number, seed: number): PlacementTest {
  if (!(Number.isFinite(selfLevel) && selfLevel >= 1 && selfLevel <= 10)) {
    throw new RequestFieldError('self_level', `must be a number from 1 to 10, got ${selfLevel}`);
  }
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new RequestFieldError('seed', `must be a whole number of at least 0, got ${seed}`);
  }
  const level = whole(selfLevel);
  const easier = whole(level - 1);
  const harder = whole(level + 1);
  const itemSeed = (i: number): number => hashSeed(`placement:${seed}:${i}`);
  const exercise = (
    i: number,
    skill: Skill,
    title: string,
    request: Omit<PlanExerciseRequest, 'seed'>,
  ): PlacementItem => ({
    id: `p${i}`,
    skill,
    title,
    kind: 'exercise',
    difficulty: request.difficulty,
    exercise: { ...request, seed: itemSeed(i) },
  });
  const oneHand = { special_focus: 'right hand' } as const;
  const topics = THEORY_TOPICS.filter((t) => t.level <= level);
  const nearest = Math.max(...topics.map((t) => t.level));
  const pool = topics.filter((t) => t.level === nearest);
  const topic = pool[itemSeed(7) % pool.length] ?? THEORY_TOPICS[0];
  const question = topic ? theoryQuestions(topic.id, itemSeed(7), 1)[0] : undefined;
  const items: PlacementItem[] = [
    exercise(0, 'technique', 'Scale, one hand (easier)', {
      skill_type: 'scales',
      subtype: 'major',
      difficulty: easier,
      duration_bars: 4,
      ...oneHand,
    }),
    exercise(1, 'technique', 'Arpeggio, one hand (harder)', {
      skill_type: 'arpeggios',
      subtype: harder >= 2 ? 'minor_triad' : 'major_triad',
      difficulty: harder,
      duration_bars: 4,
      ...oneHand,
    }),
    exercise(2, 'rhythm_accuracy', 'Rhythm (easier)', {
      skill_type: 'rhythm',
      difficulty: easier,
      duration_bars: 2,
    }),
    exercise(3, 'rhythm_accuracy', 'Rhythm (harder)', {
      skill_type: 'rhythm',
      subtype: harder >= 4 ? 'syncopation' : 'eighth_notes',
      difficulty: harder,
      duration_bars: 2,
    }),
    exercise(4, 'sight_reading', 'Sight reading', {
      skill_type: 'sight_reading',
      subtype: level >= 3 ? 'interval_jumps' : 'stepwise_motion',
      difficulty: level,
      duration_bars: 4,
    }),
    exercise(5, 'pitch_accuracy', 'Play every note right', {
      skill_type: 'sight_reading',
      subtype: 'stepwise_motion',
      difficulty: level,
      duration_bars: 2,
    }),
    {
      id: 'p6',
      skill: 'ear_training',
      title: 'Ear training: name the interval',
      kind: 'ear_training',
      difficulty: level,
      earTraining: { type: 'interval_recognition', difficulty: level, seed: itemSeed(6) },
    },
  ];
  if (topic && question) {
    items.push({
      id: 'p7',
      skill: 'music_theory',
      title: `Theory: ${topic.title}`,
      kind: 'theory',
      difficulty: topic.level,
      theoryQuestion: question,
    });
  }
  return { selfLevel, seed, items };
}

/** Where one graded item places a skill: above its difficulty when passed well, far below when failed. */
export function placementLevel(difficulty: number, accuracy: number): number {
  const gap = accuracy - PLACEMENT_PASS;
  return (
    Math.round(clampLevel(difficulty + gap * (gap >= 0 ? PLACEMENT_ABOVE : PLACEMENT_BELOW)) * 1000) / 1000
  );
}

const share = (field: string, value: number | undefined): void => {
  if (value !== undefined && !(Number.isFinite(value) && value >= 0 && value <= 1)) {
    throw new RequestFieldError(field, `must be from 0 to 1, got ${value}`);
  }
};

/**
 * Sets the skills from a placement test's results. Each result is evidence for its item's skill (and a
 * played item's pitch and rhythm accuracies for those skills) at the item's difficulty. A skill's level is
 * the best level an item it passed (≥ 80 %) places it at, or, with nothing passed, the best of its failed
 * items (so passing the harder item places higher, failing the easier one lower); rounded to the half step.
 * skill = (level − 1) / 9. Skills without a result keep the self estimate. The profile is marked placed.
 * Given `at` (epoch ms, when the test was taken), each placed skill's adaptation evidence starts afresh
 * there: results played before placement no longer count toward moving its new difficulty.
 */
export function placeStudent(
  profile: LearnerProfile,
  results: readonly PlacementResult[],
  test: PlacementTest,
  at?: number,
): { profile: LearnerProfile; changes: SkillChange[] } {
  const evidence = new Map<Skill, { difficulty: number; accuracy: number }[]>();
  const add = (skill: Skill, difficulty: number, accuracy: number): void => {
    evidence.set(skill, [...(evidence.get(skill) ?? []), { difficulty, accuracy }]);
  };
  for (const result of results) {
    const item = test.items.find((i) => i.id === result.itemId);
    if (!item)
      throw new RequestFieldError('item_id', `'${result.itemId.slice(0, 20)}' is not an item of this test`);
    share('accuracy', result.accuracy);
    share('pitch_accuracy', result.pitchAccuracy);
    share('rhythm_accuracy', result.rhythmAccuracy);
    add(item.skill, item.difficulty, result.accuracy);
    if (item.kind === 'exercise') {
      if (
        result.pitchAccuracy !== undefined &&
        item.skill !== 'pitch_accuracy' &&
        item.exercise?.skill_type !== 'rhythm'
      ) {
        add('pitch_accuracy', item.difficulty, result.pitchAccuracy);
      }
      if (result.rhythmAccuracy !== undefined && item.skill !== 'rhythm_accuracy') {
        add('rhythm_accuracy', item.difficulty, result.rhythmAccuracy);
      }
    }
  }
  const changes: SkillChange[] = [];
  const skills = { ...profile.skills };
  const skillLevels = { ...profile.skillLevels };
  const since: Partial<Record<Skill, number>> = { ...profile.difficultySince };
  for (const skill of SKILLS) {
    const found = evidence.get(skill);
    if (!found || found.length === 0) continue;
    const passed = found.filter((e) => e.accuracy >= PLACEMENT_PASS);
    const pool = passed.length > 0 ? passed : found;
    const best = pool.reduce((a, b) =>
      placementLevel(b.difficulty, b.accuracy) > placementLevel(a.difficulty, a.accuracy) ? b : a,
    );
    const level = Math.round(placementLevel(best.difficulty, best.accuracy) * 2) / 2;
    const from = profile.skillLevels[skill];
    skills[skill] = skillForLevel(level);
    skillLevels[skill] = level;
    if (at !== undefined) since[skill] = at;
    if (level !== from) {
      changes.push({
        skill,
        from,
        to: level,
        trend: best.accuracy,
        reason: `Placement: ${SKILL_LABELS[skill]} ${percent(best.accuracy)} at difficulty ${best.difficulty} → start at ${levelText(level)}`,
      });
    }
  }
  const difficultySince = at === undefined ? profile.difficultySince : since;
  return {
    profile: deriveProfile({
      ...profile,
      skills,
      skillLevels,
      placed: true,
      ...(difficultySince ? { difficultySince } : {}),
    }),
    changes,
  };
}

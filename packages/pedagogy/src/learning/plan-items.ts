import { hashSeed } from '@cadenza/core';
import type { SongSummary } from '../songs/song-types.js';
import type { LearnerProfile, LearningGenre, PlanItem, Skill, SkillMap } from './learning-types.js';
import { chooseExercise, generatorDifficulty } from './plan-exercises.js';
import { REVIEW_MINUTES, type SessionLayout, type SlotLayout } from './plan-sessions.js';
import { availableTopics, THEORY_TOPICS, theoryTopic } from './theory-graph.js';

/**
 * The theory a plan may build on: the topics the student has passed, plus every topic below their music
 * theory level (a level-5 student is not sent back to note values). Closed under prerequisites, since a
 * topic's prerequisites never sit at a higher level than the topic.
 */
export function knownTheory(profile: LearnerProfile): string[] {
  const below = Math.floor(profile.skillLevels.music_theory);
  const assumed = THEORY_TOPICS.filter((t) => t.level < below).map((t) => t.id);
  return [...new Set([...profile.theoryLearned, ...assumed])];
}

/** Most new theory topics a week introduces. */
export const TOPICS_PER_WEEK = 2;

/**
 * The week's theory topics: the next ones the graph allows (prerequisites learned or planned in an earlier
 * week, lowest level first), one per theory item up to two. When every topic is known, the most advanced
 * one is revised.
 */
export function planTheoryTopics(
  known: readonly string[],
  theoryItems: number,
): { topics: string[]; reasons: string[] } {
  if (theoryItems === 0) return { topics: [], reasons: [] };
  const next = availableTopics(known).slice(0, Math.min(theoryItems, TOPICS_PER_WEEK));
  if (next.length === 0) {
    const revise = [...THEORY_TOPICS].reverse().find((t) => known.includes(t.id)) ?? THEORY_TOPICS[0];
    return revise
      ? { topics: [revise.id], reasons: [`Theory: revising ${revise.title}`] }
      : { topics: [], reasons: [] };
  }
  const reasons = next.map((t) => {
    const built = t.prerequisites.map((p) => theoryTopic(p)?.title ?? p);
    return built.length > 0
      ? `Theory: ${t.title}, building on ${built.join(' and ')}`
      : `Theory: ${t.title}, a first step`;
  });
  return { topics: next.map((t) => t.id), reasons };
}

/** Where an item sits in a session: reviews, then playing, hearing, theory, and the song last. */
const ORDER: Readonly<Record<Skill, number>> = {
  technique: 1,
  pitch_accuracy: 2,
  rhythm_accuracy: 3,
  sight_reading: 4,
  ear_training: 5,
  music_theory: 6,
};
const rank = (slot: SlotLayout): number => (slot.song ? 7 : ORDER[slot.skill]);

export interface ItemContext {
  readonly weekNumber: number;
  readonly planSeed: number;
  readonly levels: SkillMap<number>;
  readonly genres: readonly LearningGenre[];
  /** Items per skill so far in the plan (varies technique types, ear-training types); updated. */
  readonly turns: Map<Skill, number>;
  readonly theoryTopics: readonly string[];
  /** Theory items so far this week; updated. */
  readonly theoryTurn: { next: number };
  readonly milestone: SongSummary | undefined;
}

/** The concrete items of one laid-out session. Ids are `w{week}-d{day}-{index}`; seeds come from the plan seed. */
export function sessionItems(session: SessionLayout, ctx: ItemContext): PlanItem[] {
  const id = (index: number): string => `w${ctx.weekNumber}-d${session.day}-${index}`;
  const items: PlanItem[] = session.reviews.map((card, index) => ({
    id: id(index),
    kind: 'review',
    skill: card.skill,
    title: `Review: ${card.title}`,
    minutes: REVIEW_MINUTES,
    difficulty: generatorDifficulty(ctx.levels[card.skill], index),
    reviewItemId: card.itemId,
  }));
  const slots = [...session.slots].sort((a, b) => rank(a) - rank(b));
  for (const slot of slots) {
    const index = items.length;
    const seed = hashSeed(`${ctx.planSeed}:w${ctx.weekNumber}:d${session.day}:${index}`);
    const turn = ctx.turns.get(slot.skill) ?? 0;
    ctx.turns.set(slot.skill, turn + 1);
    const base = { id: id(index), skill: slot.skill, minutes: slot.minutes };
    if (slot.song && ctx.milestone) {
      const song = ctx.milestone;
      items.push({
        ...base,
        kind: 'song',
        title: `Milestone song: ${song.title}`,
        difficulty: song.level,
        songId: song.id,
      });
      continue;
    }
    if (slot.skill === 'music_theory') {
      const topicId = ctx.theoryTopics[ctx.theoryTurn.next++ % Math.max(1, ctx.theoryTopics.length)];
      const topic = topicId !== undefined ? theoryTopic(topicId) : undefined;
      if (topic) {
        items.push({
          ...base,
          kind: 'theory',
          title: `Theory: ${topic.title}`,
          difficulty: topic.level,
          theoryTopic: topic.id,
        });
        continue;
      }
    }
    // a theory slot with no topic left becomes ear training, labelled and set as ear training (its
    // results then move the ear-training difficulty it was played at, not the theory one)
    const skill = slot.skill === 'music_theory' ? 'ear_training' : slot.skill;
    const choice = chooseExercise(skill, ctx.levels[skill], {
      turn,
      seed,
      minutes: slot.minutes,
      genres: ctx.genres,
    });
    items.push({
      ...base,
      skill,
      kind: choice.earTraining ? 'ear_training' : 'exercise',
      title: choice.title,
      difficulty: choice.difficulty,
      ...(choice.exercise ? { exercise: choice.exercise } : {}),
      ...(choice.earTraining ? { earTraining: choice.earTraining } : {}),
    });
  }
  return items;
}

import { createRng, type Rng } from '@cadenza/core';
import {
  createProfile,
  deriveProfile,
  LEARNING_GENRES,
  LEARNING_STYLES,
  newReviewCard,
  PRACTICE_FREQUENCIES,
  SKILLS,
  topicOrder,
  type LearnerProfile,
  type ReviewCard,
  type SkillResult,
  type SongSummary,
} from '../src/index.js';

const GOALS = [
  'sight read hymns',
  'play jazz standards',
  'train my ear',
  'understand theory',
  'better rhythm and timing',
  'faster scales',
  'play blues with friends',
  'learn a song for my mum',
];

/** A small song list with random levels and genres (the real catalogue is tested elsewhere). */
export function randomSongs(rng: Rng, count: number): SongSummary[] {
  return Array.from({ length: count }, (_, i) => {
    const main = rng.pick(LEARNING_GENRES);
    const second = rng.chance(0.3) ? [rng.pick(LEARNING_GENRES)] : [];
    return {
      id: `song-${i}`,
      title: `Song ${i}`,
      composer: 'Traditional',
      origin: 'test',
      level: rng.int(1, 10),
      genres: [...new Set([main, ...second])],
      key: 'C major',
      timeSignature: '4/4',
      tempo: 90,
      bars: 16,
      hasChords: rng.chance(0.5),
      skills: [],
    };
  });
}

export interface RandomCase {
  readonly profile: LearnerProfile;
  readonly songs: SongSummary[];
  readonly recentResults: SkillResult[];
  readonly dueReviews: ReviewCard[];
  readonly weeks: number;
  readonly seed: number;
}

const minutesLike = (rng: Rng): number =>
  rng.pick([10, 12, 15, 20, 25, 30, 45, 60, rng.int(10, 180), rng.int(10, 40)]);

/** A random profile with random skills, levels, goals and learned theory, and the inputs a plan takes. */
export function randomCase(seed: number): RandomCase {
  const rng = createRng(seed);
  const base = createProfile({
    selfLevel: rng.int(1, 10),
    practiceFrequency: rng.pick(PRACTICE_FREQUENCIES),
    sessionMinutes: minutesLike(rng),
    preferredGenres: rng.shuffle(LEARNING_GENRES).slice(0, rng.int(0, 3)),
    learningStyle: rng.pick(LEARNING_STYLES),
    shortTermGoals: rng.shuffle(GOALS).slice(0, rng.int(0, 2)),
    longTermGoals: rng.shuffle(GOALS).slice(0, rng.int(0, 1)),
  });
  const songs = rng.chance(0.1) ? [] : randomSongs(rng, rng.int(1, 40));
  const profile = deriveProfile({
    ...base,
    skills: Object.fromEntries(
      SKILLS.map((s) => [s, Math.round(rng.next() * 1000) / 1000]),
    ) as LearnerProfile['skills'],
    skillLevels: Object.fromEntries(
      SKILLS.map((s) => [s, rng.int(2, 20) / 2]),
    ) as LearnerProfile['skillLevels'],
    theoryLearned: topicOrder()
      .slice(0, rng.int(0, 26))
      .map((t) => t.id),
    targetSongs: rng.chance(0.2) && songs.length > 0 ? [rng.pick(songs).id] : [],
  });
  const recentResults: SkillResult[] = Array.from({ length: rng.int(0, 20) }, (_, i) => ({
    skill: rng.pick(SKILLS),
    accuracy: Math.round(rng.next() * 100) / 100,
    difficulty: rng.int(1, 10),
    at: i * 1000,
  }));
  const dueReviews = Array.from({ length: rng.chance(0.5) ? rng.int(1, 12) : 0 }, (_, i) =>
    newReviewCard(
      `item-${i}`,
      rng.chance(0.5) ? 'theory' : 'ear_training',
      `Item ${i}`,
      rng.int(0, 10) * 1000,
    ),
  );
  return { profile, songs, recentResults, dueReviews, weeks: rng.int(1, 4), seed: rng.int(0, 1_000_000) };
}

import type { ProgressResponse, StudentProfileResponse, StudentProfileUpdate } from '@cadenza/contracts';
import {
  ATTEMPT_TYPES,
  createProfile,
  skillsForAttempt,
  updatePreferences,
  type AttemptType,
  type OnboardingAnswers,
} from '@cadenza/pedagogy';
import type { PracticeAttemptsRepository } from '../db/repositories/practice-attempts.js';
import type { StudentProfilesRepository } from '../db/repositories/student-profiles.js';
import { keepLast, LEARNING_CAPS, newLearningDocument, type LearningDocument } from './learning-document.js';
import { noProfile } from './learning-error.js';
import { createLearningStore, type LearningStore } from './learning-store.js';
import { changeView, profileView } from './learning-views.js';
import { countPractice, learnFromResults } from './learn-from-results.js';
import { isoDate, minutesByWeek, streakOn } from './practice-days.js';

/** One graded practice attempt of a signed-in student (POST /practice/attempts after grading). */
export interface PracticeAttemptInput {
  /** The exercise type (`scales`, `rhythm`, … ; songs are `sight_reading`). */
  readonly skillType: string;
  /** 1–10. */
  readonly difficulty: number;
  /** 0–100. */
  readonly score: number;
  /** 0–1. */
  readonly pitchAccuracy: number;
  /** 0–1. */
  readonly rhythmAccuracy: number;
  /** How long the take lasted, minutes (counted toward the day's practice). */
  readonly minutes: number;
  /** The plan item the attempt answers: it is checked off. */
  readonly planItemId?: string | undefined;
}

export interface LearningDeps {
  readonly profiles: StudentProfilesRepository;
  readonly attempts: PracticeAttemptsRepository;
  /** Clock, epoch ms (tests pass a controlled one). */
  readonly now?: () => number;
}

/** The profile answers in the core's words (the contract's snake_case → camelCase). */
export function onboardingAnswers(update: StudentProfileUpdate): Partial<OnboardingAnswers> {
  return {
    ...(update.self_level !== undefined ? { selfLevel: update.self_level } : {}),
    practiceFrequency: update.practice_frequency,
    sessionMinutes: update.session_duration,
    preferredGenres: update.preferred_genres,
    learningStyle: update.learning_style,
    shortTermGoals: update.short_term_goals,
    longTermGoals: update.long_term_goals,
    targetSongs: update.target_songs,
  };
}

/** Self level when onboarding leaves it out: a beginner. */
export const DEFAULT_SELF_LEVEL = 1;

/** The student's side: profile, practice counted and learned from, progress. */
export interface LearningProfiles {
  readonly store: LearningStore;
  readonly now: () => number;
  getProfile(userId: string): Promise<StudentProfileResponse>;
  /** Onboarding the first time (`created`), later changed preferences (skills kept). */
  putProfile(
    userId: string,
    update: StudentProfileUpdate,
  ): Promise<{ created: boolean; profile: StudentProfileResponse }>;
  progress(userId: string): Promise<ProgressResponse>;
  /**
   * Learns from a graded attempt: the core's skill results → `applyResults`, a history point, the changes
   * with their reasons; counts the minutes; checks off the plan item named. Does nothing (undefined) for
   * a student without a profile.
   */
  recordPracticeAttempt(userId: string, attempt: PracticeAttemptInput): Promise<LearningDocument | undefined>;
}

export function createLearningProfiles(deps: LearningDeps): LearningProfiles {
  const now = deps.now ?? Date.now;
  const store = createLearningStore(deps.profiles, now);
  return {
    store,
    now,
    async getProfile(userId) {
      const doc = await store.read(userId);
      if (!doc) throw noProfile();
      return profileView(userId, doc);
    },
    async putProfile(userId, update) {
      const answers = onboardingAnswers(update);
      const { saved, result: created } = await store.change(userId, (doc) => {
        if (doc) return { doc: { ...doc, profile: updatePreferences(doc.profile, answers) }, result: false };
        const profile = createProfile({
          ...(answers as OnboardingAnswers),
          selfLevel: update.self_level ?? DEFAULT_SELF_LEVEL,
        });
        return { doc: newLearningDocument(profile, now()), result: true };
      });
      return { created, profile: profileView(userId, saved) };
    },
    async progress(userId) {
      const doc = await store.require(userId);
      const today = isoDate(now());
      const streak = streakOn(doc.practiceDays, today);
      const scores = doc.recentScores;
      return {
        current_level: doc.profile.level,
        skills: { ...doc.profile.skills },
        skill_levels: { ...doc.profile.skillLevels },
        history: doc.history.map((h) => ({
          at: new Date(h.at).toISOString(),
          skills: { ...h.skills },
          skill_levels: { ...h.skillLevels },
        })),
        changes: [...doc.changes].reverse().map(changeView),
        attempts: {
          total: Object.values(doc.attemptCounts).reduce((sum, n) => sum + n, 0),
          by_skill_type: { ...doc.attemptCounts },
          average_score:
            scores.length === 0
              ? null
              : Math.round((scores.reduce((sum, s) => sum + s, 0) / scores.length) * 10) / 10,
        },
        practice_minutes_by_week: minutesByWeek(doc.practiceDays).map((w) => ({
          week_start: w.weekStart,
          minutes: w.minutes,
        })),
        streak: { current: streak.current, best: streak.best, practised_today: streak.practisedToday },
      };
    },
    async recordPracticeAttempt(userId, attempt) {
      if (!(await store.read(userId))) return undefined;
      const { saved } = await store.update(userId, (doc) => {
        const at = now();
        const known: readonly string[] = ATTEMPT_TYPES;
        const skillType = (
          known.includes(attempt.skillType) ? attempt.skillType : 'sight_reading'
        ) as AttemptType;
        const skillResults = skillsForAttempt({
          skillType,
          score: attempt.score / 100,
          pitchAccuracy: attempt.pitchAccuracy,
          rhythmAccuracy: attempt.rhythmAccuracy,
          difficulty: Math.min(10, Math.max(1, attempt.difficulty)),
          at,
        });
        let next = learnFromResults(doc, skillResults, at).doc;
        next = {
          ...next,
          attemptCounts: { ...next.attemptCounts, [skillType]: (next.attemptCounts[skillType] ?? 0) + 1 },
          recentScores: keepLast([...next.recentScores, attempt.score], LEARNING_CAPS.recentScores),
        };
        next = countPractice(next, attempt.minutes, at, { exercise: true });
        if (attempt.planItemId !== undefined && !next.doneItems.includes(attempt.planItemId)) {
          next = {
            ...next,
            doneItems: keepLast([...next.doneItems, attempt.planItemId], LEARNING_CAPS.doneItems),
          };
        }
        return { doc: next, result: true };
      });
      return saved;
    },
  };
}

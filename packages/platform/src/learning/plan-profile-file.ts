import { StudentProfileResponse, StudentProfileUpdate, type CurriculumResponse } from '@cadenza/contracts';
import { createProfile, deriveProfile, RequestFieldError, type LearnerProfile } from '@cadenza/pedagogy';
import { catalogueTitles } from './learning-plans.js';
import { DEFAULT_SELF_LEVEL, onboardingAnswers } from './learning-service.js';
import { curriculumView } from './learning-views.js';
import { renumberWeeks } from './plan-calendar.js';
import type { Planner } from './plan-input.js';
import { corePlanner } from './core-planner.js';
import { isIsoDate } from './practice-days.js';

/** The first problem zod found, as a RequestFieldError naming the field (`preferred_genres[1]`). */
function fieldError(issues: readonly { path: readonly PropertyKey[]; message: string }[]): RequestFieldError {
  const issue = issues[0];
  const field =
    issue?.path
      .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`))
      .join('') || 'profile';
  return new RequestFieldError(field, issue?.message ?? 'invalid');
}

/**
 * A learner profile from a JSON file: either the onboarding answers (the body of PUT
 * /students/me/profile) or a profile as GET /students/me/profile answers it (skills kept). A bad field
 * is a RequestFieldError naming it.
 */
export function profileFromJson(json: unknown): LearnerProfile {
  const isResponse = typeof json === 'object' && json !== null && 'skill_levels' in json;
  if (isResponse) {
    const parsed = StudentProfileResponse.safeParse(json);
    if (!parsed.success) throw fieldError(parsed.error.issues);
    const p = parsed.data;
    return deriveProfile({
      level: p.current_level,
      skills: p.skills,
      skillLevels: p.skill_levels,
      practiceFrequency: p.practice_frequency,
      sessionMinutes: p.session_duration,
      preferredGenres: p.preferred_genres,
      learningStyle: p.learning_style,
      shortTermGoals: p.short_term_goals,
      longTermGoals: p.long_term_goals,
      targetSongs: p.target_songs,
      history: {
        totalPracticeMinutes: p.total_practice_hours * 60,
        completedExercises: p.completed_exercises,
        consistency: p.practice_consistency_score,
      },
      identifiedWeaknesses: p.identified_weaknesses,
      theoryLearned: p.theory_learned,
      placed: p.placed,
    });
  }
  const parsed = StudentProfileUpdate.safeParse(json);
  if (!parsed.success) throw fieldError(parsed.error.issues);
  const answers = onboardingAnswers(parsed.data);
  return createProfile({
    selfLevel: parsed.data.self_level ?? DEFAULT_SELF_LEVEL,
    practiceFrequency: parsed.data.practice_frequency,
    sessionMinutes: parsed.data.session_duration,
    preferredGenres: parsed.data.preferred_genres,
    learningStyle: parsed.data.learning_style,
    ...answers,
  });
}

/**
 * A curriculum for a profile with no history (the CLI's `cadenza plan`): `weeks` weeks from `startDate`,
 * reproducible from `seed`, in the API's CurriculumResponse shape.
 */
export function planForProfile(
  profile: LearnerProfile,
  options: {
    readonly weeks: number;
    readonly startDate: string;
    readonly seed: number;
    readonly planner?: Planner;
  },
): CurriculumResponse {
  if (!Number.isInteger(options.weeks) || options.weeks < 1 || options.weeks > 12) {
    throw new RequestFieldError('weeks', `must be a whole number from 1 to 12, got ${options.weeks}`);
  }
  if (!isIsoDate(options.startDate)) {
    throw new RequestFieldError('start', `must be a calendar date YYYY-MM-DD, got '${options.startDate}'`);
  }
  const planner = options.planner ?? corePlanner;
  const made = planner({
    profile,
    startDate: options.startDate,
    weeks: options.weeks,
    seed: options.seed,
    results: [],
    dueReviews: [],
  });
  return curriculumView(
    {
      startDate: options.startDate,
      seed: options.seed,
      weeks: renumberWeeks(made.weeks, 1),
      editedBy: null,
      createdAt: 0,
    },
    new Set(),
    catalogueTitles,
  );
}

// Types only: importing values from contracts would bundle zod into the studio.
import type {
  AssignmentRequest,
  CurriculumResponse,
  LearningSkill,
  PlacementResponse,
  PlacementSubmission,
  PlacementTestResponse,
  PlanItemView,
  PlanSessionView,
  ProgressResponse,
  StudentProfileResponse,
  StudentProfileUpdate,
  TheoryQuestionView,
  TodayResponse,
} from '@cadenza/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, requestJson, withQuery } from './http.js';

export type {
  CurriculumResponse,
  LearningSkill,
  PlacementResponse,
  PlacementSubmission,
  PlacementTestResponse,
  PlanItemView,
  PlanSessionView,
  ProgressResponse,
  StudentProfileResponse,
  StudentProfileUpdate,
  TheoryQuestionView,
  TodayResponse,
};
export type PlacementItem = PlacementTestResponse['items'][number];
export type PlacementAnswer = PlacementSubmission['answers'][number];
export type SkillChange = ProgressResponse['changes'][number];
export type ProgressPoint = ProgressResponse['history'][number];
export type DueReview = TodayResponse['due_reviews'][number];
export type Streak = TodayResponse['streak'];

/** The body of PUT /students/me/profile as the form sends it (every default filled in). */
export type ProfileBody = Omit<StudentProfileUpdate, 'self_level'> & { self_level?: number };

/** POST /students/me/theory/answers: right or wrong, the right choice, why, and when it comes back. */
export interface TheoryAnswerResult {
  readonly correct: boolean;
  readonly answer: string;
  readonly explanation: string;
  readonly next_review: string | null;
}

/**
 * A teacher's assignment as sent: an exercise request (the generator fills in what is left out) or a
 * song id, not both (the contract's refinement).
 */
export type AssignmentBody = Omit<AssignmentRequest, 'minutes' | 'exercise'> & {
  minutes?: number;
  exercise?: Partial<NonNullable<AssignmentRequest['exercise']>> & { skill_type: string };
};

export const LEARN_KEY = ['learn'] as const;
const profileKey = [...LEARN_KEY, 'profile'] as const;
const todayKey = (date: string | undefined) => [...LEARN_KEY, 'today', date ?? 'now'] as const;
const progressKey = [...LEARN_KEY, 'progress'] as const;

/** A 404 because the server has no such route at all (not "no profile yet"). */
const isMissingRoute = (error: ApiError) =>
  error.code === 'not-found' || error.message.startsWith('no such endpoint');

/** GET /students/me/profile, or null when the student has not onboarded yet (404). */
export async function fetchProfile(): Promise<StudentProfileResponse | null> {
  try {
    return await requestJson<StudentProfileResponse>('/students/me/profile');
  } catch (error) {
    // A JSON 404 from the learning routes means "no profile yet"; a missing route is said plainly.
    if (error instanceof ApiError && error.status === 404 && !isMissingRoute(error)) return null;
    throw error;
  }
}

export function useProfile(enabled: boolean) {
  return useQuery({ queryKey: profileKey, queryFn: fetchProfile, enabled, retry: false });
}

export function useSaveProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfileBody) =>
      requestJson<StudentProfileResponse>('/students/me/profile', { method: 'PUT', body }),
    onSuccess: (profile) => {
      client.setQueryData(profileKey, profile);
      void client.invalidateQueries({ queryKey: LEARN_KEY });
    },
  });
}

/** POST /students/me/placement/test: a fresh test (items at the student's self-estimated level). */
export const startPlacementTest = () =>
  requestJson<PlacementTestResponse>('/students/me/placement/test', { method: 'POST' });

/** POST /students/me/placement: the answers graded; the profile comes back placed. */
export const submitPlacement = (body: PlacementSubmission) =>
  requestJson<PlacementResponse>('/students/me/placement', { method: 'POST', body });

/** GET /students/me/today (optionally for another day: `?date=YYYY-MM-DD`). */
export const fetchToday = (date: string | undefined) =>
  requestJson<TodayResponse>(withQuery('/students/me/today', { date }));

export function useToday(date: string | undefined, enabled: boolean) {
  return useQuery({ queryKey: todayKey(date), queryFn: () => fetchToday(date), enabled, retry: false });
}

/** GET /students/me/progress: skills over time, the adaptations, attempts and streak. */
export const fetchProgress = () => requestJson<ProgressResponse>('/students/me/progress');

export function useProgress(enabled: boolean) {
  return useQuery({ queryKey: progressKey, queryFn: fetchProgress, enabled, retry: false });
}

/** POST /students/me/curriculum?weeks=N: a new plan from today. */
export function useMakePlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (weeks: number) =>
      requestJson<CurriculumResponse>(withQuery('/students/me/curriculum', { weeks: String(weeks) }), {
        method: 'POST',
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: LEARN_KEY }),
  });
}

/** Weeks the first plan covers (made right after the placement test). */
export const FIRST_PLAN_WEEKS = 4;

/**
 * After placement: POST /students/me/curriculum?weeks=N unless the student already has a plan (GET
 * /students/me/today says so), so they land on today's session. True when a plan was made.
 */
export async function makeFirstPlan(weeks: number): Promise<boolean> {
  const today = await fetchToday(undefined);
  if (today.has_plan) return false;
  await requestJson<CurriculumResponse>(withQuery('/students/me/curriculum', { weeks: String(weeks) }), {
    method: 'POST',
  });
  return true;
}

/** POST /students/me/today/items/{id}/done: ticks a plan item off (idempotent; there is no un-tick). */
export function useCheckOff() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (itemId: string) =>
      requestJson<{ readonly item_id: string; readonly done: true }>(
        `/students/me/today/items/${encodeURIComponent(itemId)}/done`,
        { method: 'POST' },
      ),
    onSuccess: () => void client.invalidateQueries({ queryKey: LEARN_KEY }),
  });
}

/** GET /theory/topics/{id}/questions: a few multiple-choice questions on one topic. */
export const fetchTheoryQuestions = (topicId: string) =>
  requestJson<{ readonly questions: readonly TheoryQuestionView[] }>(
    `/theory/topics/${encodeURIComponent(topicId)}/questions`,
  );

/** POST /students/me/theory/answers: checks one answer and schedules the topic's review. */
export const answerTheoryQuestion = (body: {
  readonly question_ref: string;
  readonly choice: string;
  readonly plan_item_id?: string;
}) => requestJson<TheoryAnswerResult>('/students/me/theory/answers', { method: 'POST', body });

/** The teacher's view of one linked student: progress and plan. */
export const fetchStudentProgress = (studentId: string) =>
  requestJson<ProgressResponse>(`/teachers/me/students/${encodeURIComponent(studentId)}/progress`);
/** A linked student's plan, or null while they have none. */
export async function fetchStudentCurriculum(studentId: string): Promise<CurriculumResponse | null> {
  try {
    return await requestJson<CurriculumResponse>(
      `/teachers/me/students/${encodeURIComponent(studentId)}/curriculum`,
    );
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && !isMissingRoute(error)) return null;
    throw error;
  }
}

/**
 * PUT /teachers/me/students/{id}/curriculum: the weeks as GET gave them, edited (items removed, moved,
 * their minutes changed); the saved plan comes back with `edited_by` set.
 */
export const editStudentCurriculum = (
  studentId: string,
  body: { readonly weeks: readonly CurriculumResponse['weeks'][number][] },
) =>
  requestJson<CurriculumResponse>(`/teachers/me/students/${encodeURIComponent(studentId)}/curriculum`, {
    method: 'PUT',
    body,
  });

/** GET /students/me/curriculum: the student's own plan (who last edited it), or null while they have none. */
export async function fetchCurriculum(): Promise<CurriculumResponse | null> {
  try {
    return await requestJson<CurriculumResponse>('/students/me/curriculum');
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && !isMissingRoute(error)) return null;
    throw error;
  }
}

export function useCurriculum(enabled: boolean) {
  return useQuery({
    queryKey: [...LEARN_KEY, 'curriculum'],
    queryFn: fetchCurriculum,
    enabled,
    retry: false,
  });
}

/** POST /teachers/me/students: invites a student by the email of their account. */
export const inviteStudent = (email: string) =>
  requestJson<unknown>('/teachers/me/students', { method: 'POST', body: { email } });

/** POST /teachers/me/students/{id}/assignments: an exercise or a song added to the student's plan. */
export const assignToStudent = (studentId: string, body: AssignmentBody) =>
  requestJson<{ readonly item_id: string; readonly date: string; readonly title: string }>(
    `/teachers/me/students/${encodeURIComponent(studentId)}/assignments`,
    { method: 'POST', body },
  );

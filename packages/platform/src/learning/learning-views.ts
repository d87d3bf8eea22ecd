import type {
  CurriculumResponse,
  PlanItemView,
  PlanSessionView,
  SkillChangeView,
  StudentProfileResponse,
  WeekPlanView,
} from '@cadenza/contracts';
import type { PlanItem, PlanSession, WeekPlan } from '@cadenza/pedagogy';
import type { LearningDocument, StoredCurriculum, StoredSkillChange } from './learning-document.js';
import { addDays } from './practice-days.js';

/** Titles the views show for catalogue ids (songs, theory topics); the id itself when unknown. */
export interface LearningTitles {
  song(id: string): string;
  topic(id: string): string;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** The spec's StudentProfile in the API's snake_case. */
export function profileView(studentId: string, doc: LearningDocument): StudentProfileResponse {
  const p = doc.profile;
  return {
    student_id: studentId,
    current_level: p.level,
    skills: { ...p.skills },
    skill_levels: { ...p.skillLevels },
    practice_frequency: p.practiceFrequency,
    session_duration: p.sessionMinutes,
    preferred_genres: [...p.preferredGenres],
    learning_style: p.learningStyle,
    short_term_goals: [...p.shortTermGoals],
    long_term_goals: [...p.longTermGoals],
    target_songs: [...p.targetSongs],
    total_practice_hours: Math.round((p.history.totalPracticeMinutes / 60) * 100) / 100,
    completed_exercises: p.history.completedExercises,
    practice_consistency_score: Math.min(1, Math.max(0, p.history.consistency)),
    identified_weaknesses: [...p.identifiedWeaknesses],
    theory_learned: [...p.theoryLearned],
    placed: p.placed,
    updated_at: iso(doc.updatedAt),
  };
}

export const changeView = (change: StoredSkillChange): SkillChangeView => ({
  skill: change.skill,
  from: change.from,
  to: change.to,
  trend: change.trend,
  reason: change.reason,
  at: iso(change.at),
});

/** A plan item as the API shows it, with its done flag. */
export function itemView(item: PlanItem, done: boolean, titles: LearningTitles): PlanItemView {
  return {
    item_id: item.id,
    kind: item.kind,
    skill: item.skill,
    title: item.title,
    minutes: Math.round(item.minutes),
    difficulty: item.difficulty,
    ...(item.exercise
      ? {
          exercise: {
            ...item.exercise,
            difficulty: Math.round(item.exercise.difficulty),
            // POST /exercises/generate takes seeds below 2^31; the core may draw 32-bit ones.
            seed: item.exercise.seed % 2 ** 31,
          },
        }
      : {}),
    ...(item.earTraining
      ? {
          ear_training: {
            type: item.earTraining.type,
            difficulty: Math.round(item.earTraining.difficulty),
            count: item.earTraining.count,
          },
        }
      : {}),
    ...(item.theoryTopic
      ? { theory_topic: { id: item.theoryTopic, title: titles.topic(item.theoryTopic) } }
      : {}),
    ...(item.songId ? { song: { id: item.songId, title: titles.song(item.songId) } } : {}),
    ...(item.reviewItemId ? { review_item_id: item.reviewItemId } : {}),
    ...(item.assignedBy ? { assigned_by: item.assignedBy } : {}),
    done,
  };
}

export function sessionView(
  session: PlanSession,
  weekStartDate: string,
  done: ReadonlySet<string>,
  titles: LearningTitles,
): PlanSessionView {
  const items = session.items.map((item) => itemView(item, done.has(item.id), titles));
  return {
    day: session.day,
    date: addDays(weekStartDate, session.day),
    minutes: Math.round(items.reduce((sum, i) => sum + i.minutes, 0)),
    items,
  };
}

export function weekView(week: WeekPlan, done: ReadonlySet<string>, titles: LearningTitles): WeekPlanView {
  return {
    week_number: week.weekNumber,
    start_date: week.startDate,
    focus_areas: [...week.focusAreas],
    sessions: week.sessions.map((s) => sessionView(s, week.startDate, done, titles)),
    milestone_song: week.milestoneSong
      ? { id: week.milestoneSong, title: titles.song(week.milestoneSong) }
      : null,
    theory_topics: week.theoryTopics.map((id) => ({ id, title: titles.topic(id) })),
    estimated_duration: Math.round(week.estimatedMinutes),
    skill_levels: { ...week.skillLevels },
    reasons: [...week.reasons],
  };
}

export function curriculumView(
  curriculum: StoredCurriculum,
  done: ReadonlySet<string>,
  titles: LearningTitles,
): CurriculumResponse {
  return {
    start_date: curriculum.startDate,
    seed: curriculum.seed,
    weeks: curriculum.weeks.map((w) => weekView(w, done, titles)),
    edited_by: curriculum.editedBy,
  };
}

/** A plan item back from its view (a teacher's edited plan). */
export function itemFromView(view: PlanItemView): PlanItem {
  return {
    id: view.item_id,
    kind: view.kind,
    skill: view.skill,
    title: view.title,
    minutes: view.minutes,
    difficulty: view.difficulty,
    ...(view.exercise
      ? {
          exercise: {
            ...view.exercise,
            skill_type: view.exercise.skill_type as NonNullable<PlanItem['exercise']>['skill_type'],
          },
        }
      : {}),
    ...(view.ear_training ? { earTraining: { ...view.ear_training } } : {}),
    ...(view.theory_topic ? { theoryTopic: view.theory_topic.id } : {}),
    ...(view.song ? { songId: view.song.id } : {}),
    ...(view.review_item_id ? { reviewItemId: view.review_item_id } : {}),
    ...(view.assigned_by ? { assignedBy: view.assigned_by } : {}),
  };
}

/** A week back from its view. */
export function weekFromView(view: WeekPlanView): WeekPlan {
  const sessions: PlanSession[] = view.sessions.map((s) => {
    const items = s.items.map(itemFromView);
    return { day: s.day, items, minutes: items.reduce((sum, i) => sum + i.minutes, 0) };
  });
  return {
    weekNumber: view.week_number,
    startDate: view.start_date,
    focusAreas: [...view.focus_areas],
    sessions,
    milestoneSong: view.milestone_song?.id ?? '',
    theoryTopics: view.theory_topics.map((t) => t.id),
    estimatedMinutes: sessions.reduce((sum, s) => sum + s.minutes, 0),
    skillLevels: { ...view.skill_levels },
    reasons: [...view.reasons],
  };
}

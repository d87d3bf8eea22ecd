import { randomInt } from 'node:crypto';
import type {
  AssignmentRequest,
  CurriculumEdit,
  CurriculumResponse,
  TodayResponse,
} from '@cadenza/contracts';
import {
  findSong,
  liveItem,
  RequestFieldError,
  theoryTopic,
  type PlanItem,
  type PlanSession,
  type Skill,
} from '@cadenza/pedagogy';
import {
  keepLast,
  LEARNING_CAPS,
  type LearningDocument,
  type StoredCurriculum,
} from './learning-document.js';
import { LearningError } from './learning-error.js';
import type { LearningProfiles } from './learning-service.js';
import { curriculumView, sessionView, weekFromView, type LearningTitles } from './learning-views.js';
import { checkCurriculumEdit } from './check-curriculum-edit.js';
import { countPractice } from './learn-from-results.js';
import {
  allItems,
  curriculumEnd,
  nextSessionDate,
  renumberWeeks,
  sessionDate,
  sessionOn,
  weekOn,
} from './plan-calendar.js';
import type { Planner } from './plan-input.js';
import { addDays, daysBetween, isoDate, isIsoDate, streakOn } from './practice-days.js';
import { dueReviewCards, reviewView } from './review-cards.js';

/** Titles from the song catalogue and the theory graph. */
export const catalogueTitles: LearningTitles = {
  song: (id) => findSong(id)?.title ?? id,
  topic: (id) => theoryTopic(id)?.title ?? id,
};

/** Reasons shown on today's plan: the latest few adaptations. */
const LATEST_REASONS = 3;

export interface LearningPlans {
  /** A new curriculum of `weeks` weeks from today (the old one and its check-offs are replaced). */
  makeCurriculum(
    userId: string,
    weeks: number,
    options?: { readonly seed?: number },
  ): Promise<CurriculumResponse>;
  getCurriculum(userId: string): Promise<CurriculumResponse>;
  /** Today's (or `date`'s) session, due reviews, streak and reasons; re-plans a week that has just begun. */
  today(userId: string, date?: string): Promise<TodayResponse>;
  /** Checks off a plan item or an assignment (idempotent) and counts its minutes. */
  checkOff(userId: string, itemId: string): Promise<{ item_id: string; done: true }>;
  /** A teacher's edit: the weeks replaced (validated), check-offs kept, `edited_by` set. */
  editCurriculum(userId: string, teacherId: string, edit: CurriculumEdit): Promise<CurriculumResponse>;
  /** A teacher's assignment: an exercise or a song on a date. */
  assign(
    userId: string,
    teacherId: string,
    request: AssignmentRequest,
  ): Promise<{ item_id: string; date: string; title: string }>;
}

const noCurriculum = () =>
  new LearningError('not_found', 'no curriculum yet — POST /students/me/curriculum?weeks=4 first');

const weeksArgument = (weeks: number): void => {
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 12) {
    throw new RequestFieldError('weeks', `must be a whole number from 1 to 12, got ${weeks}`);
  }
};

/** The skill an exercise type trains (as the core's skillsForAttempt counts it). */
function exerciseSkill(skillType: string): Skill {
  if (skillType === 'rhythm') return 'rhythm_accuracy';
  if (skillType === 'sight_reading') return 'sight_reading';
  return 'technique';
}

export function createLearningPlans(profiles: LearningProfiles, planner: Planner): LearningPlans {
  const { store, now } = profiles;
  const titles = catalogueTitles;
  const today = () => isoDate(now());

  const plan = (doc: LearningDocument, startDate: string, weeks: number, seed: number, firstWeekNumber = 1) =>
    planner({
      profile: doc.profile,
      startDate,
      weeks,
      seed,
      results: doc.results,
      dueReviews: dueReviewCards(doc.reviewCards, startDate),
      firstWeekNumber,
    });

  /**
   * Re-plans from the results when a new week has begun: the weeks from the one holding `date` on are
   * planned again from the profile as it stands (a week after the plan's end starts a new plan of the
   * same length). A teacher's edited plan is left as the teacher wrote it.
   */
  const replanned = (doc: LearningDocument, date: string): LearningDocument => {
    const curriculum = doc.curriculum;
    if (!curriculum || curriculum.editedBy !== null || curriculum.weeks.length === 0) return doc;
    const found = weekOn(curriculum, date);
    const through = curriculum.replannedThrough ?? 1;
    let start: string;
    let fromIndex: number;
    if (found) {
      if (found.index === 0 || found.week.weekNumber <= through) return doc;
      start = found.week.startDate;
      fromIndex = found.index;
    } else {
      const end = curriculumEnd(curriculum);
      if (date < end) return doc;
      start = addDays(end, 7 * Math.floor(daysBetween(end, date) / 7));
      fromIndex = curriculum.weeks.length;
    }
    const count = found ? curriculum.weeks.length - fromIndex : curriculum.weeks.length;
    const firstNumber =
      (curriculum.weeks[0]?.weekNumber ?? 1) +
      fromIndex +
      (found ? 0 : daysBetween(curriculumEnd(curriculum), start) / 7);
    const fresh = plan(doc, start, count, curriculum.seed + firstNumber, firstNumber);
    const reason = `Week ${firstNumber} re-planned from your results (${doc.results.length} graded results so far)`;
    const weeks = renumberWeeks(fresh.weeks, firstNumber).map((w, i) =>
      i === 0 ? { ...w, reasons: [reason, ...w.reasons] } : w,
    );
    const kept = found ? curriculum.weeks.slice(0, fromIndex) : [];
    return {
      ...doc,
      curriculum: {
        ...curriculum,
        startDate: kept[0]?.startDate ?? start,
        weeks: [...kept, ...weeks],
        replannedThrough: firstNumber,
      },
    };
  };

  const todayView = (doc: LearningDocument, date: string): TodayResponse => {
    const done = new Set(doc.doneItems);
    // Items are served at the skills' difficulties as they stand now (the core's liveItem), not as planned.
    const live = (session: PlanSession): PlanSession => ({
      ...session,
      items: session.items.map((item) => liveItem(item, doc.profile)),
    });
    const found = doc.curriculum ? weekOn(doc.curriculum, date) : undefined;
    const day = sessionOn(doc.curriculum, doc.assignments, date);
    const week = found?.week;
    const weekAhead = week
      ? week.sessions
          .filter((s) => sessionDate(week, s) > date)
          .map((s) => sessionView(live(s), week.startDate, done, titles))
      : [];
    const weekStartDate = week?.startDate ?? date;
    const changes = [...doc.changes]
      .reverse()
      .slice(0, LATEST_REASONS)
      .map((c) => c.reason);
    const streak = streakOn(doc.practiceDays, date);
    return {
      date,
      week_number: week?.weekNumber ?? null,
      focus_areas: [...(week?.focusAreas ?? [])],
      session: day ? { ...sessionView(live(day.session), weekStartDate, done, titles), date } : null,
      due_reviews: dueReviewCards(doc.reviewCards, date).map(reviewView),
      next_session_date: nextSessionDate(doc.curriculum, doc.assignments, date),
      week_ahead: weekAhead,
      streak: { current: streak.current, best: streak.best, practised_today: streak.practisedToday },
      reasons: [...changes, ...(week?.reasons ?? []).filter((r) => !changes.includes(r))],
      has_plan: doc.curriculum !== null,
    };
  };

  return {
    async makeCurriculum(userId, weeks, options = {}) {
      weeksArgument(weeks);
      const { saved } = await store.update(userId, (doc) => {
        const seed = options.seed ?? randomInt(0, 2 ** 31 - 1);
        const startDate = today();
        const made = plan(doc, startDate, weeks, seed);
        const curriculum: StoredCurriculum = {
          startDate,
          seed,
          weeks: renumberWeeks(made.weeks, 1),
          editedBy: null,
          createdAt: now(),
        };
        // Plan ids repeat between plans (w1-d0-0 …): a new plan starts with nothing checked off but the
        // teacher's assignments.
        const assignmentIds = new Set(doc.assignments.map((a) => a.item.id));
        return {
          doc: { ...doc, curriculum, doneItems: doc.doneItems.filter((id) => assignmentIds.has(id)) },
          result: undefined,
        };
      });
      if (!saved.curriculum) throw noCurriculum();
      return curriculumView(saved.curriculum, new Set(saved.doneItems), titles);
    },

    async getCurriculum(userId) {
      const doc = await store.require(userId);
      if (!doc.curriculum) throw noCurriculum();
      return curriculumView(doc.curriculum, new Set(doc.doneItems), titles);
    },

    async today(userId, date) {
      if (date !== undefined && !isIsoDate(date)) {
        throw new RequestFieldError('date', `must be a calendar date YYYY-MM-DD, got '${date.slice(0, 20)}'`);
      }
      const on = date ?? today();
      const doc = await store.require(userId);
      // Only a day that has come re-plans: looking ahead at a future date changes nothing.
      if (on > today()) return todayView(doc, on);
      const next = replanned(doc, on);
      if (next === doc) return todayView(doc, on);
      const { saved } = await store.update(userId, (current) => ({
        doc: replanned(current, on),
        result: undefined,
      }));
      return todayView(saved, on);
    },

    async checkOff(userId, itemId) {
      await store.update(userId, (doc) => {
        const item = allItems(doc.curriculum, doc.assignments).get(itemId);
        if (!item) throw new LearningError('not_found', `your plan has no item '${itemId.slice(0, 40)}'`);
        if (doc.doneItems.includes(itemId)) return { doc, result: undefined };
        const counted = countPractice(doc, item.minutes, now(), { exercise: false });
        return {
          doc: { ...counted, doneItems: keepLast([...doc.doneItems, itemId], LEARNING_CAPS.doneItems) },
          result: undefined,
        };
      });
      return { item_id: itemId, done: true };
    },

    async editCurriculum(userId, teacherId, edit) {
      const weeks = edit.weeks.map(weekFromView);
      checkCurriculumEdit(weeks);
      const { saved } = await store.update(userId, (doc) => {
        if (!doc.curriculum) throw noCurriculum();
        const curriculum: StoredCurriculum = {
          ...doc.curriculum,
          startDate: weeks[0]?.startDate ?? doc.curriculum.startDate,
          weeks,
          editedBy: teacherId,
        };
        return { doc: { ...doc, curriculum }, result: undefined };
      });
      if (!saved.curriculum) throw noCurriculum();
      return curriculumView(saved.curriculum, new Set(saved.doneItems), titles);
    },

    async assign(userId, teacherId, request) {
      const at = now();
      const { result } = await store.update(userId, (doc) => {
        const date =
          request.date ?? nextSessionDate(doc.curriculum, doc.assignments, addDays(today(), -1)) ?? today();
        if (!isIsoDate(date)) throw new RequestFieldError('date', `'${date}' is not a calendar date`);
        const id = `a-${randomInt(0, 2 ** 31 - 1).toString(36)}-${doc.assignments.length}`;
        let item: PlanItem;
        if (request.song_id !== undefined) {
          const song = findSong(request.song_id);
          if (!song)
            throw new RequestFieldError(
              'song_id',
              `no song in the catalogue has the id '${request.song_id}'`,
            );
          item = {
            id,
            kind: 'song',
            skill: 'sight_reading',
            title: request.title ?? `Song: ${song.title}`,
            minutes: request.minutes,
            difficulty: song.level,
            songId: song.id,
            assignedBy: teacherId,
          };
        } else if (request.exercise !== undefined) {
          const exercise = request.exercise;
          item = {
            id,
            kind: 'exercise',
            skill: exerciseSkill(exercise.skill_type),
            title:
              request.title ??
              `${exercise.skill_type.replace('_', ' ')} at difficulty ${exercise.difficulty}`,
            minutes: request.minutes,
            difficulty: exercise.difficulty,
            exercise: {
              ...exercise,
              skill_type: exercise.skill_type as NonNullable<PlanItem['exercise']>['skill_type'],
              seed: exercise.seed ?? randomInt(0, 2 ** 31 - 1),
            },
            assignedBy: teacherId,
          };
        } else {
          throw new RequestFieldError('exercise', 'give either exercise or song_id');
        }
        return {
          doc: { ...doc, assignments: [...doc.assignments, { date, item, at }] },
          result: { item_id: id, date, title: item.title },
        };
      });
      return result;
    },
  };
}

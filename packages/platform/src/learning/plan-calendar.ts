import type { PlanItem, PlanSession, WeekPlan } from '@cadenza/pedagogy';
import type { StoredAssignment, StoredCurriculum } from './learning-document.js';
import { addDays, daysBetween } from './practice-days.js';

/** The week of the curriculum holding `date` (its index too), or undefined before or after the plan. */
export function weekOn(
  curriculum: StoredCurriculum,
  date: string,
): { readonly week: WeekPlan; readonly index: number } | undefined {
  const index = curriculum.weeks.findIndex((w) => {
    const offset = daysBetween(w.startDate, date);
    return offset >= 0 && offset < 7;
  });
  const week = curriculum.weeks[index];
  return week ? { week, index } : undefined;
}

/** The ISO date a session of a week falls on. */
export const sessionDate = (week: WeekPlan, session: PlanSession): string =>
  addDays(week.startDate, session.day);

/** The date after the curriculum's last week. */
export function curriculumEnd(curriculum: StoredCurriculum): string {
  const last = curriculum.weeks[curriculum.weeks.length - 1];
  return last ? addDays(last.startDate, 7) : curriculum.startDate;
}

/** Every plan item of the curriculum and every assignment, by id. */
export function allItems(
  curriculum: StoredCurriculum | null,
  assignments: readonly StoredAssignment[],
): Map<string, PlanItem> {
  const items = new Map<string, PlanItem>();
  for (const week of curriculum?.weeks ?? []) {
    for (const session of week.sessions) for (const item of session.items) items.set(item.id, item);
  }
  for (const a of assignments) items.set(a.item.id, a.item);
  return items;
}

/**
 * The session on `date`: the plan's session that day (if any) with the teacher's assignments for the
 * date added after its items; undefined on a day with neither.
 */
export function sessionOn(
  curriculum: StoredCurriculum | null,
  assignments: readonly StoredAssignment[],
  date: string,
): { readonly session: PlanSession; readonly week: WeekPlan | undefined } | undefined {
  const found = curriculum ? weekOn(curriculum, date) : undefined;
  const planned = found?.week.sessions.find((s) => sessionDate(found.week, s) === date);
  const assigned = assignments.filter((a) => a.date === date).map((a) => a.item);
  if (!planned && assigned.length === 0) return undefined;
  const day = found ? daysBetween(found.week.startDate, date) : 0;
  const items = [...(planned?.items ?? []), ...assigned];
  return {
    session: { day: planned?.day ?? day, items, minutes: items.reduce((sum, i) => sum + i.minutes, 0) },
    week: found?.week,
  };
}

/** The first date after `date` with a planned session or an assignment, or null. */
export function nextSessionDate(
  curriculum: StoredCurriculum | null,
  assignments: readonly StoredAssignment[],
  date: string,
): string | null {
  const dates = [
    ...(curriculum?.weeks ?? []).flatMap((w) => w.sessions.map((s) => sessionDate(w, s))),
    ...assignments.map((a) => a.date),
  ].filter((d) => d > date);
  dates.sort();
  return dates[0] ?? null;
}

/** Items renumbered `w{week}-d{day}-{index}` for the week numbers given (a re-planned tail of the plan). */
export function renumberWeeks(weeks: readonly WeekPlan[], firstNumber: number): WeekPlan[] {
  return weeks.map((week, i) => {
    const weekNumber = firstNumber + i;
    return {
      ...week,
      weekNumber,
      sessions: week.sessions.map((s) => ({
        ...s,
        items: s.items.map((item, k) => ({ ...item, id: `w${weekNumber}-d${s.day}-${k}` })),
      })),
    };
  });
}

import type { CurriculumResponse } from '../../api/learning.js';
import { dayText } from './learn-format.js';

/**
 * A teacher's edit of a student's plan, kept pure so it is tested without a browser: remove an item,
 * move it to another session day of its week, change its minutes. Every edit keeps item ids (check-offs
 * are kept by id) and keeps each session's minutes and each week's estimate equal to the sum of its items.
 */

export type PlanWeek = CurriculumResponse['weeks'][number];
type PlanSession = PlanWeek['sessions'][number];

/** The minutes a teacher may give one item here (the server allows 1–180; a practice item sits in 2–120). */
export const MIN_ITEM_MINUTES = 2;
export const MAX_ITEM_MINUTES = 120;

export type PlanEditAction =
  | { readonly type: 'remove'; readonly itemId: string }
  | { readonly type: 'move'; readonly itemId: string; readonly toDay: number }
  | { readonly type: 'minutes'; readonly itemId: string; readonly minutes: number }
  | { readonly type: 'reset'; readonly weeks: readonly PlanWeek[] };

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/** A session with its minutes recounted from its items. */
const recount = (session: PlanSession): PlanSession => ({
  ...session,
  minutes: sum(session.items.map((item) => item.minutes)),
});

/** A week with every session, and the week's estimate, recounted. */
function recountWeek(week: PlanWeek, sessions: readonly PlanSession[]): PlanWeek {
  const counted = sessions.map(recount);
  return { ...week, sessions: counted, estimated_duration: sum(counted.map((s) => s.minutes)) };
}

/** The week holding the item, or -1. */
const weekOf = (weeks: readonly PlanWeek[], itemId: string) =>
  weeks.findIndex((week) => week.sessions.some((s) => s.items.some((item) => item.item_id === itemId)));

/** Whether minutes are whole and within what a teacher may give one item. */
export const validItemMinutes = (minutes: number) =>
  Number.isInteger(minutes) && minutes >= MIN_ITEM_MINUTES && minutes <= MAX_ITEM_MINUTES;

/**
 * One edit applied. An unknown item, a day the week has no session on, or minutes outside 2–120 leave
 * the plan as it was (the same object, so nothing re-renders).
 */
export function planEditReducer(weeks: readonly PlanWeek[], action: PlanEditAction): readonly PlanWeek[] {
  if (action.type === 'reset') return action.weeks;
  const w = weekOf(weeks, action.itemId);
  const week = weeks[w];
  if (!week) return weeks;
  let sessions: PlanSession[];
  if (action.type === 'remove') {
    sessions = week.sessions.map((s) => ({
      ...s,
      items: s.items.filter((item) => item.item_id !== action.itemId),
    }));
  } else if (action.type === 'minutes') {
    if (!validItemMinutes(action.minutes)) return weeks;
    sessions = week.sessions.map((s) => ({
      ...s,
      items: s.items.map((item) =>
        item.item_id === action.itemId ? { ...item, minutes: action.minutes } : item,
      ),
    }));
  } else {
    const from = week.sessions.find((s) => s.items.some((item) => item.item_id === action.itemId));
    const moved = from?.items.find((item) => item.item_id === action.itemId);
    if (!from || !moved || from.day === action.toDay) return weeks;
    if (!week.sessions.some((s) => s.day === action.toDay)) return weeks;
    sessions = week.sessions.map((s) => {
      if (s === from) return { ...s, items: s.items.filter((item) => item !== moved) };
      if (s.day === action.toDay) return { ...s, items: [...s.items, moved] };
      return s;
    });
  }
  return weeks.map((each, index) => (index === w ? recountWeek(week, sessions) : each));
}

/**
 * The PUT body: the weeks as edited, a session left with no items dropped (that day becomes a rest day).
 * Keep it: a 400's path (`weeks[0].sessions[2].minutes`) counts sessions in this body.
 */
export function planEditBody(weeks: readonly PlanWeek[]): { readonly weeks: readonly PlanWeek[] } {
  return {
    weeks: weeks.map((week) =>
      recountWeek(
        week,
        week.sessions.filter((s) => s.items.length > 0),
      ),
    ),
  };
}

/** Whether the edited weeks differ from the plan as loaded (Save is offered only then). */
export const planEdited = (loaded: readonly PlanWeek[], edited: readonly PlanWeek[]) =>
  JSON.stringify(planEditBody(loaded)) !== JSON.stringify(planEditBody(edited));

/**
 * The server's 400 about an edited plan in the teacher's words: its path
 * (`body.weeks[0].sessions[1].items[2].minutes`) read against the body that was sent, so "Week 1 · Tue 3
 * Dec · “C major scale” · minutes: must be whole minutes from 1 to 180".
 */
export function planIssueText(
  sent: readonly PlanWeek[],
  issue: { readonly path: string; readonly message: string },
): string {
  const match = /^(?:body\.)?weeks\[(\d+)\](?:\.sessions\[(\d+)\])?(?:\.items\[(\d+)\])?(?:\.(\w+))?/.exec(
    issue.path,
  );
  if (!match) return `${issue.path}: ${issue.message}`;
  const [, w, s, i, field] = match;
  const week = sent[Number(w)];
  const session = s === undefined ? undefined : week?.sessions[Number(s)];
  const item = i === undefined ? undefined : session?.items[Number(i)];
  const place = [
    week ? `Week ${week.week_number}` : `Week ${Number(w) + 1}`,
    session ? dayText(session.date) : undefined,
    item ? `“${item.title}”` : undefined,
  ].filter((part): part is string => part !== undefined);
  return `${place.join(' · ')} · ${field ?? 'plan'}: ${issue.message}`;
}

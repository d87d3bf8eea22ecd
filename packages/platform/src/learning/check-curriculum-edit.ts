import { RequestFieldError, SKILLS, type PlanItem, type WeekPlan } from '@cadenza/pedagogy';
import { isIsoDate } from './practice-days.js';

/** Longest item and longest session a teacher may plan, minutes. */
export const MAX_ITEM_MINUTES = 180;
export const MAX_SESSION_MINUTES = 240;

/** The field each kind of item must carry (and the others it must not). */
const KIND_FIELD: { readonly [K in PlanItem['kind']]: keyof PlanItem } = {
  exercise: 'exercise',
  ear_training: 'earTraining',
  theory: 'theoryTopic',
  song: 'songId',
  review: 'reviewItemId',
};

/** The API's name for each field. */
const API_NAME: { readonly [K in keyof PlanItem]?: string } = {
  exercise: 'exercise',
  earTraining: 'ear_training',
  theoryTopic: 'theory_topic',
  songId: 'song',
  reviewItemId: 'review_item_id',
};

/**
 * Checks a teacher's edited plan: real dates, days 0–6 once each per week, unique item ids, each item's
 * kind matching what it carries (an exercise request, an ear-training set, a theory topic, a song or a
 * review), a known skill, whole minutes 1–180, sessions at most 240 minutes. A problem is a
 * RequestFieldError naming the place (`weeks[1].sessions[0].items[2].minutes`).
 */
export function checkCurriculumEdit(weeks: readonly WeekPlan[]): void {
  const ids = new Set<string>();
  weeks.forEach((week, w) => {
    const at = `weeks[${w}]`;
    if (!isIsoDate(week.startDate))
      throw new RequestFieldError(`${at}.start_date`, 'must be a date YYYY-MM-DD');
    const days = new Set<number>();
    week.sessions.forEach((session, s) => {
      const place = `${at}.sessions[${s}]`;
      if (!Number.isInteger(session.day) || session.day < 0 || session.day > 6 || days.has(session.day)) {
        throw new RequestFieldError(`${place}.day`, 'must be a day 0–6, each at most once a week');
      }
      days.add(session.day);
      if (session.minutes > MAX_SESSION_MINUTES) {
        throw new RequestFieldError(
          `${place}.minutes`,
          `a session may hold at most ${MAX_SESSION_MINUTES} minutes`,
        );
      }
      session.items.forEach((item, i) => {
        const field = `${place}.items[${i}]`;
        if (ids.has(item.id)) throw new RequestFieldError(`${field}.item_id`, `'${item.id}' appears twice`);
        ids.add(item.id);
        if (!SKILLS.includes(item.skill)) throw new RequestFieldError(`${field}.skill`, 'is not a skill');
        if (!Number.isInteger(item.minutes) || item.minutes < 1 || item.minutes > MAX_ITEM_MINUTES) {
          throw new RequestFieldError(
            `${field}.minutes`,
            `must be whole minutes from 1 to ${MAX_ITEM_MINUTES}`,
          );
        }
        const own = KIND_FIELD[item.kind];
        for (const [kind, key] of Object.entries(KIND_FIELD)) {
          const present = item[key] !== undefined;
          if (key === own && !present) {
            throw new RequestFieldError(
              `${field}.kind`,
              `a ${item.kind} item needs its ${API_NAME[key] ?? key} field`,
            );
          }
          if (key !== own && present && kind !== item.kind) {
            throw new RequestFieldError(
              `${field}.kind`,
              `a ${item.kind} item cannot carry ${API_NAME[key] ?? key}`,
            );
          }
        }
      });
    });
  });
}

import { describe, expect, it } from 'vitest';
import {
  planEditBody,
  planEdited,
  planEditReducer,
  planIssueText,
  type PlanWeek,
} from '../src/pages/learn/plan-edit-model.js';

type Item = PlanWeek['sessions'][number]['items'][number];

const item = (id: string, minutes: number, title = `Item ${id}`): Item => ({
  item_id: id,
  kind: 'exercise',
  skill: 'technique',
  title,
  minutes,
  difficulty: 3,
  exercise: { skill_type: 'scales', difficulty: 3, seed: 1 },
  done: false,
});

/** Two weeks: week 1 on days 0 (Mon 2 Dec), 2 and 4; week 2 on day 0 only. */
/** Every skill at difficulty 3: the plan edits never touch the levels. */
const SKILLS_AT_3: PlanWeek['skill_levels'] = {
  pitch_accuracy: 3,
  rhythm_accuracy: 3,
  sight_reading: 3,
  music_theory: 3,
  ear_training: 3,
  technique: 3,
};

const WEEKS: readonly PlanWeek[] = [
  {
    week_number: 1,
    start_date: '2024-12-02',
    focus_areas: ['technique'],
    sessions: [
      { day: 0, date: '2024-12-02', minutes: 30, items: [item('a', 10), item('b', 20)] },
      { day: 2, date: '2024-12-04', minutes: 25, items: [item('c', 15), item('d', 10)] },
      { day: 4, date: '2024-12-06', minutes: 12, items: [item('e', 12)] },
    ],
    milestone_song: null,
    theory_topics: [],
    estimated_duration: 67,
    skill_levels: SKILLS_AT_3,
    reasons: [],
  },
  {
    week_number: 2,
    start_date: '2024-12-09',
    focus_areas: ['technique'],
    sessions: [{ day: 0, date: '2024-12-09', minutes: 30, items: [item('f', 30)] }],
    milestone_song: null,
    theory_topics: [],
    estimated_duration: 30,
    skill_levels: SKILLS_AT_3,
    reasons: [],
  },
];

const ids = (weeks: readonly PlanWeek[]) =>
  weeks.flatMap((w) => w.sessions.flatMap((s) => s.items.map((i) => i.item_id)));
const layout = (week: PlanWeek | undefined) =>
  week?.sessions.map((s) => `${s.day}:${s.items.map((i) => i.item_id).join(',')}=${s.minutes}`);

/** Each session's minutes is the sum of its items, each week's estimate the sum of its sessions. */
function expectSumsKept(weeks: readonly PlanWeek[]) {
  for (const week of weeks) {
    for (const s of week.sessions) expect(s.minutes).toBe(s.items.reduce((t, i) => t + i.minutes, 0));
    expect(week.estimated_duration).toBe(week.sessions.reduce((t, s) => t + s.minutes, 0));
  }
}

describe('a teacher’s plan edit', () => {
  it('moves an item to the end of another session day of its week, keeping every id', () => {
    const moved = planEditReducer(WEEKS, { type: 'move', itemId: 'b', toDay: 4 });
    expect(layout(moved[0])).toEqual(['0:a=10', '2:c,d=25', '4:e,b=32']);
    expect(moved[0]?.estimated_duration).toBe(67);
    expect([...ids(moved)].sort()).toEqual([...ids(WEEKS)].sort());
    expect(moved[1]).toBe(WEEKS[1]);
    expectSumsKept(moved);
  });

  it('refuses a move to a day the week has no session on, or to the same day', () => {
    expect(planEditReducer(WEEKS, { type: 'move', itemId: 'b', toDay: 3 })).toBe(WEEKS);
    expect(planEditReducer(WEEKS, { type: 'move', itemId: 'b', toDay: 0 })).toBe(WEEKS);
    expect(planEditReducer(WEEKS, { type: 'move', itemId: 'zz', toDay: 2 })).toBe(WEEKS);
  });

  it('removes an item and recounts its session and week', () => {
    const removed = planEditReducer(WEEKS, { type: 'remove', itemId: 'c' });
    expect(layout(removed[0])).toEqual(['0:a,b=30', '2:d=10', '4:e=12']);
    expect(removed[0]?.estimated_duration).toBe(52);
    expect(ids(removed)).toEqual(['a', 'b', 'd', 'e', 'f']);
    expectSumsKept(removed);
  });

  it('changes minutes within 2–120 only', () => {
    const longer = planEditReducer(WEEKS, { type: 'minutes', itemId: 'f', minutes: 45 });
    expect(layout(longer[1])).toEqual(['0:f=45']);
    expect(longer[1]?.estimated_duration).toBe(45);
    expectSumsKept(longer);
    for (const minutes of [1, 121, 2.5, Number.NaN]) {
      expect(planEditReducer(WEEKS, { type: 'minutes', itemId: 'f', minutes })).toBe(WEEKS);
    }
    expect(layout(planEditReducer(WEEKS, { type: 'minutes', itemId: 'a', minutes: 2 })[0])?.[0]).toBe(
      '0:a,b=22',
    );
    expect(layout(planEditReducer(WEEKS, { type: 'minutes', itemId: 'a', minutes: 120 })[0])?.[0]).toBe(
      '0:a,b=140',
    );
  });

  it('drops sessions left empty from the body, and tells an edit from the plan as loaded', () => {
    const emptied = planEditReducer(WEEKS, { type: 'remove', itemId: 'e' });
    expect(layout(emptied[0])).toEqual(['0:a,b=30', '2:c,d=25', '4:=0']);
    expect(layout(planEditBody(emptied).weeks[0])).toEqual(['0:a,b=30', '2:c,d=25']);
    expect(planEdited(WEEKS, WEEKS)).toBe(false);
    expect(planEdited(WEEKS, emptied)).toBe(true);
    const back = planEditReducer(planEditReducer(WEEKS, { type: 'move', itemId: 'a', toDay: 2 }), {
      type: 'move',
      itemId: 'a',
      toDay: 0,
    });
    expect(planEdited(WEEKS, back)).toBe(true); // a is now after b: the order changed
  });

  it('puts the server’s 400 path in words, read against the body sent', () => {
    const sent = planEditBody(WEEKS).weeks;
    expect(
      planIssueText(sent, {
        path: 'body.weeks[0].sessions[1].items[0].minutes',
        message: 'must be whole minutes from 1 to 180',
      }),
    ).toBe('Week 1 · Wed 4 Dec · “Item c” · minutes: must be whole minutes from 1 to 180');
    expect(
      planIssueText(sent, {
        path: 'body.weeks[1].sessions[0].minutes',
        message: 'a session may hold at most 240 minutes',
      }),
    ).toBe('Week 2 · Mon 9 Dec · minutes: a session may hold at most 240 minutes');
    expect(planIssueText(sent, { path: 'body.other', message: 'bad' })).toBe('body.other: bad');
  });
});

import {
  CurriculumResponse,
  ExerciseResponse,
  ProgressResponse,
  StudentProfileResponse,
  TheoryAnswerResponse,
  TheoryQuestionList,
  TodayResponse,
} from '@cadenza/contracts';
import { applyResults, createProfile, skillsForAttempt, type SkillResult } from '@cadenza/pedagogy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf } from './helpers.js';
import { openStudioApp, signUp, type StudioTestApp, type TestUser } from './studio-helpers.js';

// The student's plan: curriculum within the time budget, today's session for a date, check-offs, a graded
// practice attempt adapting the skill (with the reason on today's plan), theory answers scheduling reviews.
let t: StudioTestApp;
let student: TestUser;

const ONBOARDING = {
  self_level: 4,
  practice_frequency: '3x_week',
  session_duration: 30,
  preferred_genres: ['classical'],
  learning_style: 'visual',
};

const as = (user: TestUser) => ({ cookie: user.cookie });

beforeAll(async () => {
  t = await openStudioApp('sqlite');
  student = await signUp(t.app, 'student', 'planner');
  const res = await t.app.inject({
    method: 'PUT',
    url: '/students/me/profile',
    headers: as(student),
    payload: ONBOARDING,
  });
  if (res.statusCode !== 201) throw new Error(res.body);
});
afterAll(() => t.close());

async function today(date?: string): Promise<TodayResponse> {
  const res = await t.app.inject({
    url: `/students/me/today${date ? `?date=${date}` : ''}`,
    headers: as(student),
  });
  expect(res.statusCode, res.body).toBe(200);
  return TodayResponse.parse(res.json());
}

describe('curriculum and today', () => {
  let plan: CurriculumResponse;

  it('has no plan before one is made', async () => {
    const day = await today();
    expect(day).toMatchObject({ has_plan: false, session: null, week_number: null, due_reviews: [] });
    const get = await t.app.inject({ url: '/students/me/curriculum', headers: as(student) });
    expect(get.statusCode).toBe(404);
  });

  it('refuses weeks=0 naming the field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/students/me/curriculum?weeks=0',
      headers: as(student),
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(errorOf(res))).toContain('weeks');
  });

  it('plans 4 weeks from today, each session within ±10 % of the 30 minutes, 3 sessions a week', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/students/me/curriculum?weeks=4',
      headers: as(student),
    });
    expect(res.statusCode, res.body).toBe(200);
    plan = CurriculumResponse.parse(res.json());
    expect(plan.weeks).toHaveLength(4);
    expect(plan.start_date).toBe(new Date().toISOString().slice(0, 10));
    expect(plan.edited_by).toBeNull();
    for (const [w, week] of plan.weeks.entries()) {
      expect(week.week_number).toBe(w + 1);
      expect(week.sessions).toHaveLength(3);
      for (const session of week.sessions) {
        expect(session.minutes).toBeGreaterThanOrEqual(27);
        expect(session.minutes).toBeLessThanOrEqual(33);
        expect(session.items.reduce((sum, i) => sum + i.minutes, 0)).toBe(session.minutes);
        expect(session.items.every((i) => !i.done)).toBe(true);
      }
      expect(week.estimated_duration).toBeGreaterThanOrEqual(81);
      expect(week.estimated_duration).toBeLessThanOrEqual(99);
    }
    const again = await t.app.inject({ url: '/students/me/curriculum', headers: as(student) });
    expect(CurriculumResponse.parse(again.json())).toEqual(plan);
  });

  it('every exercise item opens as it is: POST /exercises/generate makes it', async () => {
    const requests = plan.weeks
      .flatMap((w) => w.sessions.flatMap((s) => s.items))
      .flatMap((i) => (i.exercise ? [i.exercise] : []));
    expect(requests.length).toBeGreaterThan(0);
    const distinct = [...new Map(requests.map((r) => [JSON.stringify({ ...r, seed: 0 }), r])).values()];
    for (const request of distinct.slice(0, 12)) {
      const res = await t.app.inject({ method: 'POST', url: '/exercises/generate', payload: request });
      expect(res.statusCode, `${JSON.stringify(request)}: ${res.body}`).toBe(200);
    }
  });

  it("today's session for a given date is that day's plan; a bad date is a 400", async () => {
    const week = plan.weeks[0];
    const session = week?.sessions[0];
    if (!week || !session) throw new Error('no first session');
    const day = await today(session.date);
    expect(day.has_plan).toBe(true);
    expect(day.week_number).toBe(1);
    expect(day.session?.date).toBe(session.date);
    expect(day.session?.items.map((i) => i.item_id)).toEqual(session.items.map((i) => i.item_id));
    expect(day.week_ahead.map((s) => s.date)).toEqual(week.sessions.slice(1).map((s) => s.date));
    expect(day.next_session_date).toBe(week.sessions[1]?.date);
    expect(day.focus_areas).toEqual(week.focus_areas);
    const bad = await t.app.inject({ url: '/students/me/today?date=2026-02-30', headers: as(student) });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(errorOf(bad))).toContain('date');
  });

  it('checks off an item (idempotent), counts its minutes and the streak; an unknown item is a 404', async () => {
    const session = plan.weeks[0]?.sessions[0];
    const item = session?.items[0];
    if (!session || !item) throw new Error('no item');
    for (let i = 0; i < 2; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/students/me/today/items/${item.item_id}/done`,
        headers: as(student),
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ item_id: item.item_id, done: true });
    }
    const day = await today(session.date);
    expect(day.session?.items.find((i) => i.item_id === item.item_id)?.done).toBe(true);
    expect(day.session?.items.filter((i) => i.done)).toHaveLength(1);
    const progress = ProgressResponse.parse(
      (await t.app.inject({ url: '/students/me/progress', headers: as(student) })).json(),
    );
    expect(progress.practice_minutes_by_week.reduce((sum, w) => sum + w.minutes, 0)).toBe(item.minutes);
    expect(progress.streak).toEqual({ current: 1, best: 1, practised_today: true });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/students/me/today/items/w9-d9-9/done',
      headers: as(student),
    });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('adaptation from graded attempts', () => {
  it('three perfect takes of a technique exercise raise technique by 0.5 each and say why', async () => {
    const gen = await t.app.inject({
      method: 'POST',
      url: '/exercises/generate',
      payload: {
        skill_type: 'scales',
        subtype: 'major',
        key_signature: 'C',
        difficulty: 4,
        tempo: 90,
        seed: 3,
      },
    });
    expect(gen.statusCode, gen.body).toBe(200);
    const exercise = ExerciseResponse.parse(gen.json());
    const notes = exercise.midi_notes.map((n) => ({
      midi: n.midi,
      start: 0.5 + n.start,
      end: 0.5 + n.start + 0.9 * n.duration,
      velocity: 80,
    }));
    const levels: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/practice/attempts',
        headers: as(student),
        payload: { exercise_id: exercise.exercise_id, notes },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<{ score: number }>().score).toBe(100);
      const profile = StudentProfileResponse.parse(
        (await t.app.inject({ url: '/students/me/profile', headers: as(student) })).json(),
      );
      levels.push(profile.skill_levels.technique);
    }
    // Exactly what the core's rule makes of three perfect takes at difficulty 4 (the service's wiring:
    // skillsForAttempt → applyResults for each result, in order).
    let profile = createProfile({
      selfLevel: 4,
      practiceFrequency: '3x_week',
      sessionMinutes: 30,
      preferredGenres: ['classical'],
      learningStyle: 'visual',
    });
    const results: SkillResult[] = [];
    const expected: number[] = [];
    const reasons: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const take = {
        skillType: 'scales',
        score: 1,
        pitchAccuracy: 1,
        rhythmAccuracy: 1,
        difficulty: 4,
        at: i,
      } as const;
      for (const result of skillsForAttempt(take)) {
        const applied = applyResults(profile, results, result);
        profile = applied.profile;
        results.push(result);
        reasons.push(...applied.changes.filter((c) => c.skill === 'technique').map((c) => c.reason));
      }
      expected.push(profile.skillLevels.technique);
    }
    expect(levels).toEqual(expected);
    // Three perfect takes raise technique: the spec's rule (trend > 90 % → +0.5).
    expect(levels[2]).toBeGreaterThanOrEqual(4.5);
    const day = await today();
    const latest = reasons.at(-1) ?? 'no technique change';
    expect(day.reasons.slice(0, 3)).toContain(latest);
    expect(latest).toMatch(/^technique at 100 % .* → harder technique \(difficulty [\d.]+ → [\d.]+\)$/);
    const progress = ProgressResponse.parse(
      (await t.app.inject({ url: '/students/me/progress', headers: as(student) })).json(),
    );
    expect(progress.attempts).toMatchObject({ total: 3, by_skill_type: { scales: 3 }, average_score: 100 });
    expect(progress.changes.find((c) => c.skill === 'technique')?.reason).toBe(latest);
    expect(progress.skill_levels).toEqual(profile.skillLevels);
    expect(progress.skills).toEqual(profile.skills);
    // The plan's exercise items are served at the skills' difficulties as they stand now (the core's liveItem).
    const current = CurriculumResponse.parse(
      (await t.app.inject({ url: '/students/me/curriculum', headers: as(student) })).json(),
    );
    const served = [];
    for (const session of current.weeks[0]?.sessions ?? []) {
      const shown = await today(session.date);
      served.push(...(shown.session?.items ?? []).filter((i) => i.kind === 'exercise' && !i.assigned_by));
    }
    expect(served.length).toBeGreaterThan(0);
    for (const item of served) {
      expect(Math.abs(item.difficulty - profile.skillLevels[item.skill]), item.item_id).toBeLessThanOrEqual(
        0.5,
      );
      expect(item.exercise?.difficulty).toBe(item.difficulty);
    }
    // onboarding + one point per graded attempt
    expect(progress.history).toHaveLength(4);
  });
});

describe('theory', () => {
  it('lists topics with prerequisites and answers a question, scheduling the topic for review', async () => {
    const topics = await t.app.inject({ url: '/theory/topics' });
    expect(topics.statusCode).toBe(200);
    const list = topics.json<{ topics: { id: string; title: string; prerequisites: string[] }[] }>().topics;
    expect(list.length).toBeGreaterThan(10);
    const known = new Set(list.map((x) => x.id));
    expect(list.every((x) => x.prerequisites.every((p) => known.has(p)))).toBe(true);
    const first = list.find((x) => x.prerequisites.length === 0);
    if (!first) throw new Error('no root topic');
    const q = await t.app.inject({ url: `/theory/topics/${first.id}/questions?seed=5&count=3` });
    expect(q.statusCode, q.body).toBe(200);
    const questions = TheoryQuestionList.parse(q.json()).questions;
    expect(questions).toHaveLength(3);
    const question = questions[0];
    if (!question) throw new Error('no question');
    const choice = question.choices[0]?.id ?? '';
    const res = await t.app.inject({
      method: 'POST',
      url: '/students/me/theory/answers',
      headers: as(student),
      payload: { question_ref: question.question_ref, choice },
    });
    expect(res.statusCode, res.body).toBe(200);
    const answer = TheoryAnswerResponse.parse(res.json());
    expect(answer.correct).toBe(answer.answer === choice);
    expect(answer.next_review).not.toBeNull();
    expect(Date.parse(answer.next_review ?? '')).toBeGreaterThan(Date.now());
    // The topic comes back for review on the day FSRS set, not before.
    const due = (answer.next_review ?? '').slice(0, 10);
    const dayBefore = new Date(Date.parse(`${due}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect((await today(dayBefore)).due_reviews.map((r) => r.review_item_id)).not.toContain(
      `theory:${first.id}`,
    );
    const onDue = await today(due);
    expect(onDue.due_reviews).toContainEqual({
      review_item_id: `theory:${first.id}`,
      kind: 'theory',
      title: first.title,
      due: answer.next_review,
    });
    const missing = await t.app.inject({ url: '/theory/topics/no-such-topic/questions' });
    expect(missing.statusCode).toBe(404);
  });
});

describe('ear training', () => {
  it("a signed-in student's answer counts for ear training and schedules that interval for review", async () => {
    const asked = await t.app.inject({
      method: 'POST',
      url: '/ear-training/questions',
      payload: { type: 'interval_recognition', difficulty: 3, seed: 9 },
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const question = asked.json<{ question_id: string; choices: { id: string }[] }>();
    const before = ProgressResponse.parse(
      (await t.app.inject({ url: '/students/me/progress', headers: as(student) })).json(),
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/ear-training/answers',
      headers: as(student),
      payload: { question_id: question.question_id, answer: question.choices[0]?.id },
    });
    expect(res.statusCode, res.body).toBe(200);
    const checked = res.json<{ correct: boolean; correct_choice: string }>();
    const after = ProgressResponse.parse(
      (await t.app.inject({ url: '/students/me/progress', headers: as(student) })).json(),
    );
    expect(after.history).toHaveLength(before.history.length + 1);
    const far = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10);
    expect((await today(far)).due_reviews.map((r) => r.review_item_id)).toContain(
      `ear_training:interval_recognition:${checked.correct_choice}`,
    );
  });
});

import {
  CurriculumResponse,
  ProgressResponse,
  StudentProfileResponse,
  TodayResponse,
} from '@cadenza/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf } from './helpers.js';
import {
  openStudioApp,
  postgresAvailable,
  signUp,
  type StudioTestApp,
  type TestUser,
} from './studio-helpers.js';

// Who may read and change a learning path: a student only their own (there is no id in /students/me),
// a teacher only students who accepted their invitation; everyone else's reads as a 404.
const postgres = await postgresAvailable();

describe.each(['sqlite', 'postgres'] as const)('learning access on %s', (dialect) => {
  const skip = dialect === 'postgres' && !postgres;
  let t: StudioTestApp;
  let teacher: TestUser;
  let otherTeacher: TestUser;
  let linked: TestUser;
  let invited: TestUser;
  let stranger: TestUser;

  const as = (user: TestUser) => ({ cookie: user.cookie });

  async function onboard(user: TestUser, minutes: number): Promise<void> {
    const res = await t.app.inject({
      method: 'PUT',
      url: '/students/me/profile',
      headers: as(user),
      payload: { self_level: 3, practice_frequency: 'daily', session_duration: minutes },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    const plan = await t.app.inject({
      method: 'POST',
      url: '/students/me/curriculum?weeks=2',
      headers: as(user),
    });
    if (plan.statusCode !== 200) throw new Error(plan.body);
  }

  async function invite(by: TestUser, student: TestUser, accept: boolean): Promise<void> {
    await t.app.inject({
      method: 'POST',
      url: '/teachers/me/students',
      headers: as(by),
      payload: { email: student.email },
    });
    if (accept) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/students/me/teachers/${by.id}/accept`,
        headers: as(student),
      });
      if (res.statusCode >= 300) throw new Error(res.body);
    }
  }

  beforeAll(async () => {
    if (skip) return;
    t = await openStudioApp(dialect);
    teacher = await signUp(t.app, 'teacher', 'teacher');
    otherTeacher = await signUp(t.app, 'teacher', 'other');
    linked = await signUp(t.app, 'student', 'linked');
    invited = await signUp(t.app, 'student', 'invited');
    stranger = await signUp(t.app, 'student', 'stranger');
    await onboard(linked, 20);
    await onboard(invited, 40);
    await onboard(stranger, 60);
    await invite(teacher, linked, true);
    await invite(teacher, invited, false);
  });
  afterAll(async () => {
    if (!skip) await t.close();
  });

  describe.skipIf(skip)('a student reaches only their own learning path', () => {
    it('each /students/me route answers with the caller’s own document', async () => {
      for (const [user, minutes] of [
        [linked, 20],
        [stranger, 60],
      ] as const) {
        const profile = StudentProfileResponse.parse(
          (await t.app.inject({ url: '/students/me/profile', headers: as(user) })).json(),
        );
        expect(profile).toMatchObject({ student_id: user.id, session_duration: minutes });
        const plan = CurriculumResponse.parse(
          (await t.app.inject({ url: '/students/me/curriculum', headers: as(user) })).json(),
        );
        expect(plan.weeks[0]?.sessions[0]?.minutes).toBeGreaterThanOrEqual(Math.floor(minutes * 0.9));
        expect(plan.weeks[0]?.sessions[0]?.minutes).toBeLessThanOrEqual(Math.ceil(minutes * 1.1));
      }
    });

    it("cannot check off another student's item, nor change their profile by any id in the body", async () => {
      const strangerPlan = CurriculumResponse.parse(
        (await t.app.inject({ url: '/students/me/curriculum', headers: as(stranger) })).json(),
      );
      const before = strangerPlan.weeks[0]?.sessions[0]?.items[0];
      if (!before) throw new Error('no item');
      // The ids repeat between plans (w1-d0-0), so checking it off marks only the caller's own item.
      await t.app.inject({
        method: 'POST',
        url: `/students/me/today/items/${before.item_id}/done`,
        headers: as(linked),
      });
      const after = CurriculumResponse.parse(
        (await t.app.inject({ url: '/students/me/curriculum', headers: as(stranger) })).json(),
      );
      expect(after.weeks[0]?.sessions[0]?.items[0]?.done).toBe(false);
      const put = await t.app.inject({
        method: 'PUT',
        url: '/students/me/profile',
        headers: as(linked),
        payload: { practice_frequency: 'weekend', session_duration: 15, student_id: stranger.id },
      });
      expect(put.statusCode).toBe(200);
      const strangerProfile = StudentProfileResponse.parse(
        (await t.app.inject({ url: '/students/me/profile', headers: as(stranger) })).json(),
      );
      expect(strangerProfile.session_duration).toBe(60);
      expect(strangerProfile.practice_frequency).toBe('daily');
    });

    it('a student calling teacher routes gets 403, a teacher calling /students/me routes gets 403', async () => {
      for (const url of [
        `/teachers/me/students/${stranger.id}/profile`,
        `/teachers/me/students/${stranger.id}/progress`,
        `/teachers/me/students/${stranger.id}/curriculum`,
      ]) {
        const res = await t.app.inject({ url, headers: as(linked) });
        expect(res.statusCode, url).toBe(403);
      }
      const assign = await t.app.inject({
        method: 'POST',
        url: `/teachers/me/students/${stranger.id}/assignments`,
        headers: as(linked),
        payload: { song_id: 'x' },
      });
      expect(assign.statusCode).toBe(403);
      for (const url of ['/students/me/profile', '/students/me/today', '/students/me/progress']) {
        const res = await t.app.inject({ url, headers: as(teacher) });
        expect(res.statusCode, url).toBe(403);
      }
      const anonymous = await t.app.inject({ url: '/students/me/today' });
      expect(anonymous.statusCode).toBe(401);
    });
  });

  describe.skipIf(skip)('a teacher reaches only their accepted students', () => {
    it("reads a linked student's profile, progress and plan", async () => {
      const profile = await t.app.inject({
        url: `/teachers/me/students/${linked.id}/profile`,
        headers: as(teacher),
      });
      expect(profile.statusCode, profile.body).toBe(200);
      expect(StudentProfileResponse.parse(profile.json()).student_id).toBe(linked.id);
      const progress = await t.app.inject({
        url: `/teachers/me/students/${linked.id}/progress`,
        headers: as(teacher),
      });
      expect(ProgressResponse.parse(progress.json()).current_level).toBe(3);
      const plan = await t.app.inject({
        url: `/teachers/me/students/${linked.id}/curriculum`,
        headers: as(teacher),
      });
      expect(CurriculumResponse.parse(plan.json()).weeks).toHaveLength(2);
    });

    it('answers 404 for a student only invited, never invited, or linked to another teacher', async () => {
      const cases = [
        [teacher, invited],
        [teacher, stranger],
        [otherTeacher, linked],
      ] as const;
      for (const [who, student] of cases) {
        for (const path of ['profile', 'progress', 'curriculum']) {
          const res = await t.app.inject({
            url: `/teachers/me/students/${student.id}/${path}`,
            headers: as(who),
          });
          expect(res.statusCode, `${path} of ${student.email}`).toBe(404);
          expect(errorOf(res).code).toBe('not_found');
        }
        const edit = await t.app.inject({
          method: 'PUT',
          url: `/teachers/me/students/${student.id}/curriculum`,
          headers: as(who),
          payload: CurriculumResponse.parse(
            (await t.app.inject({ url: '/students/me/curriculum', headers: as(student) })).json(),
          ),
        });
        expect(edit.statusCode).toBe(404);
        const assign = await t.app.inject({
          method: 'POST',
          url: `/teachers/me/students/${student.id}/assignments`,
          headers: as(who),
          payload: { exercise: { skill_type: 'rhythm', difficulty: 2 } },
        });
        expect(assign.statusCode).toBe(404);
      }
    });

    it("assigns an exercise on a date: it shows in the student's day, marked as the teacher's", async () => {
      const date = '2031-03-04';
      const res = await t.app.inject({
        method: 'POST',
        url: `/teachers/me/students/${linked.id}/assignments`,
        headers: as(teacher),
        payload: { exercise: { skill_type: 'rhythm', difficulty: 2, seed: 11 }, minutes: 12, date },
      });
      expect(res.statusCode, res.body).toBe(201);
      const made = res.json<{ item_id: string; date: string; title: string }>();
      expect(made.date).toBe(date);
      const day = TodayResponse.parse(
        (await t.app.inject({ url: `/students/me/today?date=${date}`, headers: as(linked) })).json(),
      );
      const item = day.session?.items.find((i) => i.item_id === made.item_id);
      expect(item).toMatchObject({
        kind: 'exercise',
        skill: 'rhythm_accuracy',
        minutes: 12,
        assigned_by: teacher.id,
        done: false,
        exercise: { skill_type: 'rhythm', difficulty: 2, seed: 11 },
      });
      const bad = await t.app.inject({
        method: 'POST',
        url: `/teachers/me/students/${linked.id}/assignments`,
        headers: as(teacher),
        payload: { song_id: 'no-such-song' },
      });
      expect(bad.statusCode).toBe(400);
      expect(errorOf(bad).message).toContain('song_id');
    });

    it('edits the plan: a removed item is gone, check-offs stay, a bad item is a 400 naming its place', async () => {
      const plan = CurriculumResponse.parse(
        (
          await t.app.inject({ url: `/teachers/me/students/${linked.id}/curriculum`, headers: as(teacher) })
        ).json(),
      );
      const first = plan.weeks[0]?.sessions[0];
      const [keep, drop] = first?.items ?? [];
      if (!first || !keep || !drop) throw new Error('need two items');
      await t.app.inject({
        method: 'POST',
        url: `/students/me/today/items/${keep.item_id}/done`,
        headers: as(linked),
      });
      const weeks = plan.weeks.map((w, i) =>
        i === 0
          ? {
              ...w,
              sessions: w.sessions.map((s, k) =>
                k === 0 ? { ...s, items: s.items.filter((x) => x !== drop) } : s,
              ),
            }
          : w,
      );
      const res = await t.app.inject({
        method: 'PUT',
        url: `/teachers/me/students/${linked.id}/curriculum`,
        headers: as(teacher),
        payload: { weeks },
      });
      expect(res.statusCode, res.body).toBe(200);
      const edited = CurriculumResponse.parse(res.json());
      expect(edited.edited_by).toBe(teacher.id);
      const items = edited.weeks[0]?.sessions[0]?.items ?? [];
      expect(items.map((i) => i.item_id)).not.toContain(drop.item_id);
      expect(items.find((i) => i.item_id === keep.item_id)?.done).toBe(true);

      const broken = structuredClone(weeks);
      const item = broken[0]?.sessions[0]?.items[0];
      if (!item) throw new Error('no item');
      delete item.exercise;
      item.kind = 'exercise';
      const bad = await t.app.inject({
        method: 'PUT',
        url: `/teachers/me/students/${linked.id}/curriculum`,
        headers: as(teacher),
        payload: { weeks: broken },
      });
      expect(bad.statusCode).toBe(400);
      expect(errorOf(bad).message).toContain('weeks[0].sessions[0].items[0].kind');
    });
  });
});

import { ProgressResponse, StudentProfileResponse } from '@cadenza/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf } from './helpers.js';
import { openStudioApp, signUp, type StudioTestApp, type TestUser } from './studio-helpers.js';

// GET/PUT /students/me/profile and GET /students/me/progress: onboarding, preferences that keep the
// skills, the error answers (401, 403, 404, 400 naming the field).
let t: StudioTestApp;
let student: TestUser;
let teacher: TestUser;

beforeAll(async () => {
  t = await openStudioApp('sqlite');
  student = await signUp(t.app, 'student', 'learner');
  teacher = await signUp(t.app, 'teacher', 'teacher');
});
afterAll(() => t.close());

const ONBOARDING = {
  self_level: 4,
  practice_frequency: '3x_week',
  session_duration: 30,
  preferred_genres: ['jazz', 'blues'],
  learning_style: 'auditory',
  short_term_goals: ['play a blues'],
};

describe('student profile', () => {
  it('answers 404 naming the way out before onboarding, 401 anonymous, 403 for a teacher', async () => {
    const none = await t.app.inject({ url: '/students/me/profile', headers: { cookie: student.cookie } });
    expect(none.statusCode).toBe(404);
    expect(errorOf(none)).toMatchObject({ code: 'no_profile' });
    expect(errorOf(none).message).toContain('PUT /students/me/profile');
    const anonymous = await t.app.inject({ url: '/students/me/profile' });
    expect(anonymous.statusCode).toBe(401);
    const asTeacher = await t.app.inject({
      method: 'PUT',
      url: '/students/me/profile',
      headers: { cookie: teacher.cookie },
      payload: ONBOARDING,
    });
    expect(asTeacher.statusCode).toBe(403);
    const progress = await t.app.inject({
      url: '/students/me/progress',
      headers: { cookie: student.cookie },
    });
    expect(progress.statusCode).toBe(404);
  });

  it('refuses bad answers naming the field', async () => {
    for (const [patch, field] of [
      [{ session_duration: 5 }, 'session_duration'],
      [{ preferred_genres: ['polka'] }, 'preferred_genres'],
      [{ self_level: 11 }, 'self_level'],
      [{ practice_frequency: 'hourly' }, 'practice_frequency'],
    ] as const) {
      const res = await t.app.inject({
        method: 'PUT',
        url: '/students/me/profile',
        headers: { cookie: student.cookie },
        payload: { ...ONBOARDING, ...patch },
      });
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(JSON.stringify(errorOf(res))).toContain(field);
    }
  });

  it('onboarding creates the profile at the self level (201); a later PUT keeps the skills (200)', async () => {
    const created = await t.app.inject({
      method: 'PUT',
      url: '/students/me/profile',
      headers: { cookie: student.cookie },
      payload: ONBOARDING,
    });
    expect(created.statusCode, created.body).toBe(201);
    const profile = StudentProfileResponse.parse(created.json());
    expect(profile).toMatchObject({
      student_id: student.id,
      current_level: 4,
      practice_frequency: '3x_week',
      session_duration: 30,
      preferred_genres: ['jazz', 'blues'],
      learning_style: 'auditory',
      short_term_goals: ['play a blues'],
      placed: false,
      completed_exercises: 0,
    });
    // (4 − 1) / 9 = 0.333 for every skill, each practised at difficulty 4.
    expect(Object.values(profile.skills)).toEqual(Array(6).fill(0.333));
    expect(Object.values(profile.skill_levels)).toEqual(Array(6).fill(4));

    const changed = await t.app.inject({
      method: 'PUT',
      url: '/students/me/profile',
      headers: { cookie: student.cookie },
      payload: { ...ONBOARDING, self_level: 9, session_duration: 45, preferred_genres: ['classical'] },
    });
    expect(changed.statusCode).toBe(200);
    const after = StudentProfileResponse.parse(changed.json());
    expect(after.session_duration).toBe(45);
    expect(after.preferred_genres).toEqual(['classical']);
    expect(after.skills).toEqual(profile.skills);
    expect(after.current_level).toBe(4);

    const read = await t.app.inject({ url: '/students/me/profile', headers: { cookie: student.cookie } });
    expect(StudentProfileResponse.parse(read.json())).toEqual(after);
  });

  it('progress starts with the onboarding point and no attempts', async () => {
    const res = await t.app.inject({ url: '/students/me/progress', headers: { cookie: student.cookie } });
    expect(res.statusCode).toBe(200);
    const progress = ProgressResponse.parse(res.json());
    expect(progress.history).toHaveLength(1);
    expect(progress.history[0]?.skill_levels.technique).toBe(4);
    expect(progress.attempts).toEqual({ total: 0, by_skill_type: {}, average_score: null });
    expect(progress.changes).toEqual([]);
    expect(progress.streak).toEqual({ current: 0, best: 0, practised_today: false });
  });
});

describe('OpenAPI', () => {
  it('documents the learning routes', async () => {
    const res = await t.app.inject({ url: '/openapi.json' });
    const paths = Object.keys(res.json<{ paths: Record<string, unknown> }>().paths);
    for (const path of [
      '/students/me/profile',
      '/students/me/placement/test',
      '/students/me/placement',
      '/students/me/curriculum',
      '/students/me/today',
      '/students/me/today/items/{itemId}/done',
      '/students/me/progress',
      '/students/me/theory/answers',
      '/theory/topics',
      '/theory/topics/{id}/questions',
      '/teachers/me/students/{studentId}/profile',
      '/teachers/me/students/{studentId}/progress',
      '/teachers/me/students/{studentId}/curriculum',
      '/teachers/me/students/{studentId}/assignments',
    ]) {
      expect(paths, path).toContain(path);
    }
  });
});

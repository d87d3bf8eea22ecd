import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf } from './helpers.js';
import {
  multipart,
  multipartHeaders,
  openStudioApp,
  signUp,
  type StudioTestApp,
  type TestUser,
} from './studio-helpers.js';

// A teacher sees only linked students, and only while linked; students cannot use teacher routes.
let t: StudioTestApp;
let teacher: TestUser;
let otherTeacher: TestUser;
let linked: TestUser;
let unlinked: TestUser;
let linkedItemId = '';

interface ItemJson {
  id: string;
  title: string;
  files: { id: string; url: string }[];
}

const SCORE = new TextEncoder().encode('<score-partwise version="4.0"/>');

beforeAll(async () => {
  t = await openStudioApp('sqlite');
  teacher = await signUp(t.app, 'teacher', 'teacher');
  otherTeacher = await signUp(t.app, 'teacher', 'other');
  linked = await signUp(t.app, 'student', 'linked');
  unlinked = await signUp(t.app, 'student', 'unlinked');
  for (const student of [linked, unlinked]) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/library/items',
      headers: multipartHeaders(student.cookie),
      payload: multipart([
        { name: 'kind', value: 'transcription' },
        { name: 'title', value: `practice of ${student.email}` },
        { name: 'musicxml', fileName: 'take.musicxml', bytes: SCORE },
      ]),
    });
    if (student === linked) linkedItemId = res.json<ItemJson>().id;
  }
});
afterAll(() => t.close());

const as = (user: TestUser) => ({ cookie: user.cookie });

describe('teacher–student links', () => {
  it('a teacher links a student by email (any case) and lists them', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/teachers/me/students',
      headers: as(teacher),
      payload: { email: linked.email.toUpperCase() },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ id: linked.id, email: linked.email, role: 'student' });
    const list = await t.app.inject({ url: '/teachers/me/students', headers: as(teacher) });
    expect(list.json<{ students: { id: string }[] }>().students.map((s) => s.id)).toEqual([linked.id]);
    const others = await t.app.inject({ url: '/teachers/me/students', headers: as(otherTeacher) });
    expect(others.json()).toEqual({ students: [] });
  });

  it('linking an unknown email or a teacher → 404 student_not_found', async () => {
    for (const email of ['nobody@example.com', otherTeacher.email]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/teachers/me/students',
        headers: as(teacher),
        payload: { email },
      });
      expect(res.statusCode, email).toBe(404);
      expect(errorOf(res).code).toBe('student_not_found');
    }
  });

  it("a teacher reads a linked student's items and downloads their files", async () => {
    const res = await t.app.inject({ url: `/teachers/me/students/${linked.id}/items`, headers: as(teacher) });
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: ItemJson[] }>().items;
    expect(items.map((i) => i.id)).toEqual([linkedItemId]);
    const file = items[0]!.files[0]!;
    expect(file.url).toBe(`/teachers/me/students/${linked.id}/items/${linkedItemId}/files/${file.id}`);
    const download = await t.app.inject({ url: file.url, headers: as(teacher) });
    expect(download.statusCode).toBe(200);
    expect(new Uint8Array(download.rawPayload)).toEqual(SCORE);
    // The owner's own routes stay the owner's: the teacher cannot reach the item through them.
    const direct = await t.app.inject({ url: `/library/items/${linkedItemId}`, headers: as(teacher) });
    expect(direct.statusCode).toBe(404);
  });

  it("an unlinked student's items → 404, for this teacher and for another teacher", async () => {
    for (const [who, student] of [
      [teacher, unlinked],
      [otherTeacher, linked],
    ] as const) {
      const res = await t.app.inject({ url: `/teachers/me/students/${student.id}/items`, headers: as(who) });
      expect(res.statusCode).toBe(404);
      expect(errorOf(res).code).toBe('not_found');
    }
    const file = await t.app.inject({
      url: `/teachers/me/students/${linked.id}/items/${linkedItemId}/files/AAAAAAAAAAAAAAAAAAAAAA`,
      headers: as(otherTeacher),
    });
    expect(file.statusCode).toBe(404);
  });

  it('a student calling teacher routes → 403 forbidden', async () => {
    for (const [method, url] of [
      ['GET', '/teachers/me/students'],
      ['POST', '/teachers/me/students'],
      ['GET', `/teachers/me/students/${unlinked.id}/items`],
      ['DELETE', `/teachers/me/students/${unlinked.id}`],
    ] as const) {
      const res = await t.app.inject({
        method,
        url,
        headers: as(linked),
        ...(method === 'POST' ? { payload: { email: unlinked.email } } : {}),
      });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(errorOf(res).code).toBe('forbidden');
    }
    const anonymous = await t.app.inject({ url: '/teachers/me/students' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('after unlinking, the student is gone from the list and their items are 404; unlinking again → 404', async () => {
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/teachers/me/students/${linked.id}`,
      headers: as(teacher),
    });
    expect(del.statusCode).toBe(204);
    const list = await t.app.inject({ url: '/teachers/me/students', headers: as(teacher) });
    expect(list.json()).toEqual({ students: [] });
    const items = await t.app.inject({
      url: `/teachers/me/students/${linked.id}/items`,
      headers: as(teacher),
    });
    expect(items.statusCode).toBe(404);
    const again = await t.app.inject({
      method: 'DELETE',
      url: `/teachers/me/students/${linked.id}`,
      headers: as(teacher),
    });
    expect(again.statusCode).toBe(404);
    const traversal = await t.app.inject({
      url: '/teachers/me/students/..%2F..%2Fetc%2Fpasswd/items',
      headers: as(teacher),
    });
    expect(traversal.statusCode).toBe(400);
    expect(errorOf(traversal).code).toBe('invalid_request');
  });
});

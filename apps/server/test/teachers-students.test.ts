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

// A teacher sees only students who accepted their invitation, and only while linked; students cannot use
// teacher routes, teachers cannot use student routes.
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
  it('a teacher invites a student by email (any case); the link is pending and grants nothing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/teachers/me/students',
      headers: as(teacher),
      payload: { email: linked.email.toUpperCase() },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      id: linked.id,
      email: linked.email,
      role: 'student',
      status: 'pending',
    });
    const list = await t.app.inject({ url: '/teachers/me/students', headers: as(teacher) });
    expect(list.json<{ students: { id: string; status: string }[] }>().students).toMatchObject([
      { id: linked.id, status: 'pending' },
    ]);
    const others = await t.app.inject({ url: '/teachers/me/students', headers: as(otherTeacher) });
    expect(others.json()).toEqual({ students: [] });
    const items = await t.app.inject({
      url: `/teachers/me/students/${linked.id}/items`,
      headers: as(teacher),
    });
    expect(items.statusCode).toBe(404);
    expect(errorOf(items).code).toBe('not_found');
  });

  it('the student sees the invitation; nobody else can accept it; the student accepts', async () => {
    const mine = await t.app.inject({ url: '/students/me/teachers', headers: as(linked) });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({
      teachers: [],
      invitations: [{ id: teacher.id, email: teacher.email, displayName: 'teacher', status: 'pending' }],
    });
    const acceptUrl = `/students/me/teachers/${teacher.id}/accept`;
    // Another student has no invitation from this teacher: 404, and the link stays pending.
    const stolen = await t.app.inject({ method: 'POST', url: acceptUrl, headers: as(unlinked) });
    expect(stolen.statusCode).toBe(404);
    expect(errorOf(stolen).code).toBe('not_found');
    const missing = await t.app.inject({
      method: 'POST',
      url: `/students/me/teachers/${otherTeacher.id}/accept`,
      headers: as(linked),
    });
    expect(missing.statusCode).toBe(404);
    const byTeacher = await t.app.inject({ method: 'POST', url: acceptUrl, headers: as(teacher) });
    expect(byTeacher.statusCode).toBe(403);
    const stillPending = await t.app.inject({
      url: `/teachers/me/students/${linked.id}/items`,
      headers: as(teacher),
    });
    expect(stillPending.statusCode).toBe(404);

    const accept = await t.app.inject({ method: 'POST', url: acceptUrl, headers: as(linked) });
    expect(accept.statusCode).toBe(204);
    const after = await t.app.inject({ url: '/students/me/teachers', headers: as(linked) });
    expect(after.json()).toMatchObject({
      teachers: [{ id: teacher.id, status: 'accepted' }],
      invitations: [],
    });
    const list = await t.app.inject({ url: '/teachers/me/students', headers: as(teacher) });
    expect(list.json()).toMatchObject({ students: [{ id: linked.id, status: 'accepted' }] });
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

  it('a student declines an invitation or ends an accepted link; the teacher then gets 404', async () => {
    const invite = (who: TestUser) =>
      t.app.inject({
        method: 'POST',
        url: '/teachers/me/students',
        headers: as(who),
        payload: { email: unlinked.email },
      });
    expect((await invite(otherTeacher)).statusCode).toBe(201);
    const decline = await t.app.inject({
      method: 'DELETE',
      url: `/students/me/teachers/${otherTeacher.id}`,
      headers: as(unlinked),
    });
    expect(decline.statusCode).toBe(204);
    const list = await t.app.inject({ url: '/teachers/me/students', headers: as(otherTeacher) });
    expect(list.json()).toEqual({ students: [] });
    const acceptDeclined = await t.app.inject({
      method: 'POST',
      url: `/students/me/teachers/${otherTeacher.id}/accept`,
      headers: as(unlinked),
    });
    expect(acceptDeclined.statusCode).toBe(404);

    expect((await invite(teacher)).statusCode).toBe(201);
    const accept = await t.app.inject({
      method: 'POST',
      url: `/students/me/teachers/${teacher.id}/accept`,
      headers: as(unlinked),
    });
    expect(accept.statusCode).toBe(204);
    const readable = await t.app.inject({
      url: `/teachers/me/students/${unlinked.id}/items`,
      headers: as(teacher),
    });
    expect(readable.statusCode).toBe(200);
    const end = await t.app.inject({
      method: 'DELETE',
      url: `/students/me/teachers/${teacher.id}`,
      headers: as(unlinked),
    });
    expect(end.statusCode).toBe(204);
    const gone = await t.app.inject({
      url: `/teachers/me/students/${unlinked.id}/items`,
      headers: as(teacher),
    });
    expect(gone.statusCode).toBe(404);
    const again = await t.app.inject({
      method: 'DELETE',
      url: `/students/me/teachers/${teacher.id}`,
      headers: as(unlinked),
    });
    expect(again.statusCode).toBe(404);
    const byTeacher = await t.app.inject({ url: '/students/me/teachers', headers: as(teacher) });
    expect(byTeacher.statusCode).toBe(403);
    expect((await t.app.inject({ url: '/students/me/teachers' })).statusCode).toBe(401);
  });
});

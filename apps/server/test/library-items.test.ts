import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf } from './helpers.js';
import {
  multipart,
  multipartHeaders,
  openStudioApp,
  postgresAvailable,
  signUp,
  type StudioTestApp,
  type TestUser,
} from './studio-helpers.js';

// The library and its authorization rules, through HTTP, on SQLite and on PostgreSQL (a fresh schema).
const postgres = await postgresAvailable();

interface ItemJson {
  id: string;
  kind: string;
  title: string;
  metadata: Record<string, unknown>;
  files: { id: string; role: string; fileName: string; mediaType: string; sizeBytes: number; url: string }[];
}

/** Bytes that are not valid UTF-8 (so a text round trip would corrupt them). */
const MIDI_BYTES = new Uint8Array([
  0x4d, 0x54, 0x68, 0x64, 0, 0, 0, 6, 0, 1, 0, 2, 1, 0xe0, 0xff, 0x80, 0x00, 0xc3,
]);
const MUSICXML = new TextEncoder().encode('<?xml version="1.0"?><score-partwise version="4.0"/>');

describe.each(['sqlite', 'postgres'] as const)('library on %s', (dialect) => {
  const skip = dialect === 'postgres' && !postgres;
  let t: StudioTestApp;
  let ann: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    if (skip) return;
    t = await openStudioApp(dialect);
    ann = await signUp(t.app, 'student', 'ann');
    bob = await signUp(t.app, 'student', 'bob');
  });
  afterAll(async () => {
    if (!skip) await t.close();
  });

  const upload = (user: TestUser, title = 'Autumn Leaves (bossa)') =>
    t.app.inject({
      method: 'POST',
      url: '/library/items',
      headers: multipartHeaders(user.cookie),
      payload: multipart([
        { name: 'kind', value: 'arrangement' },
        { name: 'title', value: title },
        { name: 'metadata', value: '{"genre":"bossa","bars":32}' },
        { name: 'midi', fileName: 'autumn leaves.mid', bytes: MIDI_BYTES, type: 'audio/midi' },
        { name: 'file', fileName: '../../Autumn Leaves.musicxml', bytes: MUSICXML },
      ]),
    });

  describe.skipIf(skip)('', () => {
    it('upload → list → download gives back identical bytes, media type and file name', async () => {
      const res = await upload(ann);
      expect(res.statusCode, res.body).toBe(201);
      const item = res.json<ItemJson>();
      expect(item).toMatchObject({
        kind: 'arrangement',
        title: 'Autumn Leaves (bossa)',
        metadata: { genre: 'bossa', bars: 32 },
      });
      const files = [...item.files].sort((a, b) => a.role.localeCompare(b.role));
      expect(files.map((f) => [f.role, f.fileName, f.mediaType, f.sizeBytes])).toEqual([
        ['midi', 'autumn leaves.mid', 'audio/midi', MIDI_BYTES.length],
        // A traversal-looking name keeps only its last segment; the type comes from the extension.
        ['musicxml', 'Autumn Leaves.musicxml', 'application/vnd.recordare.musicxml+xml', MUSICXML.length],
      ]);

      const list = await t.app.inject({ url: '/library/items', headers: { cookie: ann.cookie } });
      expect(list.statusCode).toBe(200);
      const listed = list.json<{ items: ItemJson[] }>().items.find((i) => i.id === item.id);
      expect(listed?.files.map((f) => f.url).sort()).toEqual(
        item.files.map((f) => `/library/items/${item.id}/files/${f.id}`).sort(),
      );

      for (const [file, bytes] of [
        [files[0]!, MIDI_BYTES],
        [files[1]!, MUSICXML],
      ] as const) {
        const download = await t.app.inject({ url: file.url, headers: { cookie: ann.cookie } });
        expect(download.statusCode).toBe(200);
        expect(new Uint8Array(download.rawPayload)).toEqual(bytes);
        expect(download.headers['content-type']).toBe(file.mediaType);
        expect(download.headers['content-disposition']).toBe(`attachment; filename="${file.fileName}"`);
        expect(download.headers['x-content-type-options']).toBe('nosniff');
      }
    });

    it('JSON create, PATCH title and metadata, GET one, DELETE → then 404 and the blobs are gone', async () => {
      const created = await t.app.inject({
        method: 'POST',
        url: '/library/items',
        headers: { cookie: ann.cookie },
        payload: { kind: 'exercise', title: 'Scales in thirds' },
      });
      expect(created.statusCode).toBe(201);
      const { id, files, metadata } = created.json<ItemJson>();
      expect([files, metadata]).toEqual([[], {}]);

      const patched = await t.app.inject({
        method: 'PATCH',
        url: `/library/items/${id}`,
        headers: { cookie: ann.cookie },
        payload: { title: 'Scales in sixths', metadata: { key: 'Eb' } },
      });
      expect(patched.statusCode).toBe(200);
      expect(patched.json()).toMatchObject({ id, title: 'Scales in sixths', metadata: { key: 'Eb' } });
      const got = await t.app.inject({ url: `/library/items/${id}`, headers: { cookie: ann.cookie } });
      expect(got.json<ItemJson>().title).toBe('Scales in sixths');

      const withFiles = (await upload(ann, 'to delete')).json<ItemJson>();
      const blobIds = await t.studio.services.database.db
        .selectFrom('itemFiles')
        .select('blobId')
        .where('itemId', '=', withFiles.id)
        .execute();
      expect(blobIds).toHaveLength(2);
      for (const target of [id, withFiles.id]) {
        const del = await t.app.inject({
          method: 'DELETE',
          url: `/library/items/${target}`,
          headers: { cookie: ann.cookie },
        });
        expect(del.statusCode).toBe(204);
        const gone = await t.app.inject({ url: `/library/items/${target}`, headers: { cookie: ann.cookie } });
        expect(gone.statusCode).toBe(404);
      }
      for (const { blobId } of blobIds) expect(await t.studio.services.blobs.has(blobId)).toBe(false);
      const download = await t.app.inject({ url: withFiles.files[0]!.url, headers: { cookie: ann.cookie } });
      expect(download.statusCode).toBe(404);
    });

    it('another user never sees, lists, changes, deletes or downloads an item: 404, and it stays intact', async () => {
      const item = (await upload(ann, 'private piece')).json<ItemJson>();
      const as = (user: TestUser) => ({ cookie: user.cookie });
      const attempts = [
        t.app.inject({ url: `/library/items/${item.id}`, headers: as(bob) }),
        t.app.inject({
          method: 'PATCH',
          url: `/library/items/${item.id}`,
          headers: as(bob),
          payload: { title: 'mine now' },
        }),
        t.app.inject({ method: 'DELETE', url: `/library/items/${item.id}`, headers: as(bob) }),
        ...item.files.map((f) => t.app.inject({ url: f.url, headers: as(bob) })),
      ];
      for (const res of await Promise.all(attempts)) {
        expect(res.statusCode).toBe(404);
        expect(errorOf(res).code).toBe('not_found');
      }
      // The answer is the same as for an id that does not exist at all.
      const missing = await t.app.inject({ url: '/library/items/AAAAAAAAAAAAAAAAAAAAAA', headers: as(bob) });
      expect([missing.statusCode, errorOf(missing).message]).toEqual([
        404,
        'you have no library item with this id',
      ]);

      const bobsList = (await t.app.inject({ url: '/library/items', headers: as(bob) })).json<{
        items: ItemJson[];
      }>();
      expect(bobsList.items.map((i) => i.id)).not.toContain(item.id);
      const still = await t.app.inject({ url: `/library/items/${item.id}`, headers: as(ann) });
      expect(still.statusCode).toBe(200);
      expect(still.json<ItemJson>().title).toBe('private piece');
      const bytes = await t.app.inject({ url: item.files[0]!.url, headers: as(ann) });
      expect(bytes.statusCode).toBe(200);
    });

    it('pages newest first with a cursor, filters by kind, refuses a forged cursor with 400', async () => {
      const carl = await signUp(t.app, 'student', 'carl');
      const titles = ['one', 'two', 'three', 'four', 'five'];
      for (const [i, title] of titles.entries()) {
        await t.app.inject({
          method: 'POST',
          url: '/library/items',
          headers: { cookie: carl.cookie },
          payload: { kind: i % 2 === 0 ? 'composition' : 'exercise', title },
        });
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const res = await t.app.inject({
          url: `/library/items?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
          headers: { cookie: carl.cookie },
        });
        expect(res.statusCode).toBe(200);
        const page = res.json<{ items: ItemJson[]; nextCursor?: string }>();
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((i) => i.title));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual([...titles].reverse());

      const compositions = await t.app.inject({
        url: '/library/items?kind=composition',
        headers: { cookie: carl.cookie },
      });
      expect(compositions.json<{ items: ItemJson[] }>().items.map((i) => i.title)).toEqual([
        'five',
        'three',
        'one',
      ]);
      const forged = await t.app.inject({
        url: '/library/items?cursor=bm90LWEtY3Vyc29y',
        headers: { cookie: carl.cookie },
      });
      expect(forged.statusCode).toBe(400);
      expect(errorOf(forged).code).toBe('invalid_cursor');
      const badKind = await t.app.inject({
        url: '/library/items?kind=recipe',
        headers: { cookie: carl.cookie },
      });
      expect(badKind.statusCode).toBe(400);
    });

    it.each([
      ['/library/items/..%2F..%2Fetc%2Fpasswd'],
      ['/library/items/../../x'],
      ['/library/items/..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd/files/..%2F..%2Fcadenza.db'],
      ['/library/items/AAAAAAAAAAAAAAAAAAAAAA/files/%2e%2e%2f%2e%2e%2fblobs'],
      ['/library/items/%00'],
      ['/library/items/AAAAAAAAAAAAAAAAAAAAAAA'],
    ])('a traversal or malformed id %s → 4xx in the error shape, never a 500', async (url) => {
      for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
        const res = await t.app.inject({
          method,
          url,
          headers: { cookie: ann.cookie },
          payload: method === 'PATCH' ? {} : undefined,
        });
        expect(res.statusCode, `${method} ${url}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, `${method} ${url}`).toBeLessThan(500);
        expect(errorOf(res).code).toMatch(/^(invalid_request|not_found|bad_request)$/);
      }
    });

    it('without an account every library route is 401', async () => {
      for (const [method, url] of [
        ['GET', '/library/items'],
        ['POST', '/library/items'],
        ['GET', '/library/items/AAAAAAAAAAAAAAAAAAAAAA'],
        ['DELETE', '/library/items/AAAAAAAAAAAAAAAAAAAAAA'],
        ['GET', '/library/items/AAAAAAAAAAAAAAAAAAAAAA/files/AAAAAAAAAAAAAAAAAAAAAA'],
      ] as const) {
        const res = await t.app.inject({ method, url });
        expect(res.statusCode, `${method} ${url}`).toBe(401);
        expect(errorOf(res).code).toBe('unauthenticated');
      }
    });
  });
});

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
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

// Upload limits and the answers to bad uploads, on SQLite with the disk blob store.
const MiB = 1024 * 1024;

/** Every file under the blob store's folder (content and unfinished uploads). */
function blobFiles(dataDir: string): string[] {
  const root = join(dataDir, 'blobs');
  if (!existsSync(root)) return [];
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
    );
  return walk(root);
}

const fields = [
  { name: 'kind', value: 'transcription' },
  { name: 'title', value: 'Take 3' },
] as const;

describe('uploads at the default limit (50 MB)', () => {
  let t: StudioTestApp;
  let user: TestUser;
  beforeAll(async () => {
    t = await openStudioApp('sqlite');
    user = await signUp(t.app);
  });
  afterAll(() => t.close());

  it('a 60 MB upload → 413 payload_too_large in the error shape, nothing stored', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/library/items',
      headers: multipartHeaders(user.cookie),
      payload: multipart([
        ...fields,
        { name: 'audio', fileName: 'take3.wav', bytes: new Uint8Array(60 * MiB) },
      ]),
    });
    expect(res.statusCode).toBe(413);
    expect(errorOf(res)).toMatchObject({
      code: 'payload_too_large',
      message: expect.stringContaining('50 MB'),
      details: { limitBytes: 50 * MiB },
    });
    expect(blobFiles(t.config.dataDir)).toEqual([]);
  });

  it.each([
    ['no file part', [...fields], 400, 'invalid_request', 'body.file'],
    [
      'an unknown kind',
      [
        { name: 'kind', value: 'recipe' },
        { name: 'title', value: 'x' },
      ],
      400,
      'invalid_request',
      'body.kind',
    ],
    ['no title', [{ name: 'kind', value: 'export' }], 400, 'invalid_request', 'body.title'],
    [
      'metadata that is not JSON',
      [...fields, { name: 'metadata', value: '{genre:' }],
      400,
      'invalid_request',
      'body.metadata',
    ],
    [
      'metadata that is a list',
      [...fields, { name: 'metadata', value: '[1,2]' }],
      400,
      'invalid_request',
      'body.metadata',
    ],
  ] as const)(
    '%s → 400 naming the field, and the stored file is removed again',
    async (_what, parts, status, code, path) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/library/items',
        headers: multipartHeaders(user.cookie),
        payload: multipart(
          path === 'body.file'
            ? parts
            : [...parts, { name: 'midi', fileName: 'a.mid', bytes: new Uint8Array([1, 2, 3]) }],
        ),
      });
      expect(res.statusCode).toBe(status);
      expect(errorOf(res)).toMatchObject({ code, message: expect.stringContaining(path) });
      expect(blobFiles(t.config.dataDir)).toEqual([]);
    },
  );

  it('a body that is neither JSON nor multipart → 415; malformed JSON → 400 invalid_json; null or none → 400', async () => {
    const text = await t.app.inject({
      method: 'POST',
      url: '/library/items',
      headers: { cookie: user.cookie, 'content-type': 'text/plain' },
      payload: 'kind=export',
    });
    expect(text.statusCode).toBe(415);
    expect(errorOf(text).code).toBe('unsupported_media_type');
    const broken = await t.app.inject({
      method: 'POST',
      url: '/library/items',
      headers: { cookie: user.cookie, 'content-type': 'application/json' },
      payload: '{"kind": "export", "title": ',
    });
    expect(broken.statusCode).toBe(400);
    expect(errorOf(broken).code).toBe('invalid_json');
    for (const payload of ['null', undefined]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/library/items',
        headers: { cookie: user.cookie, ...(payload ? { 'content-type': 'application/json' } : {}) },
        ...(payload ? { payload } : {}),
      });
      expect(res.statusCode, String(payload)).toBe(400);
      expect(errorOf(res).code).toBe('invalid_request');
    }
  });

  it('keeps a non-ASCII file name (RFC 5987 filename*) and serves HTML only as a sandboxed download', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/library/items',
      headers: multipartHeaders(user.cookie),
      payload: multipart([
        { name: 'kind', value: 'export' },
        { name: 'title', value: 'Etude' },
        { name: 'file', fileName: 'Étude n°1 (Chopin).pdf', bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46]) },
        {
          name: 'file',
          fileName: 'page.html',
          bytes: new TextEncoder().encode('<script>alert(1)</script>'),
          type: 'text/html',
        },
      ]),
    });
    expect(res.statusCode).toBe(201);
    const files = res.json<{ files: { fileName: string; role: string; mediaType: string; url: string }[] }>()
      .files;
    const pdf = files.find((f) => f.role === 'pdf');
    expect(pdf).toMatchObject({ fileName: 'Étude n°1 (Chopin).pdf', mediaType: 'application/pdf' });
    const download = await t.app.inject({ url: pdf!.url, headers: { cookie: user.cookie } });
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="_tude n_1 (Chopin).pdf"; filename*=UTF-8''%C3%89tude%20n%C2%B01%20%28Chopin%29.pdf`,
    );
    const html = files.find((f) => f.fileName === 'page.html');
    expect(html).toMatchObject({ role: 'file', mediaType: 'text/html' });
    const page = await t.app.inject({ url: html!.url, headers: { cookie: user.cookie } });
    expect(page.headers['content-disposition']).toBe('attachment; filename="page.html"');
    expect(page.headers['content-security-policy']).toContain('sandbox');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('uploads at a 1 MiB limit (streamed, no Content-Length to refuse early)', () => {
  let t: StudioTestApp;
  let user: TestUser;
  beforeAll(async () => {
    t = await openStudioApp('sqlite', { maxUploadBytes: MiB });
    user = await signUp(t.app);
  });
  afterAll(() => t.close());

  const streamed = (body: Buffer) =>
    t.app.inject({
      method: 'POST',
      url: '/library/items',
      headers: multipartHeaders(user.cookie),
      payload: Readable.from([body.subarray(0, 1000), body.subarray(1000)]),
    });

  it('one file over the limit → 413, and neither content nor a partial upload stays on disk', async () => {
    const res = await streamed(
      multipart([
        ...fields,
        { name: 'audio', fileName: 'long.wav', bytes: new Uint8Array(MiB + MiB / 2).fill(7) },
      ]),
    );
    expect(res.statusCode).toBe(413);
    expect(errorOf(res)).toMatchObject({ code: 'payload_too_large', details: { limitBytes: MiB } });
    expect(blobFiles(t.config.dataDir)).toEqual([]);
  });

  it('files each under the limit but over it together → 413, the first file removed again', async () => {
    const res = await streamed(
      multipart([
        ...fields,
        { name: 'audio', fileName: 'a.wav', bytes: new Uint8Array(0.6 * MiB).fill(1) },
        { name: 'midi', fileName: 'b.mid', bytes: new Uint8Array(0.6 * MiB).fill(2) },
      ]),
    );
    expect(res.statusCode).toBe(413);
    expect(errorOf(res).message).toContain('all its files together');
    expect(blobFiles(t.config.dataDir)).toEqual([]);
    const blobs = await t.studio.services.database.db.selectFrom('blobs').select('id').execute();
    expect(blobs).toEqual([]);
  });

  it('exactly at the limit is accepted', async () => {
    const bytes = new Uint8Array(MiB).fill(9);
    const res = await streamed(multipart([...fields, { name: 'audio', fileName: 'full.wav', bytes }]));
    expect(res.statusCode).toBe(201);
    expect(res.json<{ files: { sizeBytes: number }[] }>().files[0]?.sizeBytes).toBe(MiB);
  });
});

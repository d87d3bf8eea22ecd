import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type * as FsPromises from 'node:fs/promises';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BlobInUseError,
  BlobTooLargeError,
  createDatabaseBlobStore,
  createDiskBlobStore,
  createRepositories,
  deleteItemWithBlobs,
  isBlobId,
  openBlobStore,
  type BlobStore,
} from '@cadenza/platform';
import { openTestDatabase, probePostgres, type TestDatabase } from './fixtures/test-databases.js';

// Every path the stores pass to node:fs/promises, so a test can prove what the filesystem saw.
const fsCalls = vi.hoisted(() => [] as string[]);
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  const spied = Object.fromEntries(
    (
      [
        'open',
        'mkdir',
        'rename',
        'unlink',
        'rm',
        'readFile',
        'writeFile',
        'stat',
        'access',
        'opendir',
        'readdir',
      ] as const
    ).map((name) => [
      name,
      (...args: unknown[]) => {
        // The path arguments: the first, and rename's second.
        fsCalls.push(...args.slice(0, name === 'rename' ? 2 : 1).map(String));
        return (actual[name] as (...a: unknown[]) => unknown)(...args);
      },
    ]),
  );
  return { ...actual, ...spied, default: { ...actual, ...spied } };
});

const postgres = await probePostgres();

/** Request-derived strings that must never become a path: none is in the 22-character id format. */
const ATTACKS = [
  '../../etc/passwd',
  '../../../../etc/passwd', // 22 characters, like an id
  '..%2f..%2f..%2fetc%2fpwd',
  '%2e%2e%2f%2e%2e%2fpasswd',
  '/etc/passwd',
  '/tmp/AAAAAAAAAAAAAAAAAA',
  'C:\\Windows\\win.ini',
  'AAAAAAAAAAAAAAAAAAAAA\0',
  'AAAAAAAAAAAAAAAAAAAA\0x',
  'AAAAAAAAAAAAAAAAAAAAA', // 21
  'AAAAAAAAAAAAAAAAAAAAAAA', // 23
  'AAAAAAAAAAAAAAAAAAAA..',
  'AAAAAAAAAAAAAAAAAAAA/.',
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', // a SHA-256 is not an id
  '',
];

function listTree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

async function read(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(parts);
}

const CASES = [
  { store: 'disk', dialect: 'sqlite' },
  { store: 'database', dialect: 'sqlite' },
  { store: 'disk', dialect: 'postgres' },
  { store: 'database', dialect: 'postgres' },
] as const;

describe.each(CASES)('$store blob store on $dialect', ({ store, dialect }) => {
  const skip = dialect === 'postgres' && !postgres.available;
  let t: TestDatabase;
  let blobs: BlobStore;
  let root: string;

  beforeAll(async () => {
    if (skip) return;
    t = await openTestDatabase(dialect, `blobs_${store}`);
    root = join(t.dir, 'store');
    blobs =
      store === 'disk'
        ? createDiskBlobStore({ db: t.database.db, root, maxBytes: 1 << 20 })
        : createDatabaseBlobStore({ db: t.database.db, dialect, maxBytes: 1 << 20 });
  });
  afterAll(async () => {
    if (!skip) await t.cleanup();
  });
  beforeEach(() => {
    fsCalls.length = 0;
  });

  describe.skipIf(skip)('', () => {
    it('round-trips bytes and a chunked stream with their SHA-256, size and media type', async () => {
      const bytes = Buffer.from('MThd\0\0\0\x06\0\x01\0\x02\x01\xe0', 'latin1');
      const info = await blobs.put(bytes, { mediaType: 'audio/midi' });
      expect(info.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(info.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(info).toMatchObject({ size: 14, mediaType: 'audio/midi' });
      const got = await blobs.get(info.id);
      expect(got && (await read(got.stream))).toEqual(bytes);
      expect(await blobs.stat(info.id)).toEqual(info);

      function* chunks() {
        for (let i = 0; i < 100; i++) yield new Uint8Array(1000).fill(i);
      }
      const streamed = await blobs.put(Readable.from(chunks()), { mediaType: 'application/octet-stream' });
      expect(streamed.size).toBe(100_000);
      const back = await read((await blobs.get(streamed.id))!.stream);
      expect(back.length).toBe(100_000);
      expect([back[0], back[999], back[1000], back[99_999]]).toEqual([0, 0, 1, 99]);
    });

    it('stores identical content once under two unguessable ids and frees it with the last id', async () => {
      const content = Buffer.from('identical content '.repeat(50));
      const a = await blobs.put(content, { mediaType: 'text/plain' });
      const b = await blobs.put(Readable.from([content.subarray(0, 7), content.subarray(7)]), {
        mediaType: 'text/plain',
      });
      expect(a.id).not.toBe(b.id);
      expect(a.sha256).toBe(b.sha256);
      const contents = async () =>
        store === 'disk'
          ? listTree(root).filter((p) => p.endsWith(a.sha256))
          : (
              await t.database.db
                .selectFrom('blobContents')
                .select('sha256')
                .where('sha256', '=', a.sha256)
                .execute()
            ).map((r) => r.sha256);
      expect(await contents()).toHaveLength(1);
      if (store === 'disk')
        expect(listTree(root)).toContain(join(a.sha256.slice(0, 2), a.sha256.slice(2, 4), a.sha256));
      expect(await blobs.delete(a.id)).toBe(true);
      expect(await blobs.has(a.id)).toBe(false);
      expect(await blobs.get(a.id)).toBeUndefined();
      expect(await contents()).toHaveLength(1);
      expect(await read((await blobs.get(b.id))!.stream)).toEqual(content);
      expect(await blobs.delete(b.id)).toBe(true);
      expect(await contents()).toHaveLength(0);
      expect(await blobs.delete(b.id)).toBe(false);
    });

    it('refuses content over the limit and leaves no partial file behind', async () => {
      await expect(
        blobs.put(new Uint8Array(2000), { mediaType: 'audio/wav', maxBytes: 1000 }),
      ).rejects.toThrow(BlobTooLargeError);
      if (store === 'disk') expect(listTree(join(root, 'tmp'))).toEqual([]);
      await expect(blobs.put(new Uint8Array(1), { mediaType: '../../x' })).rejects.toThrow(TypeError);
    });

    it('keeps a blob an item still uses and deletes it with the item', async () => {
      const repos = createRepositories(t.database.db);
      const owner = await repos.users.create({
        email: `own-${store}@example.com`,
        displayName: 'O',
        passwordHash: 'h',
        role: 'student',
      });
      const info = await blobs.put(Buffer.from(`pdf for ${store}`), { mediaType: 'application/pdf' });
      const item = await repos.items.create({
        ownerId: owner.id,
        kind: 'export',
        title: 'PDF',
        files: [
          {
            blobId: info.id,
            role: 'pdf',
            fileName: 'a.pdf',
            mediaType: 'application/pdf',
            sizeBytes: info.size,
          },
        ],
      });
      await expect(blobs.delete(info.id)).rejects.toThrow(BlobInUseError);
      expect(await deleteItemWithBlobs({ items: repos.items, blobs }, 'someone-else-entirely', item.id)).toBe(
        false,
      );
      expect(await blobs.has(info.id)).toBe(true);
      expect(await deleteItemWithBlobs({ items: repos.items, blobs }, owner.id, item.id)).toBe(true);
      expect(await blobs.has(info.id)).toBe(false);
    });

    it('answers traversal and malformed ids with not-found and touches no file at all', async () => {
      const before = listTree(t.dir);
      const mtime = statSync(t.dir).mtimeMs;
      for (const id of ATTACKS) {
        expect(await blobs.get(id), id).toBeUndefined();
        expect(await blobs.stat(id), id).toBeUndefined();
        expect(await blobs.has(id), id).toBe(false);
        expect(await blobs.delete(id), id).toBe(false);
      }
      expect(fsCalls).toEqual([]);
      expect(listTree(t.dir)).toEqual(before);
      expect(statSync(t.dir).mtimeMs).toBe(mtime);
      expect(ATTACKS.filter(isBlobId)).toEqual([]);
    });

    it('touches only paths inside its own folder while working', async () => {
      const info = await blobs.put(Buffer.from('inside only'), { mediaType: 'text/plain' });
      await read((await blobs.get(info.id))!.stream);
      await blobs.delete(info.id);
      if (store === 'database') {
        expect(fsCalls).toEqual([]);
        return;
      }
      expect(fsCalls.length).toBeGreaterThanOrEqual(4);
      for (const path of fsCalls) expect(relative(root, path).startsWith('..'), path).toBe(false);
    });
  });
});

describe('openBlobStore', () => {
  it('picks the disk store under dataDir by default and refuses the PostgreSQL store on SQLite', async () => {
    const t = await openTestDatabase('sqlite', 'blobs_open');
    try {
      const config = { dataDir: t.dir };
      const disk = openBlobStore({ ...config, blobStore: 'disk' }, t.database);
      expect(disk.kind).toBe('disk');
      const info = await disk.put(Buffer.from('where am I'), { mediaType: 'text/plain' });
      expect(
        existsSync(join(t.dir, 'blobs', info.sha256.slice(0, 2), info.sha256.slice(2, 4), info.sha256)),
      ).toBe(true);
      expect(() => openBlobStore({ ...config, blobStore: 'postgres' }, t.database)).toThrow(/postgres:\/\//);
    } finally {
      await t.cleanup();
    }
  });
});

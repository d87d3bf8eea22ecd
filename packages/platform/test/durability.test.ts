import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createDatabaseBlobStore,
  createDiskBlobStore,
  createRepositories,
  openDatabase,
  type BlobStore,
} from '@cadenza/platform';
import { openTestDatabase, probePostgres, type TestDatabase } from './fixtures/test-databases.js';

// Durability: a writer process is killed with SIGKILL mid-stream; every item it reported committed must be
// there, with its blob intact, and the database must open, check clean and take writes again.
const writer = fileURLToPath(new URL('./fixtures/durability-writer.mjs', import.meta.url));
const built = fileURLToPath(new URL('../dist/db/index.js', import.meta.url));
const postgres = await probePostgres();
const KILL_AFTER = 200;

interface Written {
  ownerId: string;
  items: { itemId: string; blobId: string; sha256: string }[];
  signal: NodeJS.Signals | null;
}

/** Runs the writer until it has reported KILL_AFTER commits, then SIGKILLs it mid-loop. */
function writeUntilKilled(args: string[]): Promise<Written> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const result: Written = { ownerId: '', items: [], signal: null };
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const [tag, a, b, c] = line.split(' ');
        if (tag === 'owner') result.ownerId = a!;
        if (tag === 'item') result.items.push({ itemId: a!, blobId: b!, sha256: c! });
      }
      if (result.items.length >= KILL_AFTER && !child.killed) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      result.signal = signal;
      if (signal !== 'SIGKILL') reject(new Error(`writer exited on its own (code ${code}): ${stderr}`));
      else resolve(result);
    });
  });
}

async function sha256Of(blobs: BlobStore, id: string): Promise<string | undefined> {
  const blob = await blobs.get(id);
  if (!blob) return undefined;
  const { createHash } = await import('node:crypto');
  const hash = createHash('sha256');
  for await (const chunk of blob.stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

describe.each(['sqlite', 'postgres'] as const)('durability on %s', (dialect) => {
  const skip = dialect === 'postgres' && !postgres.available;
  let t: TestDatabase | undefined;
  afterAll(async () => t?.cleanup());

  it.skipIf(skip)('loses no committed item when the writer is SIGKILLed, then reopens cleanly', async () => {
    expect(existsSync(built), `build the package first (npx tsc -b): ${built} is missing`).toBe(true);
    t = await openTestDatabase(dialect, 'durability');
    await t.database.close(); // the child owns the database while it writes
    const written = await writeUntilKilled(dialect === 'sqlite' ? [t.url, t.dir] : [t.url, t.dir, t.schema!]);
    expect(written.signal).toBe('SIGKILL');
    expect(written.items.length).toBeGreaterThanOrEqual(KILL_AFTER);

    const reopened = await openDatabase({ databaseUrl: t.url }, t.schema ? { searchPath: t.schema } : {});
    try {
      if (dialect === 'sqlite') {
        const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(reopened.db);
        expect(check.rows.map((r) => Object.values(r)[0])).toEqual(['ok']);
      }
      const repos = createRepositories(reopened.db);
      const blobs =
        dialect === 'sqlite'
          ? createDiskBlobStore({ db: reopened.db, root: join(t.dir, 'blobs') })
          : createDatabaseBlobStore({ db: reopened.db, dialect });
      const missing: string[] = [];
      for (const { itemId, blobId, sha256 } of written.items) {
        const item = await repos.items.get(written.ownerId, itemId);
        if (item?.files[0]?.blobId !== blobId) missing.push(`item ${itemId}`);
        else if ((await sha256Of(blobs, blobId)) !== sha256) missing.push(`blob ${blobId}`);
      }
      expect(missing).toEqual([]);
      const after = await repos.items.create({
        ownerId: written.ownerId,
        kind: 'export',
        title: 'after the crash',
      });
      expect((await repos.items.get(written.ownerId, after.id))?.title).toBe('after the crash');
      const page = await repos.items.listByOwner(written.ownerId, { limit: 1 });
      expect(page.items[0]?.id).toBe(after.id);
    } finally {
      await reopened.close();
    }
  });
});

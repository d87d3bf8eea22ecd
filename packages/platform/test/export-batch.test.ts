import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BatchManifest } from '@cadenza/contracts';
import {
  batchExportEntries,
  exportBaseName,
  uniqueFileName,
  zipStream,
  type BatchItem,
  type ZipEntry,
} from '../src/export/index.js';

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return new Uint8Array(Buffer.concat(parts));
}

async function* fromArray(entries: ZipEntry[]): AsyncGenerator<ZipEntry> {
  for (const entry of entries) yield await Promise.resolve(entry);
}

describe('export file names', () => {
  it.each([
    ['Autumn Leaves', 'Autumn Leaves'],
    ['Étude in C♯ minor', 'Étude in C_ minor'],
    ['../../etc/passwd', '_.._etc_passwd'],
    ['a/b\\c"d', 'a_b_c_d'],
    ['   ', 'untitled'],
    ['...', 'untitled'],
  ])('%j → %j', (title, expected) => {
    expect(exportBaseName(title)).toBe(expected);
  });

  it('numbers clashing names, ignoring case', () => {
    const taken = new Set<string>();
    expect(uniqueFileName('Song', 'mp3', taken)).toBe('Song.mp3');
    expect(uniqueFileName('song', 'mp3', taken)).toBe('song-2.mp3');
    expect(uniqueFileName('Song', 'pdf', taken)).toBe('Song.pdf');
    expect(uniqueFileName('Song', '', taken)).toBe('Song');
    expect(uniqueFileName('Song', '', taken)).toBe('Song-2');
  });
});

describe('zipStream', () => {
  it('writes an archive that unzips to the same files, stored or deflated', async () => {
    const text = new TextEncoder().encode('<score-partwise/>\n'.repeat(500));
    const binary = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    const zip = await collect(
      zipStream(
        fromArray([
          { path: 'a/score.musicxml', bytes: text, compress: true },
          { path: 'a/song.mp3', bytes: binary, compress: false },
        ]),
      ),
    );
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual(['a/score.musicxml', 'a/song.mp3']);
    expect(files['a/score.musicxml']).toEqual(text);
    expect(files['a/song.mp3']).toEqual(binary);
    expect(zip.length).toBeLessThan(text.length); // the text was deflated

    // An independent reader agrees (Python's zipfile checks every CRC).
    const dir = mkdtempSync(join(tmpdir(), 'cadenza-zip-'));
    writeFileSync(join(dir, 'out.zip'), zip);
    const listing = execFileSync('python3', ['-m', 'zipfile', '-t', join(dir, 'out.zip')], {
      encoding: 'utf8',
    });
    expect(listing).toContain('Done testing');
  });

  it('pulls the next entry only when the previous one has been consumed', async () => {
    const pulled: string[] = [];
    async function* entries(): AsyncGenerator<ZipEntry> {
      for (const name of ['one', 'two', 'three']) {
        pulled.push(name);
        yield await Promise.resolve({ path: name, bytes: new Uint8Array(10), compress: false });
      }
    }
    const stream = zipStream(entries());
    await stream.next();
    expect(pulled).toEqual(['one']);
    await collect(stream);
    expect(pulled).toEqual(['one', 'two', 'three']);
  });
});

describe('batchExportEntries', () => {
  it('exports every item × format, reports the failures in the manifest and keeps going', async () => {
    const items: BatchItem[] = [
      { id: 'item-1', title: 'Blue Bossa' },
      { id: 'item-2', missing: 'you have no library item with this id' },
      { id: 'item-3', title: 'Blue Bossa' },
    ];
    const progress: number[] = [];
    const zip = await collect(
      zipStream(
        batchExportEntries({
          items,
          formats: [{ format: 'midi' }, { format: 'mp3', quality: 'high' }],
          createdAt: '2026-11-26T12:00:00.000Z',
          onProgress: (done) => progress.push(done),
          render: (item, format) => {
            if (item.id === 'item-3' && format === 'mp3') {
              return Promise.reject(new Error('the score is empty: nothing to play'));
            }
            const extension = format === 'midi' ? 'mid' : format;
            return Promise.resolve({
              bytes: new TextEncoder().encode(`${item.id}:${format}`),
              mediaType: 'application/octet-stream',
              extension,
            });
          },
        }),
      ),
    );
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual([
      'Blue Bossa-2/Blue Bossa-2.mid',
      'Blue Bossa/Blue Bossa.mid',
      'Blue Bossa/Blue Bossa.mp3',
      'manifest.json',
    ]);
    expect(strFromU8(files['Blue Bossa/Blue Bossa.mp3'] ?? new Uint8Array())).toBe('item-1:mp3');
    const manifest = BatchManifest.parse(JSON.parse(strFromU8(files['manifest.json'] ?? new Uint8Array())));
    expect(manifest.exported).toBe(3);
    expect(manifest.failed).toBe(3);
    expect(manifest.entries.filter((e) => e.error).map((e) => [e.item, e.format, e.error])).toEqual([
      ['item-2', 'midi', 'you have no library item with this id'],
      ['item-2', 'mp3', 'you have no library item with this id'],
      ['item-3', 'mp3', 'the score is empty: nothing to play'],
    ]);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

import type { ExportedFile } from '@cadenza/platform';
import { describe, expect, it } from 'vitest';
import { SongFileCache } from '../src/songs/song-file-cache.js';

const file = (bytes: number): ExportedFile => ({
  bytes: new Uint8Array(bytes),
  mediaType: 'audio/wav',
  extension: 'wav',
});

describe('SongFileCache', () => {
  it('keeps files up to its size, evicting the least recently used first', () => {
    const cache = new SongFileCache(100);
    cache.set('a', file(40));
    cache.set('b', file(40));
    expect(cache.get('a')?.bytes.byteLength).toBe(40); // a is now the most recent
    cache.set('c', file(40)); // 120 > 100: b, the least recently used, leaves
    expect(cache.keys()).toEqual(['a', 'c']);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.size).toBe(80);
  });

  it('replaces a key without counting it twice, and never keeps a file larger than itself', () => {
    const cache = new SongFileCache(100);
    cache.set('a', file(60));
    cache.set('a', file(70));
    expect(cache.size).toBe(70);
    cache.set('huge', file(101));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.keys()).toEqual(['a']);
    cache.set('b', file(100));
    expect(cache.keys()).toEqual(['b']);
    expect(cache.size).toBe(100);
  });
});

import type { ExportedFile } from '@cadenza/platform';

/**
 * The song files made most recently, up to a total size: the catalogue never changes while the server
 * runs, so a song's WAV, MP3 or PDF is rendered once and served again from memory (the song page's player
 * asks for the WAV every time it is opened). The least recently used files leave first.
 */
export class SongFileCache {
  readonly #files = new Map<string, ExportedFile>();
  #bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** The file kept for `key`, now the most recently used; undefined when none is kept. */
  get(key: string): ExportedFile | undefined {
    const file = this.#files.get(key);
    if (file) {
      this.#files.delete(key);
      this.#files.set(key, file);
    }
    return file;
  }

  /** Keeps `file` under `key` (a file larger than the whole cache is not kept), evicting the oldest. */
  set(key: string, file: ExportedFile): void {
    const size = file.bytes.byteLength;
    if (size > this.maxBytes) return;
    const old = this.#files.get(key);
    if (old) {
      this.#files.delete(key);
      this.#bytes -= old.bytes.byteLength;
    }
    for (const [oldest, kept] of this.#files) {
      if (this.#bytes + size <= this.maxBytes) break;
      this.#files.delete(oldest);
      this.#bytes -= kept.bytes.byteLength;
    }
    this.#files.set(key, file);
    this.#bytes += size;
  }

  /** Total bytes kept. */
  get size(): number {
    return this.#bytes;
  }

  /** Keys kept, least recently used first. */
  keys(): string[] {
    return [...this.#files.keys()];
  }
}

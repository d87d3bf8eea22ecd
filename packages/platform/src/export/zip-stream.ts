import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

/** One file of a ZIP being streamed. */
export interface ZipEntry {
  /** Path inside the archive, with `/` between folders. */
  readonly path: string;
  readonly bytes: Uint8Array;
  /** Deflate it (text, SVG, MusicXML); false stores it as is (MP3, PNG, PDF are compressed already). */
  readonly compress: boolean;
}

/**
 * Streams a ZIP archive: each entry is written as soon as the consumer asks for more, so an archive of
 * many rendered files never sits in memory whole (only the entry being written does). The generator
 * pulls the next entry only when the previous one's bytes have been taken (back-pressure).
 */
export async function* zipStream(entries: AsyncIterable<ZipEntry>): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let failure: Error | undefined;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else ready.push(chunk);
  });
  const drain = function* (): Generator<Uint8Array> {
    if (failure) throw failure;
    while (ready.length > 0) {
      const chunk = ready.shift();
      if (chunk && chunk.length > 0) yield chunk;
    }
  };
  for await (const entry of entries) {
    const file = entry.compress ? new ZipDeflate(entry.path, { level: 6 }) : new ZipPassThrough(entry.path);
    zip.add(file);
    file.push(entry.bytes, true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}

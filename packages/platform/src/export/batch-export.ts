import type { BatchManifest, BatchManifestEntry, ExportFormat } from '@cadenza/contracts';
import { exportBaseName, uniqueFileName } from './export-file-name.js';
import type { ZipEntry } from './zip-stream.js';

/** An exported file: its bytes and what it is. */
export interface ExportedFile {
  readonly bytes: Uint8Array;
  readonly mediaType: string;
  /** Without the dot: `mp3`, `pdf`, `musicxml`, `zip`… */
  readonly extension: string;
  /** Added to the base name when one export is several files, e.g. `-page-2` for PNG pages. */
  readonly nameSuffix?: string;
}

/** One item of a batch as the caller found it: its id and title, or why it cannot be exported at all. */
export type BatchItem =
  | { readonly id: string; readonly title: string; readonly missing?: undefined }
  | { readonly id: string; readonly missing: string };

export interface BatchExportPlan<T extends BatchItem> {
  readonly items: readonly T[];
  readonly formats: readonly { readonly format: ExportFormat; readonly quality?: string | undefined }[];
  /** Makes one item in one format; a thrown Error's message goes into the manifest as that entry's error. */
  readonly render: (
    item: T & { missing?: undefined },
    format: ExportFormat,
    quality?: string,
  ) => Promise<ExportedFile | readonly ExportedFile[]>;
  /** Told after every item × format, done from 1 to total. */
  readonly onProgress?: (done: number, total: number) => void;
  /** The manifest's timestamp (ISO 8601), passed in so the archive is reproducible. */
  readonly createdAt: string;
}

/** Files that are already compressed gain nothing from deflate. */
const STORED = new Set(['mp3', 'ogg', 'm4a', 'flac', 'png', 'pdf', 'mp4', 'mxl', 'zip']);

/**
 * The ZIP entries of a batch export, one item × format at a time: `<title>/<title>.<ext>` for each file
 * that could be made, then `manifest.json` listing every item × format with its file or its error. An
 * item that is missing or fails in one format does not stop the others.
 */
export async function* batchExportEntries<T extends BatchItem>(
  plan: BatchExportPlan<T>,
): AsyncGenerator<ZipEntry> {
  const entries: BatchManifestEntry[] = [];
  const folders = new Set<string>();
  const total = plan.items.length * plan.formats.length;
  let done = 0;
  for (const item of plan.items) {
    const folder = item.missing === undefined ? uniqueFileName(exportBaseName(item.title), '', folders) : '';
    const names = new Set<string>();
    for (const { format, quality } of plan.formats) {
      done += 1;
      if (item.missing !== undefined) {
        entries.push({ item: item.id, format, error: item.missing });
        plan.onProgress?.(done, total);
        continue;
      }
      try {
        const made = await plan.render(item as T & { missing?: undefined }, format, quality);
        const files = Array.isArray(made) ? (made as readonly ExportedFile[]) : [made as ExportedFile];
        plan.onProgress?.(done, total);
        for (const file of files) {
          const name = uniqueFileName(`${folder}${file.nameSuffix ?? ''}`, file.extension, names);
          const path = `${folder}/${name}`;
          entries.push({
            item: item.id,
            title: item.title,
            format,
            file: path,
            sizeBytes: file.bytes.length,
          });
          yield { path, bytes: file.bytes, compress: !STORED.has(file.extension) };
        }
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        entries.push({ item: item.id, title: item.title, format, error: reason });
        plan.onProgress?.(done, total);
      }
    }
  }
  const manifest: BatchManifest = {
    createdAt: plan.createdAt,
    exported: entries.filter((e) => e.file !== undefined).length,
    failed: entries.filter((e) => e.error !== undefined).length,
    entries,
  };
  yield {
    path: 'manifest.json',
    bytes: new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
    compress: true,
  };
}

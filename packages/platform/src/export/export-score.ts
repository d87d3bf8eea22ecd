import type { AudioExportFormat, ExportFormat, PageSize, SheetExportFormat } from '@cadenza/contracts';
import type { Score } from '@cadenza/core';
import { SCORE_MEDIA_TYPES, writeScore } from '@cadenza/formats';
import { zipSync } from 'fflate';
import { decodeAudio } from '../audio/decode/index.js';
import { encodeAudio } from '../audio/encode/index.js';
import { synthesizeScore } from '../audio/synth/index.js';
import type { BlobStore } from '../blobs/blob-store.js';
import type { Item } from '../db/repositories/items.js';
import { engraveScore, engravedToPdf, engravedToPngs, engravedToSvgs } from '../engraving/index.js';
import type { ExportedFile } from './batch-export.js';
import { ExportError } from './export-error.js';
import { checkScoreLength } from './export-length.js';
import { itemAudioFile, itemScoreFile, loadItemScore, readItemFile } from './item-sources.js';

/** Reports how far an export is: percent 0–100 and a stage ('synthesising', 'encoding', 'engraving'…). */
export type ExportProgress = (progress: number, stage: string) => void;

export interface AudioExportOptions {
  readonly format: AudioExportFormat;
  /** A preset name of the format (see AUDIO_QUALITY_PRESETS); default `high`. */
  readonly quality?: string | undefined;
  readonly sampleRate?: number | undefined;
  readonly reverb?: boolean | undefined;
  /** SF2/SF3 to play with (default MSBasic). */
  readonly soundFont?: string | undefined;
  /** Longest audio an export may make, in seconds. */
  readonly maxSeconds: number;
  readonly onProgress?: ExportProgress | undefined;
}

export interface SheetExportOptions {
  readonly format: SheetExportFormat;
  readonly pageSize?: PageSize | undefined;
  /** png/svg: one page, from 1. Without it a one-page score gives that page, a longer one a ZIP of pages. */
  readonly page?: number | undefined;
  readonly dpi?: number | undefined;
  readonly onProgress?: ExportProgress | undefined;
}

const SCORE_FILE: Record<'musicxml' | 'mxl' | 'midi', { extension: string; mediaType: string }> = {
  musicxml: { extension: 'musicxml', mediaType: SCORE_MEDIA_TYPES.musicxml },
  mxl: { extension: 'mxl', mediaType: SCORE_MEDIA_TYPES.mxl },
  midi: { extension: 'mid', mediaType: SCORE_MEDIA_TYPES.midi },
};

/** The score played with the SoundFont and encoded in the asked format and quality. */
export async function exportScoreAudio(score: Score, options: AudioExportOptions): Promise<ExportedFile> {
  checkScoreLength(score, options.maxSeconds);
  const progress = options.onProgress;
  progress?.(0, 'synthesising');
  const audio = await synthesizeScore(score, {
    sampleRate: options.sampleRate === 48000 ? 48000 : 44100,
    reverb: options.reverb ?? false,
    ...(options.soundFont === undefined ? {} : { soundFont: options.soundFont }),
    onProgress: (fraction) => progress?.(fraction * 80, 'synthesising'),
  });
  progress?.(80, 'encoding');
  const encoded = await encodeAudio(audio, { format: options.format, quality: options.quality ?? 'high' });
  progress?.(100, 'done');
  return encoded;
}

/**
 * A library item as audio: its score synthesised when it has one, else its recording transcoded
 * (decoded and encoded again in the asked format).
 */
export async function exportItemAudio(
  blobs: BlobStore,
  item: Pick<Item, 'files' | 'title'>,
  options: AudioExportOptions,
): Promise<ExportedFile> {
  if (itemScoreFile(item) || !itemAudioFile(item)) {
    return exportScoreAudio(await loadItemScore(blobs, item), options);
  }
  const recording = itemAudioFile(item);
  if (!recording) throw new Error('unreachable: checked above');
  options.onProgress?.(0, 'decoding');
  const audio = await decodeAudio(await readItemFile(blobs, recording), {
    fileName: recording.fileName,
    maxSeconds: options.maxSeconds,
  });
  options.onProgress?.(50, 'encoding');
  const encoded = await encodeAudio(audio, { format: options.format, quality: options.quality ?? 'high' });
  options.onProgress?.(100, 'done');
  return encoded;
}

/** The score as sheet music: PDF, PNG or SVG pages engraved by verovio, or MusicXML / .mxl / MIDI. */
export async function exportSheetMusic(score: Score, options: SheetExportOptions): Promise<ExportedFile> {
  const files = await exportSheetPages(score, options);
  const only = files.length === 1 ? files[0] : undefined;
  if (only) return only;
  const pages: Record<string, Uint8Array> = {};
  files.forEach((file, i) => (pages[`page-${i + 1}.${file.extension}`] = file.bytes));
  return { bytes: zipSync(pages, { level: 0 }), mediaType: 'application/zip', extension: 'zip' };
}

/**
 * Like exportSheetMusic, but PNG and SVG without `page` come as one file per page (`nameSuffix`
 * `-page-N`) instead of a ZIP: what a batch export puts in its archive.
 */
export async function exportSheetPages(score: Score, options: SheetExportOptions): Promise<ExportedFile[]> {
  const { format } = options;
  if (format === 'musicxml' || format === 'mxl' || format === 'midi') {
    return [{ bytes: writeScore(score, format), ...SCORE_FILE[format] }];
  }
  options.onProgress?.(0, 'engraving');
  const engraved = await engraveScore(score, { pageSize: options.pageSize ?? 'a4' });
  options.onProgress?.(50, format === 'pdf' ? 'printing' : 'drawing pages');
  if (format === 'pdf') {
    return [{ bytes: await engravedToPdf(engraved), mediaType: 'application/pdf', extension: 'pdf' }];
  }
  const count = engraved.pages.length;
  const page = options.page;
  if (page !== undefined && page > count) {
    throw new ExportError(
      'bad-option',
      `page ${page} does not exist: the score has ${count} page${count === 1 ? '' : 's'}`,
    );
  }
  const chosen = page === undefined ? engraved : { ...engraved, pages: [engraved.pages[page - 1] ?? ''] };
  const suffix = (i: number) => (page === undefined && count > 1 ? { nameSuffix: `-page-${i + 1}` } : {});
  if (format === 'svg') {
    const svgs = await engravedToSvgs(chosen);
    return svgs.map((svg, i) => ({
      bytes: new TextEncoder().encode(svg),
      mediaType: 'image/svg+xml',
      extension: 'svg',
      ...suffix(i),
    }));
  }
  const pngs = await engravedToPngs(chosen, { dpi: options.dpi ?? 150 });
  return pngs.map((png, i) => ({ bytes: png, mediaType: 'image/png', extension: 'png', ...suffix(i) }));
}

export interface ItemExportOptions {
  readonly format: ExportFormat;
  readonly quality?: string | undefined;
  readonly pageSize?: PageSize | undefined;
  readonly reverb?: boolean | undefined;
  readonly soundFont?: string | undefined;
  readonly maxSeconds: number;
}

const AUDIO_FORMATS: ReadonlySet<string> = new Set(['wav', 'mp3', 'flac', 'ogg', 'aac']);

/** One library item in any export format, as the files a batch export puts in its archive. */
export async function exportItemFile(
  blobs: BlobStore,
  item: Pick<Item, 'files' | 'title'>,
  options: ItemExportOptions,
): Promise<ExportedFile | ExportedFile[]> {
  const { format } = options;
  if (AUDIO_FORMATS.has(format)) {
    return exportItemAudio(blobs, item, { ...options, format: format as AudioExportFormat });
  }
  const score = await loadItemScore(blobs, item);
  return exportSheetPages(score, { format: format as SheetExportFormat, pageSize: options.pageSize });
}

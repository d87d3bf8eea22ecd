import { z } from 'zod';
import { ResourceId } from './common.js';

/** Audio formats Cadenza writes. */
export const AudioExportFormat = z.enum(['wav', 'mp3', 'flac', 'ogg', 'aac']);
export type AudioExportFormat = z.infer<typeof AudioExportFormat>;

/** Sheet-music formats Cadenza writes. */
export const SheetExportFormat = z.enum(['pdf', 'musicxml', 'mxl', 'midi', 'png', 'svg']);
export type SheetExportFormat = z.infer<typeof SheetExportFormat>;

/** Every export format, audio or sheet music, as a batch names them. */
export const ExportFormat = z.enum([...AudioExportFormat.options, ...SheetExportFormat.options]);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** Paper sizes for PDF, PNG and SVG pages. */
export const PageSize = z.enum(['a4', 'letter']);
export type PageSize = z.infer<typeof PageSize>;

const QUALITY_HELP =
  '`low`, `medium` or `high` (default) for every format, or the format’s own setting: WAV `16`/`24` (bit ' +
  'depth), MP3 `128k`/`192k`/`320k`, FLAC `0`/`5`/`8` (compression), Ogg Vorbis `3`/`5`/`8` (quality), ' +
  'AAC `128k`/`192k`/`256k`';

/** A quality name; which ones a format accepts is checked against the format's presets. */
export const AudioQuality = z
  .string()
  .regex(/^[a-z0-9]{1,12}$/, 'not a quality name')
  .describe(QUALITY_HELP);

/** Query booleans arrive as text: `true`/`1` and `false`/`0`. */
const QueryFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .or(z.boolean());

/** GET /export/audio/{id} */
export const AudioExportQuery = z.object({
  format: AudioExportFormat.default('wav').describe('audio format'),
  quality: AudioQuality.optional(),
  sampleRate: z.coerce
    .number()
    .refine((v) => v === 44100 || v === 48000, 'sample rate must be 44100 or 48000')
    .optional()
    .describe('44100 (default) or 48000 Hz'),
  reverb: QueryFlag.optional().describe('add room reverb (default false: dry)'),
});
export type AudioExportQuery = z.infer<typeof AudioExportQuery>;

/** GET /export/sheet-music/{id} */
export const SheetExportQuery = z.object({
  format: SheetExportFormat.default('pdf').describe('sheet-music format'),
  pageSize: PageSize.default('a4').describe('paper for pdf, png and svg'),
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(999)
    .optional()
    .describe(
      'png/svg: one page (from 1); without it a one-page score comes as that page, a longer one as a ZIP of pages',
    ),
  dpi: z.coerce.number().int().min(36).max(600).default(150).describe('png resolution (36–600)'),
});
export type SheetExportQuery = z.infer<typeof SheetExportQuery>;

/** The export id path parameter: a library item. */
export const ExportItemParams = z.object({ id: ResourceId });
export type ExportItemParams = z.infer<typeof ExportItemParams>;

/** One format in a batch, with its quality for audio. */
export const BatchFormat = z.union([
  ExportFormat,
  z.object({ format: ExportFormat, quality: AudioQuality.optional() }),
]);
export type BatchFormat = z.infer<typeof BatchFormat>;

/** POST /export/batch: several items × several formats, as one ZIP. */
export const BatchExportRequest = z.object({
  items: z.array(ResourceId).min(1).max(100).describe('library item ids (at most 100)'),
  formats: z.array(BatchFormat).min(1).max(11).describe('formats to write for every item'),
  pageSize: PageSize.default('a4'),
  reverb: z.boolean().default(false),
});
export type BatchExportRequest = z.infer<typeof BatchExportRequest>;

/** One line of a batch's manifest.json. */
export const BatchManifestEntry = z.object({
  item: z.string(),
  title: z.string().optional(),
  format: ExportFormat,
  file: z.string().optional().describe('path inside the ZIP, when it was written'),
  sizeBytes: z.number().int().nonnegative().optional(),
  error: z.string().optional().describe('why this item × format was not exported'),
});
export type BatchManifestEntry = z.infer<typeof BatchManifestEntry>;

/** manifest.json, the last file of every batch ZIP. */
export const BatchManifest = z.object({
  createdAt: z.iso.datetime(),
  exported: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  entries: z.array(BatchManifestEntry),
});
export type BatchManifest = z.infer<typeof BatchManifest>;

/** POST /export/video: a scrolling-score video of one library item, made by a job. */
export const VideoExportRequest = z.object({
  id: ResourceId.describe('library item whose score becomes the video'),
  reverb: z.boolean().default(false),
});
export type VideoExportRequest = z.infer<typeof VideoExportRequest>;

/** Input of the `export.video` job. */
export const VideoJobInput = z.object({
  score: z.base64().describe('the score as MusicXML, base64-encoded'),
  title: z.string(),
  reverb: z.boolean().default(false),
  maxSeconds: z.number().positive().describe('longest video the job may make'),
  soundFont: z.string().optional().describe('SF2/SF3 path on the worker (default: the bundled one)'),
});
export type VideoJobInput = z.infer<typeof VideoJobInput>;

/** Result of `export.video`: download the file with GET /jobs/{id}/result. */
export const VideoJobResult = z.object({
  format: z.literal('mp4'),
  mediaType: z.literal('video/mp4'),
  fileName: z.string(),
  bytes: z.base64().describe('the MP4, base64-encoded'),
  durationSeconds: z.number().nonnegative(),
  frames: z.number().int().nonnegative(),
});
export type VideoJobResult = z.infer<typeof VideoJobResult>;

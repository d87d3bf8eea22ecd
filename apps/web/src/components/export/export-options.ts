// Types only: importing values from contracts would bundle zod into the studio.
import type {
  AudioExportFormat,
  BatchExportRequest,
  ExportFormat,
  PageSize,
  SheetExportFormat,
} from '@cadenza/contracts';

/** One option of a choice, worded for a musician. */
export interface Choice<V extends string> {
  readonly value: V;
  readonly label: string;
  /** A few words on when to pick it. */
  readonly hint?: string;
}

export const AUDIO_FORMATS = [
  { value: 'mp3', label: 'MP3', hint: 'plays everywhere' },
  { value: 'wav', label: 'WAV', hint: 'uncompressed, for a DAW or a CD' },
  { value: 'flac', label: 'FLAC', hint: 'lossless, about half the size of WAV' },
  { value: 'ogg', label: 'Ogg Vorbis', hint: 'open format, small files' },
  { value: 'aac', label: 'AAC (M4A)', hint: 'iPhone, iTunes, YouTube' },
] as const satisfies readonly Choice<AudioExportFormat>[];

/**
 * The server's quality presets per format. WAV is named by bit depth; the others by the API's
 * `low`/`medium`/`high`, with the bitrate or setting the server uses for each.
 */
export const AUDIO_QUALITIES = {
  wav: [
    { value: '16', label: '16-bit', hint: 'CD quality' },
    { value: '24', label: '24-bit', hint: 'studio quality, for mixing' },
  ],
  mp3: [
    { value: 'low', label: 'Good', hint: '128 kbit/s · smallest file' },
    { value: 'medium', label: 'Better', hint: '192 kbit/s' },
    { value: 'high', label: 'Best', hint: '320 kbit/s · highest MP3 quality' },
  ],
  flac: [
    { value: 'low', label: 'Fast', hint: 'compression 0 · largest file' },
    { value: 'medium', label: 'Standard', hint: 'compression 5' },
    { value: 'high', label: 'Smallest', hint: 'compression 8 · slowest' },
  ],
  ogg: [
    { value: 'low', label: 'Good', hint: 'quality 3 · about 112 kbit/s' },
    { value: 'medium', label: 'Better', hint: 'quality 5 · about 160 kbit/s' },
    { value: 'high', label: 'Best', hint: 'quality 8 · about 256 kbit/s' },
  ],
  aac: [
    { value: 'low', label: 'Good', hint: '128 kbit/s' },
    { value: 'medium', label: 'Better', hint: '192 kbit/s' },
    { value: 'high', label: 'Best', hint: '256 kbit/s' },
  ],
} as const satisfies Record<AudioExportFormat, readonly Choice<string>[]>;

/** Said under FLAC's presets: they differ only in size and speed. */
export const FLAC_NOTE =
  'Every FLAC setting is lossless: the sound is identical, only the file size differs.';

/** High quality unless the musician picks otherwise. */
export function defaultQuality(format: AudioExportFormat): string {
  const presets: readonly Choice<string>[] = AUDIO_QUALITIES[format];
  return presets[presets.length - 1]?.value ?? 'high';
}

export const SAMPLE_RATES = [
  { value: '44100', label: '44.1 kHz', hint: 'CD, most players' },
  { value: '48000', label: '48 kHz', hint: 'video' },
] as const satisfies readonly Choice<string>[];

export const SHEET_FORMATS = [
  { value: 'pdf', label: 'PDF', hint: 'to print or send to a teacher' },
  { value: 'png', label: 'PNG image', hint: 'a picture of a page' },
  { value: 'svg', label: 'SVG image', hint: 'sharp at any size, for the web' },
  { value: 'musicxml', label: 'MusicXML', hint: 'MuseScore, Finale, Sibelius, Dorico' },
  { value: 'mxl', label: 'Compressed MusicXML (.mxl)', hint: 'the same, smaller' },
  { value: 'midi', label: 'MIDI', hint: 'DAWs and keyboards' },
] as const satisfies readonly Choice<SheetExportFormat>[];

export const PAGE_SIZES = [
  { value: 'a4', label: 'A4' },
  { value: 'letter', label: 'US Letter' },
] as const satisfies readonly Choice<PageSize>[];

export const DPI_CHOICES = [
  { value: '72', label: '72 dpi', hint: 'screen' },
  { value: '150', label: '150 dpi', hint: 'screen and draft print' },
  { value: '300', label: '300 dpi', hint: 'print' },
  { value: '600', label: '600 dpi', hint: 'high-quality print' },
] as const satisfies readonly Choice<string>[];

/** Formats laid out on pages, so a page size applies. */
export const PAGED_FORMATS: readonly SheetExportFormat[] = ['pdf', 'png', 'svg'];
/** Formats exported one page at a time (all pages → a ZIP of pages). */
export const PER_PAGE_FORMATS: readonly SheetExportFormat[] = ['png', 'svg'];

export type ExportKind = 'audio' | 'sheet' | 'video';

export interface AudioChoice {
  readonly kind: 'audio';
  readonly format: AudioExportFormat;
  readonly quality: string;
  readonly sampleRate: 44100 | 48000;
  readonly reverb: boolean;
}

export interface SheetChoice {
  readonly kind: 'sheet';
  readonly format: SheetExportFormat;
  readonly pageSize: PageSize;
  readonly dpi: number;
  /** One page (from 1), or every page when absent. */
  readonly page?: number | undefined;
}

export interface VideoChoice {
  readonly kind: 'video';
  readonly reverb: boolean;
}

export type ExportChoice = AudioChoice | SheetChoice | VideoChoice;

export const DEFAULT_AUDIO: AudioChoice = {
  kind: 'audio',
  format: 'mp3',
  quality: defaultQuality('mp3'),
  sampleRate: 44100,
  reverb: false,
};

export const DEFAULT_SHEET: SheetChoice = { kind: 'sheet', format: 'pdf', pageSize: 'a4', dpi: 150 };

/** The query string parameters of an audio or sheet-music export: only those that apply to the format. */
export function exportQuery(choice: AudioChoice | SheetChoice): Record<string, string | undefined> {
  if (choice.kind === 'audio') {
    return {
      format: choice.format,
      quality: choice.quality,
      sampleRate: String(choice.sampleRate),
      reverb: String(choice.reverb),
    };
  }
  const paged = PAGED_FORMATS.includes(choice.format);
  const perPage = PER_PAGE_FORMATS.includes(choice.format);
  return {
    format: choice.format,
    pageSize: paged ? choice.pageSize : undefined,
    dpi: choice.format === 'png' ? String(choice.dpi) : undefined,
    page: perPage && choice.page !== undefined ? String(choice.page) : undefined,
  };
}

/** What the musician is about to download, for the button and the spinner: "MP3", "PDF, page 2". */
export function describeChoice(choice: ExportChoice): string {
  switch (choice.kind) {
    case 'audio':
      return AUDIO_FORMATS.find((f) => f.value === choice.format)?.label ?? choice.format;
    case 'sheet': {
      const label = SHEET_FORMATS.find((f) => f.value === choice.format)?.label ?? choice.format;
      if (!PER_PAGE_FORMATS.includes(choice.format)) return label;
      return choice.page === undefined ? `${label}, every page` : `${label}, page ${choice.page}`;
    }
    case 'video':
      return 'MP4 video';
  }
}

/** Every format a batch can ask for, sheet music first. */
export const BATCH_FORMATS: readonly Choice<ExportFormat>[] = [...SHEET_FORMATS, ...AUDIO_FORMATS];

/** One quality for every audio format of a batch: the API's names, which every format understands. */
export const BATCH_QUALITIES = [
  { value: 'low', label: 'Good', hint: 'smaller files' },
  { value: 'medium', label: 'Better' },
  { value: 'high', label: 'Best', hint: 'largest files' },
] as const satisfies readonly Choice<string>[];

export function isAudioFormat(format: ExportFormat): format is AudioExportFormat {
  return AUDIO_FORMATS.some((f) => f.value === format);
}

export interface BatchChoice {
  readonly formats: readonly ExportFormat[];
  readonly quality: string;
  readonly pageSize: PageSize;
  readonly reverb: boolean;
}

/** The body of POST /export/batch: audio formats carry the quality, sheet formats are named alone. */
export function batchRequest(items: readonly string[], choice: BatchChoice): BatchExportRequest {
  return {
    items: [...items],
    formats: choice.formats.map((format) =>
      isAudioFormat(format) ? { format, quality: choice.quality } : format,
    ),
    pageSize: choice.pageSize,
    reverb: choice.reverb,
  };
}

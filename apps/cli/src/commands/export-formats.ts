import type { AudioExportFormat, ExportFormat } from '@cadenza/contracts';

/** Output extension → audio format. */
export const AUDIO_EXTENSIONS: Readonly<Record<string, AudioExportFormat>> = {
  '.wav': 'wav',
  '.mp3': 'mp3',
  '.flac': 'flac',
  '.ogg': 'ogg',
  '.oga': 'ogg',
  '.m4a': 'aac',
  '.aac': 'aac',
};

/** Output extension → any export format (`cadenza export` without --format). */
export const EXPORT_EXTENSIONS: Readonly<Record<string, ExportFormat | 'mp4'>> = {
  ...AUDIO_EXTENSIONS,
  '.pdf': 'pdf',
  '.png': 'png',
  '.svg': 'svg',
  '.musicxml': 'musicxml',
  '.xml': 'musicxml',
  '.mxl': 'mxl',
  '.mid': 'midi',
  '.midi': 'midi',
  '.mp4': 'mp4',
};

/** Input extensions read as recordings (transcoded by `cadenza export`), not scores. */
export const RECORDING_EXTENSIONS = new Set([
  '.wav',
  '.mp3',
  '.flac',
  '.ogg',
  '.oga',
  '.opus',
  '.m4a',
  '.aac',
  '.webm',
]);

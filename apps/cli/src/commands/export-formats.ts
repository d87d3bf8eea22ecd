import { extname } from 'node:path';
import type { AudioExportFormat, ExportFormat } from '@cadenza/contracts';
import { UsageError, type ParsedArgs } from '../command.js';

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

/**
 * Every -o of a command that writes a score (exercise, generate, song), each with an extension we can
 * write; checked before the slow work starts, so a typo fails at once. Video is `cadenza export`'s.
 */
export function scoreOutputFiles(args: ParsedArgs): string[] {
  const value: unknown = args.values.output;
  const outputs = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
  for (const output of outputs) {
    const format = EXPORT_EXTENSIONS[extname(output).toLowerCase()];
    if (!format || format === 'mp4') {
      throw new UsageError(
        `cannot tell the format of '${output}': use .mid, .musicxml, .mxl, .pdf, .png, .svg, .wav, .mp3, .flac, .ogg or .m4a`,
      );
    }
  }
  return outputs;
}

import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { AudioExportFormat, SheetExportFormat, type ExportFormat } from '@cadenza/contracts';
import { readScore, scoreFormatForFile } from '@cadenza/formats';
import {
  decodeAudio,
  encodeAudio,
  exportScoreAudio,
  exportSheetPages,
  renderScoreVideo,
  synthesizeScore,
  type ExportedFile,
} from '@cadenza/platform';
import { stringOption, UsageError, type Command, type CliIo, type ParsedArgs } from '../command.js';
import { createProgressBar, type ProgressBar } from '../progress-bar.js';
import { EXPORT_EXTENSIONS, RECORDING_EXTENSIONS } from './export-formats.js';

const FORMATS = [...AudioExportFormat.options, ...SheetExportFormat.options, 'mp4'] as const;
type CliExportFormat = ExportFormat | 'mp4';
/** A command-line export has no server limit; 4 hours keeps a typo from rendering for a day. */
const MAX_SECONDS = 4 * 3600;

export const exportCommand: Command = {
  path: ['export'],
  summary: 'Export a score as audio, sheet music (PDF, PNG, SVG, MusicXML, MIDI) or a scrolling-score video',
  help: `Usage: cadenza export INPUT -o OUTPUT [--format F] [options]

Arguments:
  INPUT             a score (.mid, .musicxml/.xml, .mxl); for audio formats also a recording
                    (.wav, .mp3, .flac, .ogg, .opus, .m4a, .webm), which is transcoded

Options:
  -o FILE           the file to write (required)
  --format F        ${FORMATS.join(', ')} (default: from the extension of -o)
  --quality Q       audio: low, medium or high (default), or the format's own setting:
                    wav 16|24 (bits), mp3 128k|192k|320k, flac 0|5|8, ogg 3|5|8, aac 128k|192k|256k
  --page-size P     pdf/png/svg: a4 (default) or letter
  --page N          png/svg: only page N; without it a score of several pages writes
                    OUTPUT-page-1.png, OUTPUT-page-2.png, …
  --dpi N           png: resolution (default 150)
  --reverb          audio/video: add room reverb
  --soundfont FILE  audio/video: any SF2/SF3 SoundFont
  --json            print a JSON summary to stdout
  -h, --help        show this help

Examples:
  cadenza export song.musicxml -o song.pdf
  cadenza export song.mid --format mp3 --quality high -o song.mp3
  cadenza export song.musicxml -o song.mp4`,
  options: {
    format: { type: 'string' },
    quality: { type: 'string' },
    'page-size': { type: 'string' },
    page: { type: 'string' },
    dpi: { type: 'string' },
    reverb: { type: 'boolean' },
    soundfont: { type: 'string' },
  },
  async run(args, io) {
    const [input, ...extra] = args.positionals;
    const output = stringOption(args, 'output');
    if (!input) throw new UsageError('give an input file, e.g. cadenza export song.musicxml -o song.pdf');
    if (extra.length) throw new UsageError(`one input file at a time (got also '${extra.join(' ')}')`);
    if (!output) throw new UsageError('give the file to write with -o, e.g. -o song.pdf');
    const format = chosenFormat(stringOption(args, 'format'), output);
    const bar = createProgressBar(io.stderr, {
      tty: io.stderrIsTty ?? false,
      quiet: Boolean(args.values.json),
    });
    const bytes = new Uint8Array(await readFile(resolve(io.cwd, input)));
    const written = await writeExport({ input, output, format, bytes, args, io, bar });
    const summary = { input, format, files: written };
    bar.done(`wrote ${written.map((w) => w.file).join(', ')}`);
    if (args.values.json) io.stdout(JSON.stringify(summary, null, 2) + '\n');
    return 0;
  },
};

function chosenFormat(named: string | undefined, output: string): CliExportFormat {
  if (named !== undefined) {
    if (!(FORMATS as readonly string[]).includes(named)) {
      throw new UsageError(`unknown format '${named}': use ${FORMATS.join(', ')}`);
    }
    return named as CliExportFormat;
  }
  const format = EXPORT_EXTENSIONS[extname(output).toLowerCase()];
  if (!format)
    throw new UsageError(`cannot tell the format of '${output}': give --format (${FORMATS.join(', ')})`);
  return format;
}

interface ExportJob {
  readonly input: string;
  readonly output: string;
  readonly format: CliExportFormat;
  readonly bytes: Uint8Array;
  readonly args: ParsedArgs;
  readonly io: CliIo;
  readonly bar: ProgressBar;
}

async function writeExport(job: ExportJob): Promise<{ file: string; bytes: number }[]> {
  const { input, output, format, bytes, args, io, bar } = job;
  const soundFont = stringOption(args, 'soundfont');
  const audioOptions = {
    quality: stringOption(args, 'quality'),
    reverb: Boolean(args.values.reverb),
    ...(soundFont === undefined ? {} : { soundFont: resolve(io.cwd, soundFont) }),
    maxSeconds: MAX_SECONDS,
    onProgress: (progress: number, stage: string) => bar.update(progress, stage),
  };
  const isRecording = RECORDING_EXTENSIONS.has(extname(input).toLowerCase());
  if (isRecording) {
    if (!(AudioExportFormat.options as readonly string[]).includes(format)) {
      throw new UsageError(
        `'${input}' is a recording: it can be exported as audio only (wav, mp3, flac, ogg, aac)`,
      );
    }
    bar.update(0, 'decoding');
    const audio = await decodeAudio(bytes, { fileName: basename(input), maxSeconds: MAX_SECONDS });
    bar.update(50, 'encoding');
    const encoded = await encodeAudio(audio, {
      format: format as AudioExportFormat,
      quality: audioOptions.quality ?? 'high',
    });
    return writeFiles(io, output, [encoded]);
  }
  const scoreFormat = scoreFormatForFile(input);
  if (!scoreFormat) {
    throw new UsageError(
      `cannot tell the format of '${input}': use a score (.mid, .musicxml, .xml, .mxl) or a recording`,
    );
  }
  const score = readScore(bytes, scoreFormat);
  if (format === 'mp4') {
    bar.update(0, 'synthesising');
    const audio = await synthesizeScore(score, {
      reverb: audioOptions.reverb,
      ...(soundFont === undefined ? {} : { soundFont: audioOptions.soundFont }),
      onProgress: (f) => bar.update(f * 20, 'synthesising'),
    });
    const made = await renderScoreVideo(score, audio, {
      outFile: resolve(io.cwd, output),
      onProgress: (f) => bar.update(20 + f * 80, 'filming'),
    });
    return [{ file: output, bytes: made.bytes }];
  }
  if ((AudioExportFormat.options as readonly string[]).includes(format)) {
    const file = await exportScoreAudio(score, { ...audioOptions, format: format as AudioExportFormat });
    return writeFiles(io, output, [file]);
  }
  const files = await exportSheetPages(score, {
    format: format as SheetExportFormat,
    pageSize: pageSizeOption(stringOption(args, 'page-size')),
    page: numberOption(args, 'page', 1, 999),
    dpi: numberOption(args, 'dpi', 30, 600),
    onProgress: audioOptions.onProgress,
  });
  return writeFiles(io, output, files);
}

/** Writes one file to OUTPUT, or several (pages) as OUTPUT's stem + `-page-N` + its extension. */
export async function writeFiles(
  io: CliIo,
  output: string,
  files: readonly ExportedFile[],
): Promise<{ file: string; bytes: number }[]> {
  const ext = extname(output);
  const stem = ext ? output.slice(0, -ext.length) : output;
  const written: { file: string; bytes: number }[] = [];
  for (const file of files) {
    const name =
      files.length === 1 ? output : `${stem}${file.nameSuffix ?? ''}${ext || `.${file.extension}`}`;
    await writeFile(resolve(io.cwd, name), file.bytes);
    written.push({ file: name, bytes: file.bytes.length });
  }
  return written;
}

function pageSizeOption(text: string | undefined): 'a4' | 'letter' {
  if (text === undefined) return 'a4';
  const size = text.toLowerCase();
  if (size === 'a4' || size === 'letter') return size;
  throw new UsageError(`--page-size must be a4 or letter (got '${text}')`);
}

function numberOption(args: ParsedArgs, name: string, min: number, max: number): number | undefined {
  const text = stringOption(args, name);
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got '${text}')`);
  return n;
}

import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import type { InstrumentHint } from '@cadenza/analysis';
import type { SheetExportFormat } from '@cadenza/contracts';
import { writeMidi, writeMusicXml } from '@cadenza/formats';
import {
  exportSheetPages,
  transcribeAudio,
  transcriptionScore,
  type AudioTranscription,
  type ExportedFile,
  type TranscriptionMode,
} from '@cadenza/platform';
import { stringOption, UsageError, type Command, type ParsedArgs } from '../command.js';
import { createProgressBar } from '../progress-bar.js';
import { writeFiles } from './export.js';
import { ANALYSIS_PERCENT, transcriptionProgress } from './transcribe-progress.js';
import { transcriptionJson, transcriptionSummary } from './transcribe-report.js';

const MODES: readonly TranscriptionMode[] = ['auto', 'mono', 'poly'];
const INSTRUMENTS: readonly InstrumentHint[] = ['voice', 'piano', 'guitar', 'strings', 'winds'];
/** Recordings up to an hour; the server's limit is configured separately (CADENZA_MAX_AUDIO_SECONDS). */
const MAX_SECONDS = 3600;
const OUTPUTS: Readonly<Record<string, 'json' | 'midi' | 'musicxml' | SheetExportFormat>> = {
  '.json': 'json',
  '.mid': 'midi',
  '.midi': 'midi',
  '.musicxml': 'musicxml',
  '.xml': 'musicxml',
  '.mxl': 'mxl',
  '.pdf': 'pdf',
  '.png': 'png',
  '.svg': 'svg',
};

export const transcribe: Command = {
  path: ['transcribe'],
  summary: 'Transcribe a recording into notes, tempo, meter and key (MusicXML, MIDI, PDF, JSON)',
  help: `Usage: cadenza transcribe FILE [options]

Listens to a recording (WAV, MP3, FLAC, Ogg, M4A/AAC, WebM) and writes down what was played or sung:
notes with their times, the tempo, meter and key, and sheet music quantised onto the beat.
Progress goes to stderr: a bar with the stage (tracking pitch, finding note onsets…) on a terminal,
a line per stage otherwise, nothing with --json.

Options:
  -o FILE             write FILE; repeat for several. The extension picks the format:
                      .musicxml, .mxl, .mid (as performed; --quantized for the notation's timing),
                      .pdf, .png, .svg (engraved), .json (the notes)
  --mode M            auto (default: chords go to poly), mono, poly
  --instrument I      ${INSTRUMENTS.join(', ')} (narrows the pitch range; default voice)
  --quantized         MIDI plays the notation exactly instead of the performance
  --title T           the title on the score (default: the file name)
  --json              print the notes, tempo, meter, key and confidence as JSON
  -h, --help          show this help

Examples:
  cadenza transcribe melody.wav
  cadenza transcribe take2.mp3 -o take2.musicxml -o take2.pdf
  cadenza transcribe song.m4a --instrument voice --json`,
  options: {
    output: { type: 'string', short: 'o', multiple: true },
    mode: { type: 'string' },
    instrument: { type: 'string' },
    quantized: { type: 'boolean' },
    title: { type: 'string' },
  },
  async run(args, io) {
    const [input, ...extra] = args.positionals;
    if (!input) throw new UsageError('give a recording, e.g. cadenza transcribe melody.wav');
    if (extra.length) throw new UsageError(`one recording at a time (got also '${extra.join(' ')}')`);
    const outputs = outputFiles(args);
    const mode = choice(args, 'mode', MODES) ?? 'auto';
    const instrument = choice(args, 'instrument', INSTRUMENTS);
    const bar = createProgressBar(io.stderr, {
      tty: io.stderrIsTty ?? false,
      quiet: Boolean(args.values.json),
    });
    bar.update(0, 'reading');
    const bytes = new Uint8Array(await readFile(resolve(io.cwd, input)));
    bar.update(5, 'decoding');
    const result = await transcribeAudio(bytes, {
      fileName: basename(input),
      maxSeconds: MAX_SECONDS,
      mode,
      ...(instrument ? { instrument } : {}),
      onProgress: transcriptionProgress(bar),
    });
    bar.update(ANALYSIS_PERCENT.to, 'writing');
    const title = stringOption(args, 'title') ?? basename(input, extname(input));
    const written: string[] = [];
    for (const output of outputs) {
      const files = await outputFilesFor(result, output, title, Boolean(args.values.quantized), instrument);
      written.push(...(await writeFiles(io, output, files)).map((w) => w.file));
    }
    bar.done(written.length ? `wrote ${written.join(', ')}` : `${result.analysis.notes.length} notes`);
    if (args.values.json) io.stdout(JSON.stringify(transcriptionJson(result), null, 2) + '\n');
    else if (!outputs.length) io.stdout(transcriptionSummary(input, result) + '\n');
    return 0;
  },
};

function choice<T extends string>(args: ParsedArgs, name: string, allowed: readonly T[]): T | undefined {
  const value = stringOption(args, name);
  if (value === undefined) return undefined;
  const lower = value.toLowerCase() as T;
  if (!allowed.includes(lower))
    throw new UsageError(`--${name}: '${value}' is not one of ${allowed.join(', ')}`);
  return lower;
}

function outputFiles(args: ParsedArgs): string[] {
  const value: unknown = args.values.output;
  const outputs = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
  for (const output of outputs) {
    if (!OUTPUTS[extname(output).toLowerCase()]) {
      throw new UsageError(
        `cannot tell the format of '${output}': use .musicxml, .mxl, .mid, .pdf, .png, .svg or .json`,
      );
    }
  }
  return outputs;
}

async function outputFilesFor(
  result: AudioTranscription,
  output: string,
  title: string,
  quantized: boolean,
  instrument: InstrumentHint | undefined,
): Promise<ExportedFile[]> {
  const format = OUTPUTS[extname(output).toLowerCase()];
  if (format === 'json') {
    const bytes = new TextEncoder().encode(JSON.stringify(transcriptionJson(result), null, 2) + '\n');
    return [{ bytes, mediaType: 'application/json', extension: 'json' }];
  }
  const score = transcriptionScore(result.analysis, {
    title,
    quantized,
    ...(instrument ? { instrument } : {}),
  });
  if (format === 'midi') return [{ bytes: writeMidi(score), mediaType: 'audio/midi', extension: 'mid' }];
  if (format === 'musicxml') {
    const bytes = new TextEncoder().encode(writeMusicXml(score));
    return [{ bytes, mediaType: 'application/vnd.recordare.musicxml+xml', extension: 'musicxml' }];
  }
  return exportSheetPages(score, { format: format as SheetExportFormat });
}

import { extname } from 'node:path';
import {
  AudioExportFormat,
  GENERATE_GENRES,
  GENRE_APPLICATIONS,
  type SheetExportFormat,
} from '@cadenza/contracts';
import {
  exportScoreAudio,
  exportSheetPages,
  generateArrangement,
  type ExportedFile,
  type GeneratedArrangement,
} from '@cadenza/platform';
import { UsageError, type Command } from '../command.js';
import { createProgressBar } from '../progress-bar.js';
import { writeFiles } from './export.js';
import { EXPORT_EXTENSIONS, scoreOutputFiles } from './export-formats.js';
import { asFlagError, generateBody, parseGenre } from './generate-request.js';
import { generationSummary, seedLine } from './generate-summary.js';

/** 256 slow bars run long; 4 hours, as `cadenza export` allows, is far beyond any request. */
const MAX_SECONDS = 4 * 3600;

const APPLICATION_LINES = GENERATE_GENRES.map(
  (g) => `                      ${(g + ':').padEnd(10)} ${GENRE_APPLICATIONS[g].join(', ')}`,
).join('\n');

export const generate: Command = {
  path: ['generate'],
  summary: 'Generate a piano arrangement in a genre from a description (MIDI, score, audio, PDF)',
  help: `Usage: cadenza generate GENRE "DESCRIPTION" [options]

Arranges a piece for piano from a few words, seeded: the same command with the same --seed gives the
same MIDI, byte for byte. Without -o or --json it prints the settings, how the description was read,
and the chord chart bar by bar with Roman numerals and comments.

Arguments:
  GENRE               ${GENERATE_GENRES.join(', ')} (any case; also neo-soul)
  DESCRIPTION         e.g. "uplifting worship song in Bb, slow and soulful" (may be empty with --chart)

Options:
  --key K             C, Bb, F# minor, Ebm (default: from the description, else the genre's)
  --tempo BPM         quarter notes per minute, moved into the application's range
  --bars N            number of bars, 1–256
  --application A     the setting, per genre (first is the default):
${APPLICATION_LINES}
  --meter M           time signature, e.g. 4/4, 3/4, 6/8 (also --time-signature)
  --chart "| C | F |" your own chord chart instead of a generated progression
  --left-hand P       a left-hand pattern, e.g. walking-bass, shell-voicing, stride-bass
  --right-hand P      a right-hand pattern, e.g. rootless-voicings, block-chord (a wrong one lists them)
  --swing R           long:short eighth ratio, 1.0 (straight) – 3.0 (jazz, blues, gospel)
  --seed N            0 – 2147483647 (default: a fresh one, printed so you can replay it)
  --title T           the title on the score
  --ai-percentage F   gospel: 0.0 pure rules … 1.0 pure model (default 0)
  -o FILE             write FILE; repeat for several. The extension picks the format:
                      .mid, .musicxml, .mxl, .pdf, .png, .svg, .wav, .mp3, .flac, .ogg, .m4a
  --json              print the API's response as JSON (no download URL: nothing is stored)
  -h, --help          show this help

Examples:
  cadenza generate gospel "uplifting worship song in C major" -o praise.mid
  cadenza generate jazz "medium swing ballad in F" --bars 32 --seed 7 -o tune.pdf -o tune.mp3
  cadenza generate blues "" --chart "| C7 | F7 | C7 | C7 |" --swing 2.5`,
  options: {
    output: { type: 'string', short: 'o', multiple: true },
    key: { type: 'string' },
    tempo: { type: 'string' },
    bars: { type: 'string' },
    application: { type: 'string' },
    meter: { type: 'string' },
    'time-signature': { type: 'string' },
    chart: { type: 'string' },
    'left-hand': { type: 'string' },
    'right-hand': { type: 'string' },
    swing: { type: 'string' },
    seed: { type: 'string' },
    title: { type: 'string' },
    'ai-percentage': { type: 'string' },
  },
  async run(args, io) {
    const [genreText, description = '', ...extra] = args.positionals;
    if (genreText === undefined) {
      throw new UsageError(
        `give a genre and a description, e.g. cadenza generate gospel "worship song in C"`,
      );
    }
    if (extra.length) {
      throw new UsageError(
        `quote the description: one argument after the genre (got also '${extra.join(' ')}')`,
      );
    }
    const outputs = scoreOutputFiles(args);
    const genre = parseGenre(genreText);
    const body = generateBody(genre, description, args);
    let result: GeneratedArrangement;
    try {
      result = generateArrangement(genre, body);
    } catch (error) {
      throw asFlagError(error);
    }
    if (outputs.length) {
      const bar = createProgressBar(io.stderr, {
        tty: io.stderrIsTty ?? false,
        quiet: Boolean(args.values.json),
      });
      const written: string[] = [];
      for (const output of outputs) {
        const files = await generatedFiles(result, output, (p, stage) =>
          bar.update(p, `${output}: ${stage}`),
        );
        written.push(...(await writeFiles(io, output, files)).map((w) => w.file));
      }
      bar.done(`wrote ${written.join(', ')}`);
      io.stderr(seedLine(result.seed) + '\n');
    }
    if (args.values.json) io.stdout(JSON.stringify({ ...result.report, download_url: null }, null, 2) + '\n');
    else if (!outputs.length) io.stdout(generationSummary(result) + '\n');
    return 0;
  },
};

/** The files for one -o: the use case's own MIDI and MusicXML, else the export the other commands use. */
async function generatedFiles(
  result: GeneratedArrangement,
  output: string,
  onProgress: (progress: number, stage: string) => void,
): Promise<ExportedFile[]> {
  const format = EXPORT_EXTENSIONS[extname(output).toLowerCase()];
  const score = result.arrangement.score;
  if (format === 'midi') return [{ bytes: result.midi, mediaType: 'audio/midi', extension: 'mid' }];
  if (format === 'musicxml') {
    const bytes = new TextEncoder().encode(result.musicxml);
    return [{ bytes, mediaType: 'application/vnd.recordare.musicxml+xml', extension: 'musicxml' }];
  }
  if ((AudioExportFormat.options as readonly string[]).includes(format ?? '')) {
    return [
      await exportScoreAudio(score, {
        format: format as AudioExportFormat,
        maxSeconds: MAX_SECONDS,
        onProgress,
      }),
    ];
  }
  return exportSheetPages(score, { format: format as SheetExportFormat, onProgress });
}

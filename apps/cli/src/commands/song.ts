import { extname } from 'node:path';
import { MusicError } from '@cadenza/core';
import { AudioExportFormat, type SheetExportFormat } from '@cadenza/contracts';
import { findSong, type CatalogueSong } from '@cadenza/pedagogy';
import { exportScoreAudio, exportSheetPages, songDetail, type ExportedFile } from '@cadenza/platform';
import { UsageError, type Command } from '../command.js';
import { createProgressBar } from '../progress-bar.js';
import { writeFiles } from './export.js';
import { EXPORT_EXTENSIONS, scoreOutputFiles } from './export-formats.js';

const MAX_SECONDS = 3600;

/** One -o: the song played (audio formats) or engraved / written (sheet and score formats). */
async function songFiles(
  song: CatalogueSong,
  output: string,
  onProgress: (progress: number, stage: string) => void,
): Promise<ExportedFile[]> {
  const format = EXPORT_EXTENSIONS[extname(output).toLowerCase()];
  if ((AudioExportFormat.options as readonly string[]).includes(format ?? '')) {
    const audio = format as AudioExportFormat;
    return [await exportScoreAudio(song.score(), { format: audio, maxSeconds: MAX_SECONDS, onProgress })];
  }
  return exportSheetPages(song.score(), { format: format as SheetExportFormat, onProgress });
}

/** The song for people: title, composer, where it comes from, its facts and what it teaches. */
export function songFacts(song: CatalogueSong): string {
  return [
    song.title,
    `${song.composer} — ${song.origin}`,
    '',
    `level       ${song.level}`,
    `genres      ${song.genres.join(', ')}`,
    `key         ${song.key}, ${song.timeSignature}, ♩ = ${song.tempo}, ${song.bars} bars`,
    `chords      ${song.hasChords ? 'yes' : 'no'}`,
    `skills      ${song.skills.join('; ')}`,
    '',
    `Write it with -o ${song.id}.pdf (or .mid, .musicxml, .wav, .mp3, .png).`,
  ].join('\n');
}

export const song: Command = {
  path: ['song'],
  summary: 'Show a milestone song, or write it as sheet music, MIDI, MusicXML or audio',
  help: `Usage: cadenza song ID [options]

Shows one song of the milestone catalogue (cadenza songs lists the ids): composer, origin, level,
genres, key, meter, tempo, bars and what it teaches. With -o it writes the song instead.

Arguments:
  ID                  the song's id, e.g. ode-to-joy

Options:
  -o FILE             write FILE; repeat for several: .pdf, .png, .svg, .mid, .musicxml, .mxl, .wav, .mp3, …
  --json              print the API's answer (GET /songs/ID) as JSON: facts, MusicXML, file paths
  -h, --help          show this help

Examples:
  cadenza song ode-to-joy
  cadenza song ode-to-joy -o ode.pdf -o ode.mp3`,
  options: { output: { type: 'string', short: 'o', multiple: true } },
  async run(args, io) {
    const [id, ...extra] = args.positionals;
    if (id === undefined)
      throw new UsageError('give a song id, e.g. cadenza song ode-to-joy (cadenza songs lists them)');
    if (extra.length) throw new UsageError(`one song at a time (got also '${extra.join(' ')}')`);
    const found = findSong(id);
    if (!found) throw new MusicError(`no song has the id '${id}': cadenza songs lists them`);
    const outputs = scoreOutputFiles(args);
    if (outputs.length) {
      const bar = createProgressBar(io.stderr, {
        tty: io.stderrIsTty ?? false,
        quiet: Boolean(args.values.json),
      });
      const written: string[] = [];
      for (const output of outputs) {
        const files = await songFiles(found, output, (p, stage) => bar.update(p, `${output}: ${stage}`));
        written.push(...(await writeFiles(io, output, files)).map((w) => w.file));
      }
      bar.done(`wrote ${written.join(', ')}`);
    }
    if (args.values.json) io.stdout(JSON.stringify(songDetail(found), null, 2) + '\n');
    else if (!outputs.length) io.stdout(songFacts(found) + '\n');
    return 0;
  },
};

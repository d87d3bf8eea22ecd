import { SongListQuery } from '@cadenza/contracts';
import { SONG_CATALOGUE } from '@cadenza/pedagogy';
import { filterSongs, songSummaryView } from '@cadenza/platform';
import { stringOption, UsageError, type Command, type ParsedArgs } from '../command.js';

/** The list query from the command line, checked with the API's schema ("--level: must be at most 10"). */
function listQuery(args: ParsedArgs): SongListQuery {
  const raw: Record<string, unknown> = {
    level: stringOption(args, 'level'),
    genre: stringOption(args, 'genre'),
    q: stringOption(args, 'title'),
  };
  for (const name of Object.keys(raw)) if (raw[name] === undefined) delete raw[name];
  const parsed = SongListQuery.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0] === 'q' ? 'title' : String(issue?.path[0] ?? 'query');
    throw new UsageError(`--${field}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

export const songs: Command = {
  path: ['songs'],
  summary: 'List the milestone songs (public-domain pieces and tunes) by level and genre',
  help: `Usage: cadenza songs [options]

Lists the milestone song catalogue, by level then title: id, level, title, composer, key, meter and
genres. Open one with cadenza song ID.

Options:
  --level N           only songs at level N (1–10)
  --genre G           only songs tagged G: classical, jazz, blues, gospel, neosoul, folk, pop
  --title WORDS       only songs whose title holds these words
  --json              print the API's list (GET /songs) as JSON
  -h, --help          show this help

Examples:
  cadenza songs --level 2
  cadenza songs --genre jazz --json`,
  options: { level: { type: 'string' }, genre: { type: 'string' }, title: { type: 'string' } },
  // eslint-disable-next-line @typescript-eslint/require-await
  async run(args, io) {
    if (args.positionals.length) {
      throw new UsageError(`cadenza songs takes no arguments (got '${args.positionals.join(' ')}')`);
    }
    if (stringOption(args, 'output') !== undefined) throw new UsageError('cadenza songs writes no files');
    const found = filterSongs(SONG_CATALOGUE, listQuery(args));
    if (args.values.json) {
      const body = { songs: found.map(songSummaryView), total: SONG_CATALOGUE.length };
      io.stdout(JSON.stringify(body, null, 2) + '\n');
      return 0;
    }
    if (found.length === 0) {
      io.stdout('no song matches: cadenza songs (without filters) lists them all\n');
      return 0;
    }
    const idWidth = Math.max(...found.map((s) => s.id.length));
    const titleWidth = Math.min(34, Math.max(...found.map((s) => s.title.length)));
    const lines = found.map((s) =>
      [
        s.id.padEnd(idWidth),
        `L${s.level}`.padEnd(3),
        s.title.slice(0, titleWidth).padEnd(titleWidth),
        s.key.padEnd(9),
        s.timeSignature.padEnd(4),
        s.genres.join(', '),
      ].join('  '),
    );
    io.stdout(`${lines.join('\n')}\n${found.length} of ${SONG_CATALOGUE.length} songs\n`);
    return 0;
  },
};

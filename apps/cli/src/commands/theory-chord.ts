import { describeChord } from '@cadenza/platform';
import { UsageError, type Command } from '../command.js';
import { emit } from '../output.js';

export const theoryChord: Command = {
  path: ['theory', 'chord'],
  summary: 'Spell a chord symbol: notes, intervals and quality',
  help: `Usage: cadenza theory chord SYMBOL [--json] [-o FILE]

Reads a lead-sheet chord symbol and spells it by interval (C7#9 has D#, not Eb).

Arguments:
  SYMBOL        e.g. Cmaj7, F#7#9b13, Bb13sus, Ebmaj7#11/G, C6/9, Cø7

Options:
  --json        print the JSON the API returns
  -o FILE       write to FILE; the extension picks the format: .json, .txt,
                .musicxml, .mxl, .mid or .wav (the chord as a whole note)
  -h, --help    show this help

Example:
  cadenza theory chord "F#7#9b13"`,
  options: {},
  async run(args, io) {
    const [symbol, ...extra] = args.positionals;
    if (symbol === undefined) throw new UsageError('give a chord symbol, e.g. cadenza theory chord Cmaj7');
    if (extra.length)
      throw new UsageError(
        `one chord symbol at a time (got also '${extra.join(' ')}'); quote symbols with spaces`,
      );
    const { report, score } = describeChord(symbol);
    const text = [
      `${report.symbol}: ${report.quality}`,
      `notes:     ${report.notes.join(' ')}`,
      ...(report.bass !== report.root ? [`from bass: ${report.voicingFromBass.join(' ')}`] : []),
      `intervals: ${report.intervals.map((i) => i.name).join(' ')}`,
    ].join('\n');
    await emit(args, io, { json: report, text, score });
    return 0;
  },
};

import { SCALE_TYPES } from '@cadenza/core';
import { describeScale } from '@cadenza/platform';
import { UsageError, type Command } from '../command.js';
import { emit } from '../output.js';

export const theoryScale: Command = {
  path: ['theory', 'scale'],
  summary: 'Spell a scale on a tonic (any of the 32 scales)',
  help: `Usage: cadenza theory scale TONIC SCALE [--json] [-o FILE]
       cadenza theory scale --list

Arguments:
  TONIC         e.g. C, Eb, F#
  SCALE         a scale name or alias, e.g. "bebop dominant", dorian, "harmonic minor"

Options:
  --list        list the 32 scales
  --json        print the JSON the API returns
  -o FILE       write to FILE: .json, .txt, .musicxml, .mxl, .mid or .wav (the scale ascending)
  -h, --help    show this help

Example:
  cadenza theory scale Eb "bebop dominant"`,
  options: { list: { type: 'boolean' } },
  async run(args, io) {
    if (args.values.list) {
      const json = SCALE_TYPES.map((s) => ({
        id: s.id,
        name: s.name,
        category: s.category,
        intervals: s.intervals,
      }));
      const text = SCALE_TYPES.map((s) => `${s.id.padEnd(28)} ${s.name} (${s.intervals.join(' ')})`).join(
        '\n',
      );
      await emit(args, io, { json, text });
      return 0;
    }
    const [tonicText, ...nameWords] = args.positionals;
    if (tonicText === undefined || nameWords.length === 0) {
      throw new UsageError('give a tonic and a scale name, e.g. cadenza theory scale Eb "bebop dominant"');
    }
    const { report, score } = describeScale(tonicText, nameWords.join(' '));
    const text = [
      `${report.tonic} ${report.scale.name}: ${report.notes.join(' ')}`,
      `intervals: ${report.intervals.map((i) => i.name).join(' ')}`,
      report.scale.description,
    ].join('\n');
    await emit(args, io, { json: report, text, score });
    return 0;
  },
};

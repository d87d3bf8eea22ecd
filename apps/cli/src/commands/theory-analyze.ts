import { analyzeProgression } from '@cadenza/platform';
import { stringOption, UsageError, type Command } from '../command.js';
import { emit } from '../output.js';

export const theoryAnalyze: Command = {
  path: ['theory', 'analyze'],
  summary: 'Roman-numeral analysis of a chord progression in a key',
  help: `Usage: cadenza theory analyze --key KEY "CHORDS…" [--json] [-o FILE]

Arguments:
  CHORDS        chord symbols separated by spaces or bar lines, e.g. "Cm7 F7 Bbmaj7 G7/B"
                or "| Dm7 G7 | Cmaj7 |"

Options:
  -k, --key KEY the key, e.g. Bb, "F# minor", "D dorian"   (required)
  --json        print the JSON the API returns
  -o FILE       write to FILE: .json, .txt, .musicxml, .mxl, .mid or .wav (one chord a bar)
  -h, --help    show this help

Numerals: upper case = major, lower case = minor, ° diminished, ø half-diminished, + augmented;
"7" on an upper-case numeral is a dominant 7th, "maj7" a major 7th; figures give inversions
(V65, I64); V7/V is a secondary dominant; N6 the Neapolitan; It+6, Fr+6, Ger+6 augmented sixths.

Example:
  cadenza theory analyze --key Bb "Cm7 F7 Bbmaj7 G7/B"`,
  options: { key: { type: 'string', short: 'k' } },
  async run(args, io) {
    const keyText = stringOption(args, 'key');
    if (!keyText) throw new UsageError('give the key with --key, e.g. --key Bb or --key "F# minor"');
    if (args.positionals.join('').replace(/[\s|]/g, '') === '') {
      throw new UsageError('give the chords to analyse, e.g. "Cm7 F7 Bbmaj7"');
    }
    const { report, score } = analyzeProgression(keyText, args.positionals);
    const width = Math.max(...report.chords.map((c) => c.symbol.length));
    const text = [
      `in ${report.key}:`,
      ...report.chords.map((c) => `${c.symbol.padEnd(width)}  ${c.numeral.padEnd(9)} ${c.function}`),
    ].join('\n');
    await emit(args, io, { json: report, text, score });
    return 0;
  },
};

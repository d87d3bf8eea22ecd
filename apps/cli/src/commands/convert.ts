import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { contentEnd, formatRational, measureMap } from '@cadenza/core';
import { readScore, scoreFormatForFile, writeScore } from '@cadenza/formats';
import { stringOption, UsageError, type Command } from '../command.js';
import { convertOnServer } from './convert-on-server.js';

export const convert: Command = {
  path: ['convert'],
  summary: 'Convert a score between MIDI, MusicXML and compressed MusicXML',
  help: `Usage: cadenza convert INPUT -o OUTPUT [--json]

Formats follow the file extensions: .mid/.midi, .musicxml/.xml, .mxl.

Arguments:
  INPUT         a MIDI (format 0 or 1), MusicXML or .mxl file

Options:
  -o FILE       the file to write (required)
  --server URL  convert as a background job on a Cadenza server (e.g. http://127.0.0.1:3000),
                with a progress bar; --token T (or CADENZA_TOKEN) signs in with an API token
  --json        print a JSON summary (parts, notes, measures) to stdout
  -h, --help    show this help

Examples:
  cadenza convert song.mid -o song.musicxml
  cadenza convert chorale.mxl -o chorale.mid`,
  options: { server: { type: 'string' }, token: { type: 'string' } },
  async run(args, io) {
    const [input, ...extra] = args.positionals;
    const output = stringOption(args, 'output');
    if (!input) throw new UsageError('give an input file, e.g. cadenza convert song.mid -o song.musicxml');
    if (extra.length) throw new UsageError(`one input file at a time (got also '${extra.join(' ')}')`);
    if (!output) throw new UsageError('give the output file with -o, e.g. -o song.musicxml');
    const inFormat = scoreFormatForFile(input);
    const outFormat = scoreFormatForFile(output);
    if (!inFormat)
      throw new UsageError(`cannot tell the format of '${input}': use .mid, .midi, .musicxml, .xml or .mxl`);
    if (!outFormat)
      throw new UsageError(`cannot tell the format of '${output}': use .mid, .musicxml or .mxl`);
    const bytes = new Uint8Array(await readFile(resolve(io.cwd, input)));
    const server = stringOption(args, 'server');
    if (server) {
      const token = stringOption(args, 'token') ?? process.env.CADENZA_TOKEN;
      return convertOnServer({ server, token, input, output, to: outFormat, bytes, args, io });
    }
    const score = readScore(bytes, inFormat);
    await writeFile(resolve(io.cwd, output), writeScore(score, outFormat));
    const summary = {
      input,
      output,
      title: score.metadata.title ?? null,
      parts: score.parts.map((p) => ({ id: p.id, name: p.name, staves: p.staves, notes: p.notes.length })),
      notes: score.parts.reduce((n, p) => n + p.notes.length, 0),
      measures: measureMap(score).length,
      lengthInQuarters: formatRational(contentEnd(score)),
    };
    if (args.values.json) io.stdout(JSON.stringify(summary, null, 2) + '\n');
    else
      io.stderr(
        `wrote ${output}: ${summary.parts.length} part(s), ${summary.notes} notes, ${summary.measures} measures\n`,
      );
    return 0;
  },
};

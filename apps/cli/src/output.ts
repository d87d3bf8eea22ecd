import { writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import type { Score } from '@cadenza/core';
import { scoreFormatForFile, writeScore } from '@cadenza/formats';
import { encodeWav16, synthesizeScore } from '@cadenza/platform';
import { UsageError, type CliIo, type ParsedArgs } from './command.js';

/**
 * Prints a result the way the caller asked: `--json` prints the API's JSON to stdout; `-o FILE`
 * writes a file whose format follows its extension (.json, .txt, or a score format such as
 * .musicxml, .mxl or .mid, for results that can be shown as music); otherwise text for people.
 */
export async function emit(
  args: ParsedArgs,
  io: CliIo,
  result: { readonly json: unknown; readonly text: string; readonly score?: () => Score },
): Promise<void> {
  const output = typeof args.values.output === 'string' ? args.values.output : undefined;
  if (output) {
    const path = resolve(io.cwd, output);
    const ext = extname(path).toLowerCase();
    if (ext === '.json') await writeFile(path, JSON.stringify(result.json, null, 2) + '\n');
    else if (ext === '.txt') await writeFile(path, result.text + '\n');
    else if (ext === '.wav' && result.score)
      await writeFile(path, encodeWav16(await synthesizeScore(result.score())));
    else {
      const format = scoreFormatForFile(path);
      if (!format || !result.score) {
        throw new UsageError(
          `cannot write '${output}': use .json or .txt${result.score ? ', .musicxml, .mxl, .mid or .wav' : ''}`,
        );
      }
      await writeFile(path, writeScore(result.score(), format));
    }
    io.stderr(`wrote ${output}\n`);
  }
  if (args.values.json) io.stdout(JSON.stringify(result.json, null, 2) + '\n');
  else if (!output) io.stdout(result.text + '\n');
}

import { MusicError } from '@cadenza/core';
import { EXIT, parseCommandArgs, UsageError, type CliIo, type Command } from './command.js';
import { convert } from './commands/convert.js';
import { earTraining } from './commands/ear-training.js';
import { exportCommand } from './commands/export.js';
import { generate } from './commands/generate.js';
import { grade } from './commands/grade.js';
import { exercise } from './commands/exercise.js';
import { plan } from './commands/plan.js';
import { render } from './commands/render.js';
import { serve } from './commands/serve.js';
import { song } from './commands/song.js';
import { songs } from './commands/songs.js';
import { theoryAnalyze } from './commands/theory-analyze.js';
import { theoryChord } from './commands/theory-chord.js';
import { theoryScale } from './commands/theory-scale.js';
import { transcribe } from './commands/transcribe.js';
import { worker } from './commands/worker.js';

export const COMMANDS: readonly Command[] = [
  theoryChord,
  theoryScale,
  theoryAnalyze,
  convert,
  render,
  exportCommand,
  generate,
  exercise,
  grade,
  transcribe,
  earTraining,
  songs,
  song,
  plan,
  serve,
  worker,
];

/** The platform's expected failures (bad files, options, missing tools): their message is for the user. */
const USER_ERRORS = new Set([
  'ExportError',
  'AudioDecodeError',
  'AudioEncodeError',
  'SynthesisError',
  'EngravingError',
  'VideoError',
  'FfmpegError',
  'TranscriptionError',
]);
export const VERSION = '0.1.0';

function overview(commands: readonly Command[], prefix: readonly string[]): string {
  const shown = commands.filter((c) => prefix.every((w, i) => c.path[i] === w));
  const width = Math.max(...shown.map((c) => c.path.join(' ').length));
  return [
    `Usage: cadenza ${prefix.length ? prefix.join(' ') + ' ' : ''}COMMAND [options]`,
    '',
    'Cadenza: transcribe, arrange, practise, learn theory and export music.',
    '',
    'Commands:',
    ...shown.map((c) => `  ${c.path.join(' ').padEnd(width)}  ${c.summary}`),
    '',
    'Every command takes --help. Common options: --json (print the API JSON), -o FILE (write a file',
    'whose format follows its extension). Exit codes: 0 ok, 1 failure (e.g. unreadable input), 2 usage.',
  ].join('\n');
}

/** Runs the CLI in-process and returns the exit code; main.ts wires it to the real process. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv[0] === '--version' || argv[0] === '-V') {
    io.stdout(`cadenza ${VERSION}\n`);
    return EXIT.ok;
  }
  const command = [...COMMANDS]
    .sort((a, b) => b.path.length - a.path.length)
    .find((c) => c.path.every((w, i) => argv[i] === w));
  if (!command) {
    const words = argv.filter((a) => !a.startsWith('-'));
    const isGroup = words.length > 0 && COMMANDS.some((c) => c.path[0] === words[0]);
    const prefix = isGroup ? words.slice(0, 1) : [];
    const wantsHelp = argv.length === 0 || argv.includes('--help') || argv.includes('-h');
    if (!wantsHelp || words.length > prefix.length) {
      const unknown = words.slice(0, prefix.length + 1).join(' ') || argv.join(' ');
      io.stderr(`cadenza: unknown command '${unknown}'\n\n${overview(COMMANDS, prefix)}\n`);
      return EXIT.usage;
    }
    io.stdout(overview(COMMANDS, prefix) + '\n');
    return argv.length === 0 ? EXIT.usage : EXIT.ok;
  }
  const rest = argv.slice(command.path.length);
  try {
    const args = parseCommandArgs(command, rest);
    if (args.values.help) {
      io.stdout(command.help + '\n');
      return EXIT.ok;
    }
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(
        `cadenza ${command.path.join(' ')}: ${error.message}\nRun 'cadenza ${command.path.join(' ')} --help' for usage.\n`,
      );
      return EXIT.usage;
    }
    if (error instanceof MusicError || (error instanceof Error && USER_ERRORS.has(error.name))) {
      io.stderr(`cadenza ${command.path.join(' ')}: ${error.message}\n`);
      return EXIT.failure;
    }
    const err = error as NodeJS.ErrnoException;
    if (err.code === 'ENOENT' || err.code === 'EACCES' || err.code === 'EISDIR') {
      io.stderr(
        `cadenza ${command.path.join(' ')}: cannot open '${err.path ?? ''}': ${err.code === 'ENOENT' ? 'no such file' : err.code}\n`,
      );
      return EXIT.failure;
    }
    io.stderr(`cadenza ${command.path.join(' ')}: internal error: ${err.message}\n`);
    return EXIT.failure;
  }
}

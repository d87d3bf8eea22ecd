import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { MusicError } from '@cadenza/core';
import { attemptReport, gradeAttemptFile, type AttemptReport } from '@cadenza/platform';
import { stringOption, UsageError, type Command } from '../command.js';
import { gradingTarget } from './grade-expected.js';
import { gradeTable } from './grade-report.js';

/** The API's answer (POST /practice/attempts) without what storing gives. */
type CliGrade = AttemptReport & {
  readonly attempt_id: null;
  readonly exercise_id: string | null;
  readonly session_id: null;
};

/** Longest recording graded, in seconds. */
const MAX_SECONDS = 1800;

function tempoOption(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const bpm = Number(raw);
  if (!(raw.trim() !== '' && Number.isFinite(bpm) && bpm >= 20 && bpm <= 300)) {
    throw new UsageError(`--tempo must be 20–300 quarter notes per minute, got '${raw}'`);
  }
  return bpm;
}

export const grade: Command = {
  path: ['grade'],
  summary: 'Grade a played take against an exercise, note by note',
  help: `Usage: cadenza grade --exercise ID|FILE.mid|FILE.musicxml --attempt TAKE.wav|TAKE.mid [options]

Aligns what was played to the exercise's notes, whatever the tempo and start, and gives each expected
note a verdict: correct, wrong pitch, early or late (with the error in ms) or missed; notes played that
answer nothing are listed as extra. Prints a table per note, the totals (pitch and rhythm accuracy, a
score out of 100) and the tempo played.

Options:
  --exercise X        the exercise: a score file (.mid, .midi, .musicxml, .xml, .mxl), played at its own
                      tempo; or the id of an exercise the studio generated (POST /exercises/generate),
                      read from the studio's data (CADENZA_DATA_DIR, default ./.cadenza, and
                      CADENZA_DATABASE_URL / CADENZA_BLOB_STORE as 'cadenza serve' uses them)
  --attempt FILE      the take: a Standard MIDI File (e.g. recorded from a MIDI keyboard) or a recording
                      (WAV, MP3, FLAC, Ogg, M4A/AAC, WebM), transcribed before grading
  --tempo BPM         the tempo the exercise was meant to be played at (default: its own)
  --json              print the API's response (POST /practice/attempts) as JSON; nothing is stored
  -h, --help          show this help

Examples:
  cadenza exercise scales --key G --difficulty 2 --seed 3 -o g-major.mid
  cadenza grade --exercise g-major.mid --attempt my-take.wav
  cadenza grade --exercise g-major.mid --attempt keyboard.mid --tempo 80 --json`,
  options: {
    exercise: { type: 'string' },
    attempt: { type: 'string' },
    tempo: { type: 'string' },
  },
  async run(args, io) {
    if (args.positionals.length) {
      throw new UsageError(
        `unexpected argument '${args.positionals.join(' ')}': use --exercise and --attempt`,
      );
    }
    const exercise = stringOption(args, 'exercise');
    const attempt = stringOption(args, 'attempt');
    if (exercise === undefined)
      throw new UsageError('give the exercise: --exercise ID or FILE.mid|FILE.musicxml');
    if (attempt === undefined) throw new UsageError('give the take: --attempt FILE.wav|FILE.mid');
    const bpm = tempoOption(stringOption(args, 'tempo'));
    const target = await gradingTarget(exercise, io.cwd, process.env, bpm);
    const bytes = new Uint8Array(await readFile(resolve(io.cwd, attempt)));
    if (bytes.byteLength === 0) throw new MusicError(`the take '${attempt}' is empty`);
    let graded;
    try {
      graded = await gradeAttemptFile(target.notes, bytes, {
        expectedBpm: target.tempo,
        fileName: basename(attempt),
        maxSeconds: MAX_SECONDS,
        ...(target.difficulty !== undefined ? { difficulty: target.difficulty } : {}),
      });
    } catch (error) {
      if (error instanceof Error) error.message = `the take '${attempt}': ${error.message}`;
      throw error;
    }
    for (const warning of graded.warnings) io.stderr(`cadenza grade: ${warning}\n`);
    const report = attemptReport({
      grade: graded.grade,
      expected: target.notes,
      played: graded.played,
      expectedNames: target.names,
      key: target.key,
      tempoExpected: target.tempo,
    });
    if (args.values.json) {
      // The API's answer; nothing is stored, so there are no ids.
      const answer: CliGrade = {
        attempt_id: null,
        exercise_id: target.exerciseId,
        ...report,
        session_id: null,
      };
      io.stdout(JSON.stringify(answer, null, 2) + '\n');
    } else io.stdout(gradeTable(target, report) + '\n');
    return 0;
  },
};

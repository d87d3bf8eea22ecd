import { extname } from 'node:path';
import { compare, midiOf, MusicError, pitchName } from '@cadenza/core';
import { AudioExportFormat, ExerciseGenerateRequest, type SheetExportFormat } from '@cadenza/contracts';
import { EXERCISE_TYPES } from '@cadenza/pedagogy';
import {
  exportScoreAudio,
  exportSheetPages,
  generatePracticeExercise,
  type ExportedFile,
  type GeneratedPracticeExercise,
} from '@cadenza/platform';
import { stringOption, UsageError, type Command, type ParsedArgs } from '../command.js';
import { createProgressBar } from '../progress-bar.js';
import { writeFiles } from './export.js';
import { EXPORT_EXTENSIONS, scoreOutputFiles } from './export-formats.js';

const MAX_SECONDS = 3600;

/** The API's request field → the `cadenza exercise` option that sets it. */
const FIELD_FLAGS: Readonly<Record<string, string>> = {
  skill_type: 'TYPE',
  subtype: '--subtype',
  difficulty: '--difficulty',
  key_signature: '--key',
  duration_bars: '--bars',
  tempo: '--tempo',
  time_signature: '--meter',
  special_focus: '--focus',
  inversion: '--inversion',
  seed: '--seed',
};

const SUBTYPE_LINES = Object.entries(EXERCISE_TYPES)
  .filter(([type]) => type !== 'ear_training')
  .map(
    ([type, subtypes]) =>
      `                      ${(type + ':').padEnd(20)} ${Object.keys(subtypes).join(', ')}`,
  )
  .join('\n');

/** A request field's error as the user typed it: "--difficulty: must be a whole number from 1 to 10". */
function flagError(field: string, message: string): MusicError {
  const flag = FIELD_FLAGS[field] ?? field;
  return new MusicError(`${flag}: ${message.replace(new RegExp(`^${field}(:\\s*|\\s+)`), '')}`);
}

function numeric(text: string | undefined): number | string | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}

/** Builds the API body from the command line and validates it with the API's schema. */
export function exerciseBody(type: string, args: ParsedArgs): ExerciseGenerateRequest {
  const raw: Record<string, unknown> = {
    skill_type: type,
    subtype: stringOption(args, 'subtype'),
    difficulty: numeric(stringOption(args, 'difficulty')),
    key_signature: stringOption(args, 'key'),
    duration_bars: numeric(stringOption(args, 'bars')),
    tempo: numeric(stringOption(args, 'tempo')),
    time_signature: stringOption(args, 'meter'),
    special_focus: stringOption(args, 'focus'),
    inversion: numeric(stringOption(args, 'inversion')),
    seed: numeric(stringOption(args, 'seed')),
    count_in: Boolean(args.values['count-in']),
    metronome: Boolean(args.values.metronome),
  };
  for (const name of Object.keys(raw)) if (raw[name] === undefined) delete raw[name];
  const parsed = ExerciseGenerateRequest.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = typeof issue?.path[0] === 'string' ? issue.path[0] : 'request';
    throw flagError(field, issue?.message ?? 'invalid');
  }
  return parsed.data;
}

/** A RequestFieldError (a MusicError with the API field) retold with the option's name. */
function asFlagError(error: unknown): unknown {
  if (error instanceof MusicError && 'field' in error && typeof error.field === 'string') {
    return flagError(error.field, error.message);
  }
  return error;
}

export const exercise: Command = {
  path: ['exercise'],
  summary: 'Generate a practice exercise: scales, arpeggios, progressions, rhythm, sight reading',
  help: `Usage: cadenza exercise TYPE [options]

Writes a practice exercise at a difficulty from 1 to 10, seeded: the same command with the same --seed
gives the same exercise. Without -o or --json it prints the exercise: notes (with fingering for scales
and arpeggios), chords, practice tips and how long it takes.

Arguments:
  TYPE                scales, arpeggios, chord_progressions (or chords), rhythm, sight_reading

Options:
  --subtype S         per type (first is the default; scales also take any of the 32 scales, e.g. dorian):
${SUBTYPE_LINES}
  --difficulty N      1–10 (default 3): octaves, note values, intervals, tempo, hands, keys
  --key K             C, Am, F#, Bb minor (default: a key the difficulty allows)
  --bars N            bars of music, 1–128 (default: one pass)
  --tempo BPM         quarter notes per minute (default: the difficulty's)
  --meter M           rhythm and sight reading: 2/4, 3/4, 4/4, 6/8
  --focus TEXT        e.g. "hands separately", "left hand", "percussion", "triplets"
  --inversion N       arpeggios: only this inversion (0 = root position)
  --count-in          start the audio with a bar of clicks
  --metronome         click every beat under the audio
  --seed N            0 – 2147483647 (default: a fresh one, printed so you can replay it)
  -o FILE             write FILE; repeat for several: .mid, .musicxml, .mxl, .pdf, .png, .svg, .wav, .mp3, …
  --json              print the API's response as JSON (no URLs: nothing is stored)
  -h, --help          show this help

Examples:
  cadenza exercise scales --subtype minor_harmonic --key F# --difficulty 5 -o scale.pdf
  cadenza exercise chords --subtype ii_V_I --key Bb --difficulty 6 -o ii-V-I.mid
  cadenza exercise rhythm --subtype triplets --difficulty 4 --count-in --metronome -o triplets.wav`,
  options: {
    output: { type: 'string', short: 'o', multiple: true },
    subtype: { type: 'string' },
    difficulty: { type: 'string' },
    key: { type: 'string' },
    bars: { type: 'string' },
    tempo: { type: 'string' },
    meter: { type: 'string' },
    focus: { type: 'string' },
    inversion: { type: 'string' },
    seed: { type: 'string' },
    'count-in': { type: 'boolean' },
    metronome: { type: 'boolean' },
  },
  async run(args, io) {
    const [type, ...extra] = args.positionals;
    if (type === undefined)
      throw new UsageError('give an exercise type, e.g. cadenza exercise scales --key G');
    if (extra.length) throw new UsageError(`one exercise type at a time (got also '${extra.join(' ')}')`);
    const outputs = scoreOutputFiles(args);
    const body = exerciseBody(type, args);
    let result: GeneratedPracticeExercise;
    try {
      result = generatePracticeExercise(body);
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
        const files = await exerciseFiles(result, output, (p, stage) => bar.update(p, `${output}: ${stage}`));
        written.push(...(await writeFiles(io, output, files)).map((w) => w.file));
      }
      bar.done(`wrote ${written.join(', ')}`);
      io.stderr(
        `seed ${result.request.seed}: the same command with --seed ${result.request.seed} gives the same exercise\n`,
      );
    }
    if (args.values.json) {
      const urls = { audio_url: null, sheet_music_url: null, midi_url: null, musicxml_url: null };
      io.stdout(JSON.stringify({ exercise_id: null, ...result.report, ...urls }, null, 2) + '\n');
    } else if (!outputs.length) io.stdout(exerciseSummary(result) + '\n');
    return 0;
  },
};

/** The files for one -o: MIDI and MusicXML of the exercise; audio with its count-in and clicks; sheets. */
async function exerciseFiles(
  result: GeneratedPracticeExercise,
  output: string,
  onProgress: (progress: number, stage: string) => void,
): Promise<ExportedFile[]> {
  const format = EXPORT_EXTENSIONS[extname(output).toLowerCase()];
  if (format === 'midi') return [{ bytes: result.midi, mediaType: 'audio/midi', extension: 'mid' }];
  if (format === 'musicxml') {
    const bytes = new TextEncoder().encode(result.musicxml);
    return [{ bytes, mediaType: 'application/vnd.recordare.musicxml+xml', extension: 'musicxml' }];
  }
  if ((AudioExportFormat.options as readonly string[]).includes(format ?? '')) {
    return [
      await exportScoreAudio(result.audioScore, {
        format: format as AudioExportFormat,
        maxSeconds: MAX_SECONDS,
        onProgress,
      }),
    ];
  }
  return exportSheetPages(result.exercise.score, { format: format as SheetExportFormat, onProgress });
}

/** The exercise for people: what it is, its notes with fingers, chords, tips and length. */
export function exerciseSummary(result: GeneratedPracticeExercise): string {
  const { exercise, report } = result;
  const lines = [
    exercise.title,
    exercise.description,
    '',
    `type        ${report.skill_type} / ${report.subtype}, difficulty ${report.difficulty}`,
    `key         ${report.key}, ${report.time_signature}, ♩ = ${report.tempo}, ${report.bars} bars`,
    `length      ${report.estimated_duration} s${report.count_in_bars ? ' (count-in included)' : ''}`,
  ];
  for (const [staff, label] of [
    [1, 'right hand'],
    [2, 'left hand'],
  ] as const) {
    const notes = report.midi_notes.map((n, i) => ({ n, i })).filter(({ n }) => n.staff === staff);
    if (notes.length === 0) continue;
    const fingers = new Map((report.fingering ?? []).map((f) => [f.note_index, f.finger]));
    const pitches = exercise.score.parts
      .flatMap((p) => p.notes)
      .filter((n) => n.staff === staff)
      .sort((a, b) => compare(a.position, b.position) || midiOf(a.pitch) - midiOf(b.pitch));
    const shown = pitches.slice(0, 40).map((p, k) => {
      const finger = fingers.get(notes[k]?.i ?? -1);
      return finger === undefined ? pitchName(p.pitch) : `${pitchName(p.pitch)}(${finger})`;
    });
    lines.push(`${label.padEnd(11)} ${shown.join(' ')}${pitches.length > 40 ? ' …' : ''}`);
  }
  if (report.chords)
    lines.push(`chords      ${report.chords.map((c) => `${c.numeral} (${c.symbol})`).join(' – ')}`);
  lines.push('', 'Practice tips:', ...report.practice_tips.map((t) => `  - ${t}`));
  lines.push(
    '',
    `seed ${result.request.seed}: the same command with --seed ${result.request.seed} gives the same exercise`,
  );
  return lines.join('\n');
}

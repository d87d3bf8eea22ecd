import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import {
  keyAt,
  keySignatureFifths,
  measureMap,
  midiOf,
  MusicError,
  pitchName,
  toNumber,
  ZERO,
  type Measure,
  type Score,
} from '@cadenza/core';
import { detectScoreFormat, readScore } from '@cadenza/formats';
import { expectedNotesFromScore, type ExpectedNote } from '@cadenza/pedagogy';
import {
  exerciseExpectedNotes,
  exerciseKeySpelling,
  exerciseScoreNotes,
  loadConfig,
  loadExercise,
  loadExerciseScore,
  openBlobStore,
  openDatabase,
  spellInKey,
  type KeySpelling,
} from '@cadenza/platform';
import { ResourceId } from '@cadenza/contracts';

/** What a take is graded against, however the exercise was given. */
export interface GradingTarget {
  /** The stored exercise's id, or null for a score file. */
  readonly exerciseId: string | null;
  /** For the heading: the exercise's title or the file's name. */
  readonly title: string;
  readonly notes: readonly ExpectedNote[];
  /** Each note's written name (F#4). */
  readonly names: readonly string[];
  /** Each note's place in the score, "bar:beat" (3:2.5 = bar 3, halfway through beat 2). */
  readonly places: readonly string[];
  readonly key: KeySpelling;
  /** Quarter notes per minute the notes are timed at. */
  readonly tempo: number;
  /** 1–10 for a stored exercise (sets the timing tolerance); undefined for a file. */
  readonly difficulty: number | undefined;
}

const SCORE_EXTENSIONS = new Set(['.mid', '.midi', '.musicxml', '.xml', '.mxl']);

/** "bar:beat" of a position in quarter notes, counting beats in the meter's beat unit. */
export function placeOf(measures: readonly Measure[], quarters: number): string {
  let measure = measures[0];
  for (const m of measures) if (toNumber(m.start) <= quarters + 1e-9) measure = m;
  if (!measure) return '?';
  const beatQuarters = 4 / measure.timeSignature.beatType;
  const beat = (quarters - toNumber(measure.start)) / beatQuarters + 1;
  return `${measure.number}:${Math.round(beat * 100) / 100}`;
}

function spellingOf(score: Score): KeySpelling {
  const key = keyAt(score, ZERO);
  return { fifths: keySignatureFifths(key), minor: key.mode === 'minor' };
}

/** The notes of a score file (MIDI or MusicXML) at its own tempo or `bpm`. */
export async function targetFromFile(path: string, cwd: string, bpm?: number): Promise<GradingTarget> {
  const bytes = new Uint8Array(await readFile(resolve(cwd, path)));
  let score: Score;
  try {
    score = readScore(bytes, detectScoreFormat(bytes));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new MusicError(`the exercise '${path}' is not a readable score: ${message}`);
  }
  const notes = expectedNotesFromScore(score, bpm === undefined ? {} : { bpm });
  if (notes.length === 0) throw new MusicError(`the exercise '${path}' has no notes to play`);
  // expectedNotesFromScore orders by onset then pitch; the written notes in the same order.
  const written = score.parts
    .flatMap((p) => p.notes)
    .map((n) => ({ n, at: toNumber(n.position), midi: midiOf(n.pitch) }))
    .sort((a, b) => a.at - b.at || a.midi - b.midi);
  const measures = measureMap(score);
  return {
    exerciseId: null,
    title: basename(path),
    notes,
    names: written.map((w) => pitchName(w.n.pitch)),
    places: written.map((w) => placeOf(measures, w.at)),
    key: spellingOf(score),
    tempo: bpm ?? score.tempos[0]?.bpm ?? 120,
    difficulty: undefined,
  };
}

/**
 * A stored exercise from the studio's data (CADENZA_DATA_DIR or ./.cadenza, its database and blob store,
 * as `cadenza serve` uses them), at its tempo or `bpm`.
 */
export async function targetFromStudio(
  id: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
  bpm?: number,
): Promise<GradingTarget> {
  const config = loadConfig(env, cwd);
  if (config.databaseUrl.startsWith('sqlite:') && !existsSync(config.databaseUrl.slice('sqlite:'.length))) {
    throw new MusicError(
      `no exercise '${id}': there is no studio data in ${config.dataDir} (set CADENZA_DATA_DIR to the ` +
        "server's, or pass the exercise as a .mid or .musicxml file)",
    );
  }
  const database = await openDatabase(config);
  try {
    const blobs = openBlobStore(config, database);
    const record = await loadExercise(blobs, id);
    if (!record) {
      throw new MusicError(`no exercise has the id '${id}' in the studio data at ${config.dataDir}`);
    }
    const score = await loadExerciseScore(blobs, record);
    const written = exerciseScoreNotes(record, score);
    const measures = score ? measureMap(score) : [];
    const quarter = 60 / record.report.tempo;
    const stretch = bpm === undefined ? 1 : record.report.tempo / bpm;
    const key = exerciseKeySpelling(record);
    return {
      exerciseId: id,
      title: record.report.title,
      notes: exerciseExpectedNotes(record).map((n) => ({
        ...n,
        onset: n.onset * stretch,
        duration: n.duration * stretch,
      })),
      names: record.report.midi_notes.map((n, i) => {
        const note = written[i];
        return note ? pitchName(note.pitch) : spellInKey(n.midi, key);
      }),
      places: record.report.midi_notes.map((n) => placeOf(measures, n.start / quarter)),
      key,
      tempo: bpm ?? record.report.tempo,
      difficulty: record.report.difficulty,
    };
  } finally {
    await database.close();
  }
}

/**
 * The exercise as the user named it: a score file when one exists at that path or it has a score's
 * extension, else a stored exercise's id.
 */
export async function gradingTarget(
  exercise: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
  bpm?: number,
): Promise<GradingTarget> {
  const isFile = existsSync(resolve(cwd, exercise)) || SCORE_EXTENSIONS.has(extname(exercise).toLowerCase());
  if (isFile || !ResourceId.safeParse(exercise).success) return targetFromFile(exercise, cwd, bpm);
  return targetFromStudio(exercise, cwd, env, bpm);
}

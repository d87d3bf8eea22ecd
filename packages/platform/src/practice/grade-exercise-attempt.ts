import {
  keySignatureFifths,
  midiOf,
  parseKey,
  pitchName,
  toNumber,
  type Note,
  type Score,
} from '@cadenza/core';
import { readMusicXml } from '@cadenza/formats';
import { gradeAttempt, type ExpectedNote, type PlayedNote } from '@cadenza/pedagogy';
import type { BlobStore } from '../blobs/blob-store.js';
import type { PracticeAttemptSource } from '../db/repositories/practice-attempts.js';
import { attemptReport, type AttemptReport, type KeySpelling } from './attempt-report.js';
import { loadExercise, type ExerciseRecord } from './generate-exercise.js';
import { gradeAttemptFile } from './grade-attempt.js';

/** A take: notes a MIDI keyboard played (seconds from the take's start), or a recording or .mid file. */
export type ExerciseAttemptTake =
  | {
      readonly kind: 'notes';
      readonly notes: readonly PlayedNote[];
      /** The notes were read from a file by the client, not played live on a keyboard. */
      readonly fromFile?: boolean;
    }
  | { readonly kind: 'file'; readonly bytes: Uint8Array; readonly fileName?: string };

export interface GradedExerciseAttempt {
  readonly record: ExerciseRecord;
  readonly report: AttemptReport;
  readonly source: PracticeAttemptSource;
  /** What the audio front end noticed ("the first 3.2 s are silent"); empty for MIDI. */
  readonly warnings: readonly string[];
}

export interface ExerciseAttemptOptions {
  /** Refuse longer recordings (config.maxAudioSeconds). */
  readonly maxSeconds?: number;
}

/** The notes a stored exercise expects, in the order of its `midi_notes`, in seconds at its tempo. */
export function exerciseExpectedNotes(record: ExerciseRecord): ExpectedNote[] {
  return record.report.midi_notes.map((n) => ({ midi: n.midi, onset: n.start, duration: n.duration }));
}

/** The spelling of the exercise's key ("F# minor", "D dorian"). */
export function exerciseKeySpelling(record: ExerciseRecord): KeySpelling {
  const key = parseKey(record.report.key);
  return { fifths: keySignatureFifths(key), minor: key.mode === 'minor' };
}

/** The stored exercise's score, read from its MusicXML; undefined when that blob is gone. */
export async function loadExerciseScore(
  blobs: BlobStore,
  record: ExerciseRecord,
): Promise<Score | undefined> {
  const blob = await blobs.get(record.musicxmlBlob);
  if (!blob) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of blob.stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return readMusicXml(Buffer.concat(chunks).toString('utf8'));
}

/**
 * Each of the exercise's `midi_notes` matched to its note in the score (same onset and pitch), e.g. for
 * its written name (so an exercise's E♯ stays E♯); undefined where none matches.
 */
export function exerciseScoreNotes(record: ExerciseRecord, score: Score | undefined): (Note | undefined)[] {
  const quarter = 60 / record.report.tempo;
  const key = (quarters: number, midi: number) => `${Math.round(quarters * 480)}:${midi}`;
  const notes = new Map<string, Note>();
  for (const note of score?.parts.flatMap((p) => p.notes) ?? []) {
    notes.set(key(toNumber(note.position), midiOf(note.pitch)), note);
  }
  return record.report.midi_notes.map((n) => notes.get(key(n.start / quarter, n.midi)));
}

/**
 * Grades a take against a stored exercise (`loadExercise`): MIDI notes as they are, a .mid file read in
 * seconds, a recording transcribed (see gradeAttemptFile). The exercise's tempo and difficulty set the
 * tempo reported and the timing tolerance. Undefined when no exercise has this id; errors as
 * gradeAttemptFile (DecodeError, TranscriptionError for a silent take, MusicError for a broken .mid).
 */
export async function gradeExerciseAttempt(
  blobs: BlobStore,
  exerciseId: string,
  take: ExerciseAttemptTake,
  options: ExerciseAttemptOptions = {},
): Promise<GradedExerciseAttempt | undefined> {
  const record = await loadExercise(blobs, exerciseId);
  if (!record) return undefined;
  const expected = exerciseExpectedNotes(record);
  const gradeOptions = { expectedBpm: record.report.tempo, difficulty: record.report.difficulty };
  let graded: { grade: ReturnType<typeof gradeAttempt>; played: readonly PlayedNote[] };
  let source: PracticeAttemptSource;
  let warnings: readonly string[] = [];
  if (take.kind === 'notes') {
    const played = [...take.notes].sort((a, b) => a.onset - b.onset || a.midi - b.midi);
    graded = { grade: gradeAttempt(expected, played, gradeOptions), played };
    source = take.fromFile ? 'midi-file' : 'midi-keyboard';
  } else {
    const file = await gradeAttemptFile(expected, take.bytes, {
      ...gradeOptions,
      ...(take.fileName !== undefined ? { fileName: take.fileName } : {}),
      ...(options.maxSeconds !== undefined ? { maxSeconds: options.maxSeconds } : {}),
    });
    graded = file;
    source = file.source === 'midi' ? 'midi-file' : 'audio';
    warnings = file.warnings;
  }
  const report = attemptReport({
    grade: graded.grade,
    expected,
    played: graded.played,
    expectedNames: exerciseScoreNotes(record, await loadExerciseScore(blobs, record)).map((n) =>
      n ? pitchName(n.pitch) : undefined,
    ),
    key: exerciseKeySpelling(record),
    tempoExpected: record.report.tempo,
  });
  return { record, report, source, warnings };
}

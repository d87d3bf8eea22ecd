import { randomInt } from 'node:crypto';
import { keyName, midiOf, pitchName, type Score } from '@cadenza/core';
import type { ExerciseGenerateRequest, ExerciseResponse } from '@cadenza/contracts';
import { writeMidi, writeMusicXml } from '@cadenza/formats';
import {
  exerciseMidiNotes,
  generateExercise,
  practiceAudioScore,
  type Exercise,
  type ExerciseFields,
} from '@cadenza/pedagogy';
import type { BlobStore } from '../blobs/blob-store.js';
import { MIDI_MEDIA_TYPE, MUSICXML_MEDIA_TYPE } from '../generate/store-generation.js';

/** The response without what storing gives (the id and the URLs built from it). */
export type ExerciseReport = Omit<
  ExerciseResponse,
  'exercise_id' | 'audio_url' | 'sheet_music_url' | 'midi_url' | 'musicxml_url'
>;

/** One generated exercise with everything each door needs. */
export interface GeneratedPracticeExercise {
  /** The request with its seed filled in: generating it again gives the same exercise. */
  readonly request: ExerciseGenerateRequest & { readonly seed: number };
  readonly exercise: Exercise;
  readonly midi: Uint8Array;
  readonly musicxml: string;
  /** What the audio plays: the exercise after its count-in, with clicks if asked for. */
  readonly audioScore: Score;
  readonly report: ExerciseReport;
}

function fields(body: ExerciseGenerateRequest, seed: number): ExerciseFields {
  return {
    skillType: body.skill_type,
    difficulty: body.difficulty,
    includeSheetMusic: body.include_sheet_music,
    countIn: body.count_in,
    seed,
    ...(body.subtype !== undefined ? { subtype: body.subtype } : {}),
    ...(body.key_signature !== undefined ? { keySignature: body.key_signature } : {}),
    ...(body.duration_bars !== undefined ? { durationBars: body.duration_bars } : {}),
    ...(body.tempo !== undefined ? { tempo: body.tempo } : {}),
    ...(body.time_signature !== undefined ? { timeSignature: body.time_signature } : {}),
    ...(body.special_focus !== undefined ? { specialFocus: body.special_focus } : {}),
    ...(body.inversion !== undefined ? { inversion: body.inversion } : {}),
  };
}

/** The spec's fields from an exercise (everything but the id and URLs). */
export function exerciseReport(exercise: Exercise, musicxml: string): ExerciseReport {
  const midiNotes = exerciseMidiNotes(exercise);
  const secondsPerQuarter = 60 / exercise.tempo;
  const fingering =
    exercise.fingering?.map((f) => {
      const start = (f.position.n / f.position.d) * secondsPerQuarter;
      const index = midiNotes.findIndex(
        (m) => m.staff === f.staff && Math.abs(m.start - start) < 1e-9 && m.midi === midiOf(f.pitch),
      );
      return { hand: f.hand, note_index: index, note: pitchName(f.pitch), finger: f.finger };
    }) ?? null;
  return {
    title: exercise.title,
    description: exercise.description,
    skill_type: exercise.skillType,
    subtype: exercise.subtype,
    difficulty: exercise.difficulty,
    key: keyName(exercise.key),
    time_signature: `${exercise.timeSignature.beats}/${exercise.timeSignature.beatType}`,
    tempo: exercise.tempo,
    bars: exercise.bars,
    midi_notes: midiNotes,
    estimated_duration: exercise.estimatedDuration,
    count_in_bars: exercise.countInBars,
    practice_tips: [...exercise.practiceTips],
    fingering,
    chords:
      exercise.chords?.map((c) => ({
        numeral: c.numeral,
        symbol: c.symbol,
        start: (c.position.n / c.position.d) * secondsPerQuarter,
        bass: pitchName(c.bass),
        upper: c.upper.map((p) => pitchName(p)),
      })) ?? null,
    musicxml,
    seed: exercise.seed,
  };
}

/**
 * Generates a practice exercise for a validated request body: a fresh seed when none is given; bad
 * fields throw `RequestFieldError` naming the field (the server answers 400). Writes MIDI and MusicXML
 * and the score the audio plays (count-in and metronome clicks).
 */
export function generatePracticeExercise(body: ExerciseGenerateRequest): GeneratedPracticeExercise {
  const seed = body.seed ?? randomInt(0, 2 ** 31 - 1);
  const exercise = generateExercise(fields(body, seed));
  const musicxml = writeMusicXml(exercise.score);
  return {
    request: { ...body, seed },
    exercise,
    midi: writeMidi(exercise.score),
    musicxml,
    audioScore: practiceAudioScore(exercise, { metronome: body.metronome }),
    report: exerciseReport(exercise, musicxml),
  };
}

/** Where a stored exercise's files are served (the HTTP routes follow these paths). */
export function exerciseUrls(
  id: string,
  includeSheetMusic: boolean,
): Pick<ExerciseResponse, 'audio_url' | 'sheet_music_url' | 'midi_url' | 'musicxml_url'> {
  return {
    audio_url: `/exercises/${id}/audio.wav`,
    sheet_music_url: includeSheetMusic ? `/exercises/${id}/score.pdf` : null,
    midi_url: `/exercises/${id}/score.mid`,
    musicxml_url: `/exercises/${id}/score.musicxml`,
  };
}

/** What storing an exercise needs: a generated one, or another piece in its shape (a song, `songAsExercise`). */
export type StorableExercise = Pick<GeneratedPracticeExercise, 'request' | 'report' | 'midi' | 'musicxml'>;

/** The stored record of an exercise: the request that makes it again, its report and its files. */
export interface ExerciseRecord {
  readonly request: GeneratedPracticeExercise['request'];
  readonly report: ExerciseReport;
  readonly midiBlob: string;
  readonly musicxmlBlob: string;
}

export const EXERCISE_MEDIA_TYPE = 'application/vnd.cadenza.exercise+json';

/**
 * Keeps an exercise so its id can be fetched again (GET /exercises/{id}) and attempts graded against it:
 * MIDI and MusicXML in the blob store and a small JSON record pointing at them, whose blob id is the
 * exercise id.
 */
export async function storeExercise(
  blobs: BlobStore,
  generated: StorableExercise,
): Promise<{ readonly id: string; readonly record: ExerciseRecord; readonly response: ExerciseResponse }> {
  const midi = await blobs.put(generated.midi, { mediaType: MIDI_MEDIA_TYPE });
  const xml = await blobs.put(Buffer.from(generated.musicxml, 'utf8'), { mediaType: MUSICXML_MEDIA_TYPE });
  const record: ExerciseRecord = {
    request: generated.request,
    report: generated.report,
    midiBlob: midi.id,
    musicxmlBlob: xml.id,
  };
  const stored = await blobs.put(Buffer.from(JSON.stringify(record), 'utf8'), {
    mediaType: EXERCISE_MEDIA_TYPE,
  });
  return { id: stored.id, record, response: exerciseResponse(stored.id, record) };
}

/** The record of a stored exercise, or undefined when the id is not one. */
export async function loadExercise(blobs: BlobStore, id: string): Promise<ExerciseRecord | undefined> {
  const blob = await blobs.get(id);
  if (!blob) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of blob.stream) chunks.push(Buffer.from(chunk as Uint8Array));
  if (blob.mediaType !== EXERCISE_MEDIA_TYPE) return undefined;
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as ExerciseRecord;
}

/** The API response for a stored exercise. */
export function exerciseResponse(id: string, record: ExerciseRecord): ExerciseResponse {
  return { exercise_id: id, ...record.report, ...exerciseUrls(id, record.request.include_sheet_music) };
}

/** A stored exercise made again from its request (same seed, same notes), e.g. for its audio or grading. */
export function regenerateExercise(record: ExerciseRecord): GeneratedPracticeExercise {
  return generatePracticeExercise(record.request);
}

import type { InstrumentHint } from '@cadenza/analysis';
import { decodeMidiFile, type MidiFile } from '@cadenza/formats';
import {
  gradeAttempt,
  type AttemptGrade,
  type ExpectedNote,
  type GradeOptions,
  type PlayedNote,
} from '@cadenza/pedagogy';
import { transcribeAudio } from '../transcribe/transcribe-audio.js';

/**
 * Transcribed notes quieter than this MIDI velocity are dropped before grading: the transcriber hears a
 * piano's release tail as a few notes at velocity ~1, while played notes come out at 49 or more
 * (bench:grading).
 */
export const QUIETEST_PLAYED_VELOCITY = 16;

export interface AttemptFileOptions extends GradeOptions {
  /** The upload's name, for messages and to help the decoder. */
  readonly fileName?: string;
  /** What was played into the microphone [piano]. */
  readonly instrument?: InstrumentHint;
  /** Refuse longer recordings. */
  readonly maxSeconds?: number;
}

/** A graded take, with the notes that were heard or read and how. */
export interface GradedAttemptFile {
  readonly grade: AttemptGrade;
  /** `midi` for a Standard MIDI File, `audio` for a recording that was transcribed. */
  readonly source: 'midi' | 'audio';
  readonly played: readonly PlayedNote[];
  /** What the audio front end noticed ("the first 3.2 s are silent"); empty for MIDI. */
  readonly warnings: readonly string[];
}

/** True when the bytes are a Standard MIDI File ('MThd' header). */
export function isMidiFile(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x4d && bytes[1] === 0x54 && bytes[2] === 0x68 && bytes[3] === 0x64
  );
}

/**
 * Grades a take given as file bytes: a MIDI performance (e.g. recorded from a MIDI keyboard) is read as
 * played notes in seconds; anything else is decoded as audio (WAV, MP3, FLAC, Ogg, AAC/M4A/WebM…) and
 * transcribed by the monophonic path. Errors: MusicError for a broken MIDI file, DecodeError for
 * unreadable audio, TranscriptionError for a silent recording or one without notes.
 */
export async function gradeAttemptFile(
  expected: readonly ExpectedNote[],
  bytes: Uint8Array,
  options: AttemptFileOptions = {},
): Promise<GradedAttemptFile> {
  if (isMidiFile(bytes)) {
    const played = playedNotesFromMidi(bytes);
    return { grade: gradeAttempt(expected, played, options), source: 'midi', played, warnings: [] };
  }
  const heard = await transcribeAudio(bytes, {
    mode: 'mono',
    instrument: options.instrument ?? 'piano',
    ...(options.fileName ? { fileName: options.fileName } : {}),
    ...(options.maxSeconds !== undefined ? { maxSeconds: options.maxSeconds } : {}),
  });
  const played = heard.analysis.notes
    .filter((n) => n.velocity >= QUIETEST_PLAYED_VELOCITY)
    .map((n): PlayedNote => ({ onset: n.onset, offset: n.offset, midi: n.midi, velocity: n.velocity }));
  return {
    grade: gradeAttempt(expected, played, options),
    source: 'audio',
    played,
    warnings: heard.warnings,
  };
}

/**
 * The notes of a MIDI performance in seconds (through every track's tempo changes), in onset order.
 * Drums (channel 10) are left out; a note still held at the end of its track ends there.
 */
export function playedNotesFromMidi(bytes: Uint8Array): PlayedNote[] {
  const file = decodeMidiFile(bytes);
  const seconds = tickClock(file);
  const notes: PlayedNote[] = [];
  for (const track of file.tracks) {
    const held = new Map<string, { tick: number; key: number; velocity: number }>();
    const close = (id: string, tick: number) => {
      const on = held.get(id);
      if (!on) return;
      held.delete(id);
      const onset = seconds(on.tick);
      notes.push({ onset, offset: Math.max(seconds(tick), onset), midi: on.key, velocity: on.velocity });
    };
    let last = 0;
    for (const e of track) {
      last = Math.max(last, e.tick);
      if (e.type !== 'noteOn' && e.type !== 'noteOff') continue;
      if (e.channel === 9) continue;
      const id = `${e.channel}:${e.key}`;
      close(id, e.tick);
      if (e.type === 'noteOn') held.set(id, { tick: e.tick, key: e.key, velocity: e.velocity });
    }
    for (const id of [...held.keys()]) close(id, last);
  }
  return notes.sort((a, b) => a.onset - b.onset || a.midi - b.midi);
}

/** Ticks → seconds through the file's tempo changes (♩ = 120 until the first). */
function tickClock(file: MidiFile): (tick: number) => number {
  const tempos = file.tracks
    .flat()
    .flatMap((e) => (e.type === 'setTempo' ? [{ tick: e.tick, us: e.microsecondsPerQuarter }] : []))
    .sort((a, b) => a.tick - b.tick);
  const perTick = (us: number) => us / 1e6 / file.ticksPerQuarter;
  // Seconds at each tempo change, so a lookup is one segment.
  const marks: { tick: number; at: number; us: number }[] = [{ tick: 0, at: 0, us: 500_000 }];
  for (const t of tempos) {
    const prev = marks[marks.length - 1] as { tick: number; at: number; us: number };
    marks.push({ tick: t.tick, at: prev.at + (t.tick - prev.tick) * perTick(prev.us), us: t.us });
  }
  return (tick) => {
    let m = marks[0] as { tick: number; at: number; us: number };
    for (const x of marks) if (x.tick <= tick) m = x;
    return m.at + (tick - m.tick) * perTick(m.us);
  };
}

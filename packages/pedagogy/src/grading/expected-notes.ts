import {
  beatsToSeconds,
  midiOf,
  MusicError,
  tempoMap,
  toNumber,
  ZERO,
  type Bpm,
  type Score,
} from '@cadenza/core';
import type { ExpectedNote } from './grading-types.js';

export interface ExpectedNotesOptions {
  /**
   * Play the whole score at this tempo (quarter notes per minute) instead of its own tempo marks;
   * tempo changes keep their proportions to the first mark.
   */
  readonly bpm?: number;
  /** Only these parts (ids); all parts by default. */
  readonly partIds?: readonly string[];
}

/**
 * The notes a score asks for, in seconds at its tempo (or `bpm`), sorted by onset then pitch. Notes
 * that start together are a chord. Notated time only: performance offsets in the score are ignored.
 */
export function expectedNotesFromScore(score: Score, options: ExpectedNotesOptions = {}): ExpectedNote[] {
  if (options.bpm !== undefined && !(options.bpm > 0 && Number.isFinite(options.bpm))) {
    throw new MusicError(`tempo must be a positive number of beats per minute, got ${options.bpm}`);
  }
  const first = score.tempos[0]?.bpm ?? 120;
  const scale = options.bpm === undefined ? 1 : options.bpm / first;
  const map = tempoMap(
    (score.tempos.length ? score.tempos : [{ position: ZERO, bpm: first }]).map((t) => ({
      position: t.position,
      bpm: (t.bpm * scale) as Bpm,
    })),
  );
  const parts = options.partIds ? score.parts.filter((p) => options.partIds?.includes(p.id)) : score.parts;
  if (options.partIds && parts.length !== options.partIds.length) {
    const missing = options.partIds.filter((id) => !score.parts.some((p) => p.id === id));
    throw new MusicError(`the score has no part ${missing.map((id) => `'${id}'`).join(', ')}`);
  }
  const notes = parts.flatMap((part) =>
    part.notes.map((note): ExpectedNote => {
      const start = toNumber(note.position);
      const onset = beatsToSeconds(map, start);
      return {
        midi: midiOf(note.pitch),
        onset,
        duration: beatsToSeconds(map, start + toNumber(note.duration)) - onset,
      };
    }),
  );
  return notes.sort((a, b) => a.onset - b.onset || a.midi - b.midi);
}

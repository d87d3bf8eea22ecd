import { compare, eq, lt, type Rational } from '../../time/rational.js';
import type { VoiceLine, VoiceNote } from './types.js';

/** What one voice sounds at a verticality. */
export interface SoundingNote {
  readonly note: VoiceNote;
  /** Index of the note in its voice line, which tells a held note from a new one. */
  readonly index: number;
  /** True when the note begins here; false when it is held over from earlier. */
  readonly attack: boolean;
}

/** A vertical slice of the texture: a position where at least one voice attacks a note. */
export interface Verticality {
  readonly position: Rational;
  /** One entry per voice, same order as the voices; undefined where that voice rests. */
  readonly sounding: readonly (SoundingNote | undefined)[];
}

/** Every position where any voice attacks, with what each voice sounds there (held notes included). */
export function buildVerticalities(voices: readonly VoiceLine[]): Verticality[] {
  const positions = uniqueSorted(voices.flatMap((v) => v.notes.map((n) => n.start)));
  const cursors = voices.map(() => 0);
  return positions.map((position) => ({
    position,
    sounding: voices.map((voice, k) => {
      let i = cursors[k] ?? 0;
      // Notes never overlap, so the note sounding here is the last one starting at or before it.
      while (i + 1 < voice.notes.length && compare((voice.notes[i + 1] as VoiceNote).start, position) <= 0)
        i++;
      cursors[k] = i;
      const note = voice.notes[i];
      if (!note || lt(position, note.start) || !lt(position, note.end)) return undefined;
      return { note, index: i, attack: eq(note.start, position) };
    }),
  }));
}

/**
 * True when a voice goes from `a` to `b` without a rest between them: the same note held, or the
 * next note starting exactly where the previous one ends. A rest breaks the line, so nothing is a
 * parallel across it.
 */
export function isConnected(a: SoundingNote, b: SoundingNote): boolean {
  if (a.index === b.index) return true;
  return b.index === a.index + 1 && eq(a.note.end, b.note.start);
}

function uniqueSorted(values: readonly Rational[]): Rational[] {
  const sorted = [...values].sort(compare);
  return sorted.filter((v, i) => i === 0 || !eq(v, sorted[i - 1] as Rational));
}

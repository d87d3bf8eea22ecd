/**
 * Octave errors in a monophonic line: a pitch tracker that locks onto the second harmonic (or the
 * sub-octave) for one short note makes it leap an octave away and back. A note an octave (10–14
 * semitones) from both neighbours, which lie within a fifth of each other, and that is short (at most a
 * beat) or doubtful (confidence < 0.5), is moved by the octave that puts it within a fifth of both.
 */

export interface OctaveCandidate {
  readonly midi: number;
  /** Performed length in beats. */
  readonly beats: number;
  readonly confidence?: number;
}

const FIFTH = 7;

/** The corrected MIDI numbers, in input order (the input is one line, sorted by onset). */
export function fixOctaveErrors(line: readonly OctaveCandidate[]): number[] {
  const out = line.map((n) => n.midi);
  for (let i = 1; i < line.length - 1; i++) {
    const prev = out[i - 1] as number;
    const next = (line[i + 1] as OctaveCandidate).midi;
    const note = line[i] as OctaveCandidate;
    if (Math.abs(prev - next) > FIFTH) continue;
    if (!(note.beats <= 1 || (note.confidence ?? 1) < 0.5)) continue;
    const far = (a: number, b: number): boolean => Math.abs(a - b) >= 10 && Math.abs(a - b) <= 14;
    if (!far(note.midi, prev) || !far(note.midi, next)) continue;
    for (const shift of [12, -12]) {
      const moved = note.midi + shift;
      if (Math.abs(moved - prev) <= FIFTH && Math.abs(moved - next) <= FIFTH) {
        out[i] = moved;
        break;
      }
    }
  }
  return out;
}

/** One line: no two onsets within 50 ms and no note overlapping the next by half its own length. */
export function isMonophonic(notes: readonly { onset: number; offset: number }[]): boolean {
  for (let i = 1; i < notes.length; i++) {
    const a = notes[i - 1] as { onset: number; offset: number };
    const b = notes[i] as { onset: number; offset: number };
    if (b.onset - a.onset < 0.05) return false;
    if (a.offset - b.onset > 0.5 * (a.offset - a.onset)) return false;
  }
  return true;
}

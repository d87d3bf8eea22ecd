/**
 * Turns a part's notes into chords per staff and voice, and cuts them at barlines. A chord that would
 * overlap an earlier one in its own voice (which MusicXML cannot show) moves to a spare voice of the
 * same staff, so every written voice adds up to exactly one measure.
 */
import {
  add,
  compare,
  gt,
  lt,
  lte,
  max,
  midiOf,
  min,
  MusicError,
  pitchName,
  sub,
  type Measure,
  type Note,
  type Part,
  type Rational,
} from '@cadenza/core';
import type { ChordSpan } from './voice-layout.js';

export interface VoiceChord {
  readonly position: Rational;
  readonly duration: Rational;
  readonly staff: number;
  readonly voice: number;
  readonly notes: readonly Note[];
}

function checkNote(n: Note, part: Part): void {
  const where = `${pitchName(n.pitch)} in ${part.name}`;
  if (n.position.n < 0) throw new MusicError(`${where} starts before the beginning of the score`);
  if (n.duration.n <= 0) throw new MusicError(`${where} has no length: a note's duration must be positive`);
  if (!Number.isInteger(n.staff) || n.staff < 1)
    throw new MusicError(`${where} is on staff ${n.staff}: staves count from 1`);
  if (!Number.isInteger(n.voice) || n.voice < 1)
    throw new MusicError(`${where} is in voice ${n.voice}: voices count from 1`);
}

/** Chords of each staff and voice, sorted by staff, position and voice; overlaps moved to spare voices. */
export function voiceChords(part: Part): VoiceChord[] {
  const groups = new Map<string, Note[]>();
  for (const n of part.notes) {
    checkNote(n, part);
    const key = `${n.staff}|${n.voice}|${n.position.n}/${n.position.d}|${n.duration.n}/${n.duration.d}`;
    const list = groups.get(key);
    if (list) list.push(n);
    else groups.set(key, [n]);
  }
  const chords = [...groups.values()].map((notes): VoiceChord => {
    const first = notes[0] as Note;
    const sorted = [...notes].sort((a, b) => midiOf(a.pitch) - midiOf(b.pitch));
    return {
      position: first.position,
      duration: first.duration,
      staff: first.staff,
      voice: first.voice,
      notes: sorted,
    };
  });
  chords.sort((a, b) => a.staff - b.staff || compare(a.position, b.position) || a.voice - b.voice);
  const out: VoiceChord[] = [];
  const ends = new Map<string, Rational>();
  const maxVoice = new Map<number, number>();
  for (const c of chords) maxVoice.set(c.staff, Math.max(maxVoice.get(c.staff) ?? 0, c.voice));
  const spares = new Map<number, number[]>();
  for (const c of chords) {
    const fits = (voice: number): boolean => {
      const end = ends.get(`${c.staff}|${voice}`);
      return end === undefined || lte(end, c.position);
    };
    let voice = c.voice;
    if (!fits(voice)) {
      const staffSpares = spares.get(c.staff) ?? [];
      const free = staffSpares.find(fits);
      if (free !== undefined) voice = free;
      else {
        voice = (maxVoice.get(c.staff) ?? 0) + staffSpares.length + 1;
        spares.set(c.staff, [...staffSpares, voice]);
      }
    }
    ends.set(`${c.staff}|${voice}`, add(c.position, c.duration));
    out.push({ ...c, voice });
  }
  return out;
}

/** Index of the measure holding a position (the last one whose start is at or before it). */
export function measureIndexAt(measures: readonly Measure[], position: Rational): number {
  let lo = 0;
  let hi = measures.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lte((measures[mid] as Measure).start, position)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Spans of each measure, keyed by `${staff}|${voice}`, in time order within each voice. */
export function spansByMeasure(
  chords: readonly VoiceChord[],
  measures: readonly Measure[],
): Map<string, ChordSpan[]>[] {
  const out = measures.map(() => new Map<string, ChordSpan[]>());
  for (const c of chords) {
    const end = add(c.position, c.duration);
    for (let i = measureIndexAt(measures, c.position); i < measures.length; i++) {
      const m = measures[i] as Measure;
      const mEnd = add(m.start, m.length);
      if (!lt(m.start, end)) break;
      const from = max(c.position, m.start);
      const to = min(end, mEnd);
      const span: ChordSpan = {
        offset: sub(from, m.start),
        duration: sub(to, from),
        notes: c.notes.map((n) => ({
          pitch: n.pitch,
          tieIn: gt(from, c.position),
          tieOut: lt(to, end),
          articulations: n.articulations ?? [],
        })),
      };
      const key = `${c.staff}|${c.voice}`;
      const list = out[i]?.get(key);
      if (list) list.push(span);
      else out[i]?.set(key, [span]);
    }
  }
  return out;
}

import { MusicError } from '../../errors.js';
import { midiOf } from '../../pitch/pitch.js';
import { add, compare, lt } from '../../time/rational.js';
import type { Note, Part, Score } from '../../score/score.js';
import type { VoiceLine, VoiceNote, VoiceSource } from './types.js';

/** The conventional names of a four-part texture, highest first. */
export const SATB_NAMES = ['soprano', 'alto', 'tenor', 'bass'] as const;

/**
 * Splits a score into its voices, one per (part, staff, voice) stream, ordered from highest to
 * lowest by mean pitch, so four chorale parts come out as soprano, alto, tenor, bass.
 *
 * A stream is reduced to a line of single notes: where a voice holds a chord, the top note stands
 * for it (the melodic line a listener follows in that voice), and a note is cut short where the next
 * note of the same voice begins, so the line never overlaps itself.
 *
 * @param voiceNames names highest first, one per voice; default soprano…bass for four voices,
 *   otherwise the part name (with staff and voice when the part has several streams).
 */
export function extractVoices(score: Score, voiceNames?: readonly string[]): VoiceLine[] {
  const streams: Array<{ source: VoiceSource; part: Part; notes: Note[] }> = [];
  for (const part of score.parts) {
    const byKey = new Map<string, Note[]>();
    for (const note of part.notes) {
      const key = `${note.staff}/${note.voice}`;
      const list = byKey.get(key);
      if (list) list.push(note);
      else byKey.set(key, [note]);
    }
    const groups = [...byKey.values()].sort(
      (a, b) => (a[0] as Note).staff - (b[0] as Note).staff || (a[0] as Note).voice - (b[0] as Note).voice,
    );
    for (const notes of groups) {
      const first = notes[0] as Note;
      streams.push({ source: { partId: part.id, staff: first.staff, voice: first.voice }, part, notes });
    }
  }
  const lines = streams.map((s) => ({ source: s.source, part: s.part, notes: toLine(s.notes) }));
  const withMeans = lines.map((l) => ({ ...l, meanMidi: mean(l.notes.map((n) => n.midi)) }));
  // Stable order for ties: score order of parts, then staff, then voice.
  withMeans.sort((a, b) => b.meanMidi - a.meanMidi);
  if (voiceNames && voiceNames.length !== withMeans.length) {
    throw new MusicError(
      `${voiceNames.length} voice names were given but the score has ${withMeans.length} voices (one per part, staff and voice)`,
    );
  }
  const names = voiceNames ?? defaultNames(withMeans);
  return withMeans.map((l, i) => ({
    source: l.source,
    name: names[i] ?? `voice ${i + 1}`,
    notes: l.notes,
    meanMidi: l.meanMidi,
  }));
}

function toLine(notes: readonly Note[]): VoiceNote[] {
  const sorted = [...notes].sort(
    (a, b) => compare(a.position, b.position) || midiOf(b.pitch) - midiOf(a.pitch),
  );
  const line: VoiceNote[] = [];
  for (const note of sorted) {
    const last = line[line.length - 1];
    // Same onset as the previous note: a chord, whose top note (sorted first) already stands for it.
    if (last && compare(last.start, note.position) === 0) continue;
    if (last && lt(note.position, last.end)) line[line.length - 1] = { ...last, end: note.position };
    line.push({
      pitch: note.pitch,
      midi: midiOf(note.pitch),
      start: note.position,
      end: add(note.position, note.duration),
    });
  }
  return line;
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
}

function defaultNames(lines: ReadonlyArray<{ source: VoiceSource; part: Part }>): string[] {
  if (lines.length === SATB_NAMES.length) return [...SATB_NAMES];
  const streamsPerPart = new Map<string, number>();
  for (const l of lines) streamsPerPart.set(l.source.partId, (streamsPerPart.get(l.source.partId) ?? 0) + 1);
  const names = lines.map((l) =>
    (streamsPerPart.get(l.source.partId) ?? 0) > 1
      ? `${l.part.name} staff ${l.source.staff} voice ${l.source.voice}`
      : l.part.name,
  );
  // Two parts may share a name ("Violin", "Violin"): the part id tells them apart.
  return names.map((n, i) =>
    names.indexOf(n) !== names.lastIndexOf(n) ? `${n} (${lines[i]?.source.partId})` : n,
  );
}

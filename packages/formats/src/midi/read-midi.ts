import {
  compare,
  createScore,
  isMinorLike,
  keySignatureFifths,
  rat,
  spellMidi,
  type Clef,
  type KeyChange,
  type Note,
  type PartInit,
  type Score,
  type Span,
} from '@cadenza/core';
import { decodeMidiFile } from './midi-decode.js';
import { readConductor } from './read-conductor.js';
import { ticksToQuarters } from './ticks.js';
import { channelTracks, type ChannelTrack } from './track-notes.js';
import { parseMidiTrackName, type TrackRole } from './track-naming.js';

export interface ReadMidiOptions {
  /** Stored as `metadata.source`, e.g. the file name. */
  readonly source?: string;
}

const PERCUSSION_CHANNEL = 9;

interface PartDraft {
  name: string;
  channel: number;
  program: number;
  staves: number;
  slots: Set<string>;
  units: { unit: ChannelTrack; role: TrackRole }[];
}

/** The name a unit's part gets when the file does not say (format 0, unnamed or multi-channel tracks). */
function roleOf(unit: ChannelTrack, format: number, channelsInTrack: number): TrackRole {
  const channelName = unit.channel === PERCUSSION_CHANNEL ? 'Drums' : `Channel ${unit.channel + 1}`;
  if (format === 0) return { partName: channelName, staff: 1, voice: 1, stavesAtLeast: 1 };
  const named =
    unit.trackName.trim() === '' ? (unit.instrumentName ?? `Track ${unit.trackIndex}`) : unit.trackName;
  const role = parseMidiTrackName(named, unit.instrumentName);
  return channelsInTrack > 1 ? { ...role, partName: `${role.partName} (${channelName})` } : role;
}

/** Groups consecutive units of one part: same part name and channel, and a staff/voice not yet taken. */
function groupParts(units: readonly ChannelTrack[], format: number): PartDraft[] {
  const parts: PartDraft[] = [];
  const perTrack = new Map<number, number>();
  for (const u of units) perTrack.set(u.trackIndex, (perTrack.get(u.trackIndex) ?? 0) + 1);
  for (const unit of units) {
    const role = roleOf(unit, format, perTrack.get(unit.trackIndex) ?? 1);
    const slot = `${role.staff}/${role.voice}`;
    const last = parts[parts.length - 1];
    let part = last;
    if (!last || last.name !== role.partName || last.channel !== unit.channel || last.slots.has(slot)) {
      part = {
        name: role.partName,
        channel: unit.channel,
        program: unit.program ?? 0,
        staves: 1,
        slots: new Set(),
        units: [],
      };
      parts.push(part);
    }
    if (!part) continue;
    part.slots.add(slot);
    part.staves = Math.max(part.staves, role.stavesAtLeast, role.staff);
    part.units.push({ unit, role });
  }
  return parts;
}

/** Treble above, bass below; a single staff takes its clef from where most of its notes lie. */
function clefsFor(draft: PartDraft, notes: readonly Note[]): Clef[] {
  if (draft.channel === PERCUSSION_CHANNEL) return Array.from({ length: draft.staves }, () => 'percussion');
  if (draft.staves === 1) {
    const low = notes.filter((n) => n.pitch.octave < 4).length;
    return [low * 2 > notes.length ? 'bass' : 'treble'];
  }
  return Array.from({ length: draft.staves }, (_, i) => (i === draft.staves - 1 ? 'bass' : 'treble'));
}

function keyIndexAt(keys: readonly KeyChange[], tpq: number): (tick: number) => KeyChange {
  return (tick) => {
    const position = rat(tick, tpq);
    let found = keys[0] as KeyChange;
    for (const k of keys) if (compare(k.position, position) <= 0) found = k;
    return found;
  };
}

/**
 * Reads a Standard MIDI File (format 0 or 1; format 2 is read as format 1) into a Score.
 *
 * - Time: tick positions become exact quarter notes (ticks / ticks-per-quarter, reduced). MIDI has no
 *   pickup, so `pickup` is 0 (a writer's pickup comes back as a short first measure).
 * - Parts: tracks named as `midiTrackName` writes them regroup into parts with their staves and voices;
 *   any other track (or, in format 0, each channel) is a one-staff part, voice 1. Channel 10 is percussion.
 * - Pitches are spelled with `spellMidi` in the key in force at the note's onset.
 * - Notes keep their velocity. Positions are the performed ones: a file written with swing offsets reads
 *   back with the notes where they sound, not quantised (quantisation is the transcription stage's job).
 * Throws a `MusicError` for data that is not a MIDI file.
 */
export function readMidi(bytes: Uint8Array, options: ReadMidiOptions = {}): Score {
  const file = decodeMidiFile(bytes);
  const tpq = file.ticksPerQuarter;
  const conductor = readConductor(file);
  const units = file.tracks.flatMap((t, i) => channelTracks(t, i));
  const drafts = groupParts(units, file.format);
  const keyAt = keyIndexAt(conductor.keys, tpq);
  let lastNoteEnd = 0;
  const parts: PartInit[] = drafts.map((draft, index) => {
    const notes: Note[] = [];
    const pedals: Span[] = [];
    for (const { unit, role } of draft.units) {
      for (const n of unit.notes) {
        const key = keyAt(n.start).key;
        notes.push({
          pitch: spellMidi(n.key, keySignatureFifths(key), isMinorLike(key)),
          position: ticksToQuarters(n.start, tpq),
          duration: ticksToQuarters(n.end - n.start, tpq),
          staff: role.staff,
          voice: role.voice,
          velocity: n.velocity,
        });
        lastNoteEnd = Math.max(lastNoteEnd, n.end);
      }
      for (const p of unit.pedals)
        pedals.push({ start: ticksToQuarters(p.start, tpq), end: ticksToQuarters(p.end, tpq) });
    }
    notes.sort((a, b) => compare(a.position, b.position) || a.staff - b.staff || a.voice - b.voice);
    pedals.sort((a, b) => compare(a.start, b.start));
    return {
      id: `P${index + 1}`,
      name: draft.name,
      staves: draft.staves,
      clefs: clefsFor(draft, notes),
      program: draft.program,
      notes,
      pedals,
    };
  });
  const fileEnd = Math.max(0, ...file.tracks.map((t) => t[t.length - 1]?.tick ?? 0));
  const firstTrack = file.tracks[0] ?? [];
  const firstHasNotes = units.some((u) => u.trackIndex === 0 && u.notes.length > 0);
  const titleEvent =
    file.format === 0 || !firstHasNotes ? firstTrack.find((e) => e.type === 'trackName') : undefined;
  const title = titleEvent?.type === 'trackName' ? titleEvent.text.trim() : '';
  return createScore({
    metadata: {
      ...(title ? { title } : {}),
      ...(conductor.copyright ? { copyright: conductor.copyright } : {}),
      ...(options.source ? { source: options.source } : {}),
    },
    parts,
    tempos: conductor.tempos,
    meters: conductor.meters,
    keys: conductor.keys,
    sections: conductor.sections,
    ...(fileEnd > lastNoteEnd ? { end: ticksToQuarters(fileEnd, tpq) } : {}),
  });
}

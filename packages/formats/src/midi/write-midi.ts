import { add, midiOf, MusicError, pitchName, type Note, type Part, type Score } from '@cadenza/core';
import { bpmToMicroseconds, conductorTrack } from './conductor-track.js';
import { dynamicsVelocity } from './dynamics-velocity.js';
import { META, SUSTAIN_PEDAL, type MidiEvent } from './midi-bytes.js';
import { encodeMidiFile } from './midi-encode.js';
import { tickConverter } from './ticks.js';
import { midiTrackName } from './track-naming.js';

export interface WriteMidiOptions {
  /**
   * Play the performance layer: shift each onset by `note.offset` (quarter notes, rounded to the
   * nearest tick) and use `note.velocity`. Default true. With false the file is the notation only:
   * onsets on the grid, velocities from the dynamic marks (else 80).
   */
  readonly performance?: boolean;
  /** Time resolution; default 960, divisible by 2, 3, 4, 5, 6, 8, 10, 12, 15, 16 … (not 7). */
  readonly ticksPerQuarter?: number;
}

/** GM channel 10 (index 9) is the drum kit; other parts skip it. */
const PERCUSSION_CHANNEL = 9;
const MELODIC_CHANNELS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15] as const;

/** Order of events that share a tick: names and settings first, then releases, then new sounds. */
const RANK: Record<MidiEvent['type'], number> = {
  trackName: 0,
  text: 1,
  rawMeta: 1,
  sysEx: 1,
  setTempo: 2,
  timeSignature: 2,
  keySignature: 2,
  programChange: 3,
  noteOff: 4,
  controller: 5,
  polyAftertouch: 5,
  channelAftertouch: 5,
  pitchBend: 5,
  noteOn: 6,
  endOfTrack: 7,
};

const rankOf = (e: MidiEvent): number =>
  // A pedal press sorts after a pedal release at the same tick, so re-pedalling reads as up-then-down.
  e.type === 'controller' && e.controller === SUSTAIN_PEDAL && e.value >= 64 ? 5.5 : RANK[e.type];

function sortTrack(events: readonly MidiEvent[]): MidiEvent[] {
  return [...events].sort((a, b) => a.tick - b.tick || rankOf(a) - rankOf(b));
}

const isPercussion = (part: Part): boolean => part.clefs.includes('percussion');

/** Channel per part: percussion on channel 10, the rest in order skipping it (and wrapping past 15 parts). */
function assignChannels(parts: readonly Part[]): number[] {
  let next = 0;
  return parts.map((p) =>
    isPercussion(p) ? PERCUSSION_CHANNEL : (MELODIC_CHANNELS[next++ % MELODIC_CHANNELS.length] as number),
  );
}

/** The voices of each staff that get a track: voice 1 always (so empty staves survive), plus any used. */
function staffVoices(part: Part): { staff: number; voices: number[] }[] {
  const byStaff = Array.from({ length: part.staves }, (_, i) => ({ staff: i + 1, voices: new Set([1]) }));
  for (const n of part.notes) {
    const slot = byStaff[n.staff - 1];
    if (!slot || !Number.isInteger(n.voice) || n.voice < 1) {
      throw new MusicError(
        `${pitchName(n.pitch)} in ${part.name} is on staff ${n.staff}, voice ${n.voice}, but the part has ${part.staves} staves and voices count from 1`,
      );
    }
    slot.voices.add(n.voice);
  }
  return byStaff.map((s) => ({ staff: s.staff, voices: [...s.voices].sort((a, b) => a - b) }));
}

function noteKey(part: Part, n: Note): number {
  const key = midiOf(n.pitch);
  if (key < 0 || key > 127) {
    throw new MusicError(`${pitchName(n.pitch)} in ${part.name} is outside MIDI's range C-1 to G9`);
  }
  return key;
}

/**
 * Writes a Score as a Standard MIDI File, format 1.
 *
 * Track 0 is the conductor track (title, tempo map, time and key signatures; see `conductorTrack`).
 * Then one track per staff of each part, plus one per extra voice in that staff, named as in
 * `midiTrackName` and carrying the part name as instrument name. Every part gets its own channel
 * and a program change; sustain-pedal spans become CC64 127/0 on the part's first track. At one tick
 * note-offs come before note-ons, so repeated notes restrike cleanly. Positions must land on whole
 * ticks (a `MusicError` names the first that does not).
 */
export function writeMidi(score: Score, options: WriteMidiOptions = {}): Uint8Array {
  const tpq = options.ticksPerQuarter ?? 960;
  const performance = options.performance ?? true;
  const toTick = tickConverter(tpq);
  // Validate every tempo up front so a bad one is reported before any note.
  for (const t of score.tempos) bpmToMicroseconds(t.bpm);
  const channels = assignChannels(score.parts);
  const partTracks: MidiEvent[][] = [];
  score.parts.forEach((part, partIndex) => {
    const channel = channels[partIndex] as number;
    const notatedVelocity = dynamicsVelocity(score, part.id);
    let firstTrack = true;
    for (const { staff, voices } of staffVoices(part)) {
      for (const voice of voices) {
        const events: MidiEvent[] = [
          { type: 'trackName', tick: 0, text: midiTrackName(part.name, part.staves, staff, voice) },
          { type: 'text', tick: 0, metaType: META.instrumentName, text: part.name },
          { type: 'programChange', tick: 0, channel, program: part.program },
        ];
        if (firstTrack) {
          for (const span of part.pedals) {
            const start = toTick(span.start, () => `the pedal in ${part.name}`);
            const end = toTick(span.end, () => `the pedal release in ${part.name}`);
            events.push({ type: 'controller', tick: start, channel, controller: SUSTAIN_PEDAL, value: 127 });
            events.push({ type: 'controller', tick: end, channel, controller: SUSTAIN_PEDAL, value: 0 });
          }
          firstTrack = false;
        }
        for (const n of part.notes) {
          if (n.staff !== staff || n.voice !== voice) continue;
          const what = (): string => `${pitchName(n.pitch)} in ${part.name}`;
          const key = noteKey(part, n);
          const start = toTick(n.position, what);
          const end = toTick(add(n.position, n.duration), what);
          if (end <= start) throw new MusicError(`${what()} at ${start / tpq} quarter notes has no length`);
          // The offset moves the onset only: a swung eighth still ends on the next beat instead of overlapping it.
          const shift = performance && n.offset ? Math.round(n.offset * tpq) : 0;
          const on = Math.min(Math.max(0, start + shift), end - 1);
          const raw = performance ? (n.velocity ?? notatedVelocity(n)) : notatedVelocity(n);
          const velocity = Math.min(127, Math.max(1, Math.round(raw)));
          events.push({ type: 'noteOn', tick: on, channel, key, velocity });
          events.push({ type: 'noteOff', tick: end, channel, key, velocity: 64 });
        }
        partTracks.push(sortTrack(events));
      }
    }
  });
  const lastTick = Math.max(0, ...partTracks.map((t) => t[t.length - 1]?.tick ?? 0));
  const conductor = sortTrack(conductorTrack(score, toTick));
  const scoreEnd = score.end ? toTick(score.end, () => 'the end of the score') : 0;
  const conductorEnd = Math.max(lastTick, scoreEnd, conductor[conductor.length - 1]?.tick ?? 0);
  conductor.push({ type: 'endOfTrack', tick: conductorEnd });
  return encodeMidiFile({ format: 1, ticksPerQuarter: tpq, tracks: [conductor, ...partTracks] });
}

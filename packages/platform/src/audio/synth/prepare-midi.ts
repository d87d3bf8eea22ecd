import type { MidiEvent, MidiFile, MidiTrack } from '@cadenza/formats';
import { clickTrack, countInClicks, lastTick, metronomeClicks, type Click } from './click-track.js';

/** What the render adds to a MIDI file before it is played. */
export interface MidiAdditions {
  readonly countInBeats: number;
  readonly metronome: boolean;
  readonly reverb: boolean;
}

/** The file as it will be played, where its music starts and where it ends, in ticks. */
export interface PreparedMidi {
  readonly file: MidiFile;
  readonly musicStartTick: number;
  readonly endTick: number;
}

/** CC 91, the GM reverb send; 40 of 127 is the GS default depth. */
const REVERB_SEND = 91;
const DEFAULT_REVERB_DEPTH = 40;

/**
 * Adds a count-in (everything moves later by whole beats at the opening tempo), a click track and
 * reverb sends to a decoded file. Pure: the input is not changed.
 */
export function prepareMidi(input: MidiFile, add: MidiAdditions): PreparedMidi {
  const countIn = countInClicks(input, add.countInBeats);
  const shift = countIn.ticks;
  let tracks = shift > 0 ? input.tracks.map((t) => shiftTrack(t, shift)) : [...input.tracks];
  const endTick = lastTick(input) + shift;
  const clicks: Click[] = [...countIn.clicks];
  if (add.metronome) {
    for (const c of metronomeClicks(input, lastTick(input))) clicks.push({ ...c, tick: c.tick + shift });
  }
  if (clicks.length > 0) tracks.push(clickTrack(clicks, input.ticksPerQuarter));
  if (add.reverb) tracks = withReverbSends(tracks);
  const format = tracks.length > 1 && input.format === 0 ? 1 : input.format;
  return { file: { format, ticksPerQuarter: input.ticksPerQuarter, tracks }, musicStartTick: shift, endTick };
}

/**
 * Moves every event `shift` ticks later. Tempo marks at tick 0 are also kept at 0, so the count-in
 * runs at the opening tempo (the moved copy at `shift` restates it).
 */
function shiftTrack(track: MidiTrack, shift: number): MidiEvent[] {
  const openingTempos = track.filter((e) => e.type === 'setTempo' && e.tick === 0);
  return [...openingTempos, ...track.map((e) => ({ ...e, tick: e.tick + shift }))];
}

/**
 * Gives every channel that the file leaves without a reverb send (no CC 91 anywhere) a moderate one,
 * placed just before its first note in each track, so a reset earlier in the file cannot undo it.
 */
function withReverbSends(tracks: readonly MidiTrack[]): MidiTrack[] {
  const hasSend = new Set<number>();
  for (const track of tracks) {
    for (const e of track)
      if (e.type === 'controller' && e.controller === REVERB_SEND) hasSend.add(e.channel);
  }
  return tracks.map((track) => {
    const done = new Set<number>();
    const out: MidiEvent[] = [];
    for (const e of track) {
      if (e.type === 'noteOn' && !hasSend.has(e.channel) && !done.has(e.channel)) {
        done.add(e.channel);
        out.push({
          type: 'controller',
          tick: e.tick,
          channel: e.channel,
          controller: REVERB_SEND,
          value: DEFAULT_REVERB_DEPTH,
        });
      }
      out.push(e);
    }
    return out;
  });
}

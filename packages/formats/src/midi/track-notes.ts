import { META, SUSTAIN_PEDAL, type MidiTrack } from './midi-bytes.js';

/** A note as found in a track, in ticks. */
export interface TickNote {
  readonly key: number;
  readonly velocity: number;
  readonly start: number;
  /** Always after `start`: a note released on its own onset tick lasts one tick, so it is not lost. */
  readonly end: number;
}

export interface TickSpan {
  readonly start: number;
  readonly end: number;
}

/** What one channel of one track holds: the unit that becomes (a staff/voice of) a part. */
export interface ChannelTrack {
  readonly trackIndex: number;
  readonly channel: number;
  readonly trackName: string;
  /** The instrument-name meta event (FF 04), which Cadenza writes with the bare part name. */
  readonly instrumentName?: string;
  readonly program?: number;
  readonly notes: readonly TickNote[];
  readonly pedals: readonly TickSpan[];
}

interface Builder {
  program?: number;
  notes: TickNote[];
  pedals: TickSpan[];
  /** Sounding notes per key, oldest first: a note-off ends the oldest (FIFO), so overlapping repeats keep their onsets. */
  open: Map<number, { start: number; velocity: number }[]>;
  pedalDown?: number;
  used: boolean;
}

/**
 * Splits a track into one `ChannelTrack` per channel that plays notes or sets a program. Notes pair
 * note-on with the next note-off of the same key (FIFO); notes still sounding at the end of the track
 * end there. Sustain pedal (CC64) at 64 or more is down, below 64 up.
 */
export function channelTracks(track: MidiTrack, trackIndex: number): ChannelTrack[] {
  const builders = new Map<number, Builder>();
  let trackName = '';
  let instrumentName: string | undefined;
  let lastTick = 0;
  const builder = (channel: number): Builder => {
    let b = builders.get(channel);
    if (!b) {
      b = { notes: [], pedals: [], open: new Map(), used: false };
      builders.set(channel, b);
    }
    return b;
  };
  for (const e of track) {
    lastTick = Math.max(lastTick, e.tick);
    switch (e.type) {
      case 'trackName':
        if (trackName === '') trackName = e.text;
        break;
      case 'text':
        if (e.metaType === META.instrumentName && instrumentName === undefined) instrumentName = e.text;
        break;
      case 'programChange': {
        const b = builder(e.channel);
        b.program ??= e.program;
        b.used = true;
        break;
      }
      case 'noteOn': {
        const b = builder(e.channel);
        const queue = b.open.get(e.key) ?? [];
        queue.push({ start: e.tick, velocity: e.velocity });
        b.open.set(e.key, queue);
        b.used = true;
        break;
      }
      case 'noteOff': {
        const b = builders.get(e.channel);
        const started = b?.open.get(e.key)?.shift();
        if (b && started)
          b.notes.push({
            key: e.key,
            velocity: started.velocity,
            start: started.start,
            end: Math.max(e.tick, started.start + 1),
          });
        break;
      }
      case 'controller': {
        if (e.controller !== SUSTAIN_PEDAL) break;
        const b = builder(e.channel);
        if (e.value >= 64 && b.pedalDown === undefined) b.pedalDown = e.tick;
        else if (e.value < 64 && b.pedalDown !== undefined) {
          if (e.tick > b.pedalDown) b.pedals.push({ start: b.pedalDown, end: e.tick });
          delete b.pedalDown;
        }
        break;
      }
      case 'polyAftertouch':
      case 'channelAftertouch':
      case 'pitchBend':
      case 'setTempo':
      case 'timeSignature':
      case 'keySignature':
      case 'endOfTrack':
      case 'rawMeta':
      case 'sysEx':
        // Score-wide facts are read by `readConductor`; the rest has no place in the Score.
        break;
    }
  }
  const result: ChannelTrack[] = [];
  for (const [channel, b] of [...builders].sort((x, y) => x[0] - y[0])) {
    for (const [key, queue] of b.open) {
      for (const o of queue)
        b.notes.push({ key, velocity: o.velocity, start: o.start, end: Math.max(lastTick, o.start + 1) });
    }
    if (b.pedalDown !== undefined && lastTick > b.pedalDown)
      b.pedals.push({ start: b.pedalDown, end: lastTick });
    if (!b.used) continue;
    b.notes.sort((x, y) => x.start - y.start || x.key - y.key);
    result.push({
      trackIndex,
      channel,
      trackName,
      ...(instrumentName === undefined ? {} : { instrumentName }),
      ...(b.program === undefined ? {} : { program: b.program }),
      notes: b.notes,
      pedals: b.pedals,
    });
  }
  return result;
}

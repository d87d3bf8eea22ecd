import {
  beatLength,
  gt,
  MusicError,
  toNumber,
  ZERO,
  type Rational,
  type Score,
  type TimeSignature,
} from '@cadenza/core';
import { META, type MidiEvent } from './midi-bytes.js';
import { keyToMidiSignature } from './key-signature.js';

type ToTick = (quarters: Rational, what: () => string) => number;

/** Microseconds per quarter note for a tempo in quarter notes per minute: 90 → 666 667. */
export function bpmToMicroseconds(bpm: number): number {
  const us = Math.round(60_000_000 / bpm);
  if (!(us >= 1 && us <= 0xffffff)) {
    throw new MusicError(
      `a tempo of ${bpm} beats per minute cannot be stored in MIDI (the range is about 3.6 to 60 000 000)`,
    );
  }
  return us;
}

/** Quarter notes per minute from a MIDI tempo, rounded to 3 decimals so 666 667 µs reads as 90. */
export const microsecondsToBpm = (us: number): number => Math.round(60_000_000_000 / us) / 1000;

/** The time-signature meta event; the click is the felt beat: 24 MIDI clocks a quarter, 36 for 6/8's dotted quarter. */
export function timeSignatureEvent(tick: number, ts: TimeSignature): MidiEvent {
  return {
    type: 'timeSignature',
    tick,
    numerator: ts.beats,
    denominator: ts.beatType,
    clocksPerClick: Math.max(1, Math.round(24 * toNumber(beatLength(ts)))),
    thirtySecondsPerQuarter: 8,
  };
}

/**
 * A time signature that spans exactly the pickup, e.g. 1/4 for a one-beat upbeat in 4/4: MIDI has no
 * pickup, so this keeps the following barlines where they belong. Undefined when no power-of-two
 * lower number up to 64 fits (a triplet pickup).
 */
function pickupTimeSignature(pickup: Rational, meter: TimeSignature): TimeSignature | undefined {
  for (let beatType = meter.beatType; beatType <= 64; beatType *= 2) {
    const beats = (pickup.n * beatType) / (pickup.d * 4);
    if (Number.isInteger(beats)) return { beats, beatType };
  }
  return undefined;
}

/** Track 0 of a format-1 file: title, copyright, tempo map, time and key signatures, sections as markers. */
export function conductorTrack(score: Score, toTick: ToTick): MidiEvent[] {
  const events: MidiEvent[] = [];
  if (score.metadata.title) events.push({ type: 'trackName', tick: 0, text: score.metadata.title });
  if (score.metadata.copyright) {
    events.push({ type: 'text', tick: 0, metaType: META.copyright, text: score.metadata.copyright });
  }
  for (const t of score.tempos) {
    const tick = toTick(t.position, () => `the tempo mark ♩ = ${t.bpm}`);
    events.push({ type: 'setTempo', tick, microsecondsPerQuarter: bpmToMicroseconds(t.bpm) });
  }
  const first = score.meters[0];
  const pickupTs =
    first && gt(score.pickup, ZERO) ? pickupTimeSignature(score.pickup, first.timeSignature) : undefined;
  for (const m of score.meters) {
    const what = (): string => `the ${m.timeSignature.beats}/${m.timeSignature.beatType} time signature`;
    if (m === first && pickupTs) {
      events.push(timeSignatureEvent(0, pickupTs));
      const pickupTick = toTick(score.pickup, () => 'the end of the pickup measure');
      const laterChange = score.meters.some((o) => o !== m && toTick(o.position, what) === pickupTick);
      if (!laterChange) events.push(timeSignatureEvent(pickupTick, m.timeSignature));
      continue;
    }
    events.push(timeSignatureEvent(toTick(m.position, what), m.timeSignature));
  }
  for (const k of score.keys) {
    const tick = toTick(k.position, () => 'the key change');
    const sig = keyToMidiSignature(k.key);
    events.push({ type: 'keySignature', tick, sharpsFlats: sig.sharpsFlats, minor: sig.minor });
    if (sig.modeText) events.push({ type: 'text', tick, metaType: META.text, text: sig.modeText });
  }
  for (const s of score.sections) {
    events.push({
      type: 'text',
      tick: toTick(s.position, () => `the section "${s.label}"`),
      metaType: META.marker,
      text: s.label,
    });
  }
  return events;
}

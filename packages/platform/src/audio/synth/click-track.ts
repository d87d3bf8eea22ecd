import { beatLength, beatsPerMeasure, toNumber, type TimeSignature } from '@cadenza/core';
import type { MidiEvent, MidiFile } from '@cadenza/formats';

/** One click of the metronome or count-in, in ticks of the file it belongs to. */
export interface Click {
  readonly tick: number;
  /** First beat of a bar (the count-in's first click included). */
  readonly accent: boolean;
}

/** A stretch of constant meter, in ticks. */
interface MeterSpan {
  readonly start: number;
  readonly end: number;
  readonly barTicks: number;
  readonly clickTicks: number;
  /** A lone short first bar before a longer one: how a pickup measure is written to MIDI. */
  readonly pickup: boolean;
}

/** GM drum keys (channel 10): Hi Wood Block for downbeats, Low Wood Block for the other beats. */
export const CLICK_KEYS = { accent: 76, beat: 77 } as const;
const CLICK_VELOCITY = { accent: 90, beat: 72 } as const;
/** GM channel 10, index 9: the drum kit. */
export const DRUM_CHANNEL = 9;

/** The last tick any track reaches (end-of-track included, so trailing rests count). */
export function lastTick(file: MidiFile): number {
  let last = 0;
  for (const track of file.tracks) for (const e of track) last = Math.max(last, e.tick);
  return last;
}

function meterOf(numerator: number, denominator: number, tpq: number) {
  const ts: TimeSignature = { beats: numerator, beatType: denominator };
  const barTicks = Math.round((numerator * 4 * tpq) / denominator);
  // The felt beat (a dotted quarter in 6/8), as `writeMidi` and the Score count it.
  const clickTicks = Math.max(1, Math.round(toNumber(beatLength(ts)) * tpq));
  return { barTicks, clickTicks, beatsPerBar: beatsPerMeasure(ts) };
}

/** Meter spans from the file's time signatures (any track; 4/4 until the first one). */
function meterSpans(file: MidiFile, endTick: number): MeterSpan[] {
  const changes = new Map<number, { numerator: number; denominator: number }>([
    [0, { numerator: 4, denominator: 4 }],
  ]);
  const signatures = file.tracks
    .flat()
    .filter((e) => e.type === 'timeSignature')
    .sort((a, b) => a.tick - b.tick);
  for (const ts of signatures) changes.set(ts.tick, ts);
  const ticks = [...changes.keys()].sort((a, b) => a - b);
  const spans = ticks.map((start, i) => {
    const { numerator, denominator } = changes.get(start) ?? { numerator: 4, denominator: 4 };
    const end = ticks[i + 1] ?? Math.max(endTick, start);
    return { start, end, ...meterOf(numerator, denominator, file.ticksPerQuarter), pickup: false };
  });
  const [first, second] = spans;
  if (first && second && first.end - first.start === first.barTicks && first.barTicks < second.barTicks) {
    spans[0] = { ...first, pickup: true };
  }
  return spans;
}

/** Clicks on every felt beat from tick 0 to `endTick` (exclusive); bar starts accented, a pickup not. */
export function metronomeClicks(file: MidiFile, endTick: number): Click[] {
  const clicks: Click[] = [];
  for (const span of meterSpans(file, endTick)) {
    const stop = Math.min(span.end, endTick);
    for (let tick = span.start; tick < stop; tick += span.clickTicks) {
      clicks.push({ tick, accent: !span.pickup && (tick - span.start) % span.barTicks === 0 });
    }
  }
  return clicks;
}

/**
 * `beats` clicks at the opening meter (the one after a pickup), accented on the first and on every
 * bar's first beat after it, and the length they take in ticks.
 */
export function countInClicks(file: MidiFile, beats: number): { clicks: Click[]; ticks: number } {
  const spans = meterSpans(file, lastTick(file));
  const meter = spans[0]?.pickup ? spans[1] : spans[0];
  const clickTicks = meter?.clickTicks ?? file.ticksPerQuarter;
  const perBar = Math.max(1, Math.round((meter?.barTicks ?? 4 * file.ticksPerQuarter) / clickTicks));
  const clicks = Array.from({ length: beats }, (_, i) => ({
    tick: i * clickTicks,
    accent: i % perBar === 0,
  }));
  return { clicks, ticks: beats * clickTicks };
}

/** A drum track playing the clicks (short notes on channel 10). */
export function clickTrack(clicks: readonly Click[], ticksPerQuarter: number): MidiEvent[] {
  const length = Math.max(1, Math.round(ticksPerQuarter / 16));
  const events: MidiEvent[] = [{ type: 'trackName', tick: 0, text: 'Click' }];
  for (const c of clicks) {
    const key = c.accent ? CLICK_KEYS.accent : CLICK_KEYS.beat;
    const velocity = c.accent ? CLICK_VELOCITY.accent : CLICK_VELOCITY.beat;
    events.push({ type: 'noteOn', tick: c.tick, channel: DRUM_CHANNEL, key, velocity });
    events.push({ type: 'noteOff', tick: c.tick + length, channel: DRUM_CHANNEL, key, velocity: 64 });
  }
  events.push({ type: 'endOfTrack', tick: events[events.length - 1]?.tick ?? 0 });
  return events;
}

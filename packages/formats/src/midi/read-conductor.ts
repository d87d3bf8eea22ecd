import { bpm, ZERO, type KeyChange, type MeterChange, type Section, type TempoMark } from '@cadenza/core';
import { microsecondsToBpm } from './conductor-track.js';
import { isKeyText, keyFromMidiSignature } from './key-signature.js';
import { META, type MidiFile } from './midi-bytes.js';
import { ticksToQuarters } from './ticks.js';

/** The score-wide facts of a MIDI file, gathered from every track (some files put them beside notes). */
export interface ConductorFacts {
  readonly tempos: readonly TempoMark[];
  readonly meters: readonly MeterChange[];
  readonly keys: readonly KeyChange[];
  readonly sections: readonly Section[];
  readonly copyright?: string;
}

/** Sorts by tick keeping file order, and lets the last of several events at one tick win. */
function byTick<T extends { tick: number }>(items: T[]): T[] {
  const sorted = [...items].sort((a, b) => a.tick - b.tick);
  return sorted.filter((x, i) => sorted[i + 1]?.tick !== x.tick);
}

/**
 * Tempo map, meters, keys and markers. Defaults where the file says nothing at tick 0 are MIDI's own:
 * 120 bpm, 4/4, and (for keys) C major.
 */
export function readConductor(file: MidiFile): ConductorFacts {
  const tpq = file.ticksPerQuarter;
  const tempos: { tick: number; us: number }[] = [];
  const meters: { tick: number; beats: number; beatType: number }[] = [];
  const keys: { tick: number; sf: number; minor: boolean }[] = [];
  const keyTexts = new Map<number, string>();
  const sections: Section[] = [];
  let copyright: string | undefined;
  for (const track of file.tracks) {
    for (const e of track) {
      if (e.type === 'setTempo') tempos.push({ tick: e.tick, us: e.microsecondsPerQuarter });
      else if (e.type === 'timeSignature') {
        if (e.numerator > 0) meters.push({ tick: e.tick, beats: e.numerator, beatType: e.denominator });
      } else if (e.type === 'keySignature') keys.push({ tick: e.tick, sf: e.sharpsFlats, minor: e.minor });
      else if (e.type === 'text') {
        if (e.metaType === META.text && isKeyText(e.text)) keyTexts.set(e.tick, e.text);
        else if (e.metaType === META.copyright) copyright ??= e.text;
        else if (e.metaType === META.marker && e.text.trim() !== '') {
          sections.push({ position: ticksToQuarters(e.tick, tpq), label: e.text.trim() });
        }
      }
    }
  }
  const tempoMarks: TempoMark[] = byTick(tempos).map((t) => ({
    position: ticksToQuarters(t.tick, tpq),
    bpm: bpm(microsecondsToBpm(t.us)),
  }));
  if (tempoMarks[0]?.position.n !== 0) tempoMarks.unshift({ position: ZERO, bpm: bpm(120) });
  const meterChanges: MeterChange[] = byTick(meters).map((m) => ({
    position: ticksToQuarters(m.tick, tpq),
    timeSignature: { beats: m.beats, beatType: m.beatType },
  }));
  if (meterChanges[0]?.position.n !== 0)
    meterChanges.unshift({ position: ZERO, timeSignature: { beats: 4, beatType: 4 } });
  const keyChanges: KeyChange[] = byTick(keys).map((k) => ({
    position: ticksToQuarters(k.tick, tpq),
    key: keyFromMidiSignature(k.sf, k.minor, keyTexts.get(k.tick)),
  }));
  if (keyChanges[0]?.position.n !== 0) {
    keyChanges.unshift({ position: ZERO, key: { tonic: { step: 'C', alter: 0 }, mode: 'major' } });
  }
  return {
    tempos: tempoMarks,
    meters: meterChanges,
    keys: keyChanges,
    sections,
    ...(copyright === undefined ? {} : { copyright }),
  };
}

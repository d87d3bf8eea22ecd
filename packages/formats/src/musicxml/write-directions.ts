/**
 * Score-level marks as MusicXML elements placed in time: tempo, rehearsal marks, text directions,
 * chord symbols and dynamics. Each becomes a `MeasureDirection` that the measure writer slots in
 * front of the note it falls on, with an `<offset>` when it falls inside that note.
 */
import { compare, max, type Rational, type Score } from '@cadenza/core';
import { harmonyElement } from './harmony.js';
import { el, leaf, type XmlChild, type XmlElement } from './xml-builder.js';

export interface TimedDirection {
  readonly position: Rational;
  readonly partId: string | undefined;
  /** Builds the element; `offset` is in divisions from the note it is written before (0 = none). */
  readonly build: (offset: number) => XmlElement;
}

const offsetEl = (offset: number): XmlChild => offset !== 0 && leaf('offset', offset, { sound: 'yes' });

function direction(types: readonly XmlElement[], placement: 'above' | 'below', tail: readonly XmlChild[]) {
  return (offset: number): XmlElement =>
    el(
      'direction',
      { placement },
      ...types.map((t) => el('direction-type', {}, t)),
      offsetEl(offset),
      ...tail,
    );
}

/** Trims binary noise from a tempo such as 92.30769… to at most two decimals. */
const formatBpm = (bpm: number): string => String(Math.round(bpm * 100) / 100);

/** All marks of a score in time order; `partId` undefined means "the first part". */
export function timedDirections(score: Score): TimedDirection[] {
  const out: TimedDirection[] = [];
  for (const s of score.sections) {
    out.push({
      position: s.position,
      partId: undefined,
      build: direction([leaf('rehearsal', s.label)], 'above', []),
    });
  }
  for (const t of score.tempos) {
    const bpm = formatBpm(t.bpm);
    const metronome = el('metronome', {}, leaf('beat-unit', 'quarter'), leaf('per-minute', bpm));
    const types = t.text ? [leaf('words', t.text), metronome] : [metronome];
    out.push({
      position: t.position,
      partId: undefined,
      build: direction(types, 'above', [el('sound', { tempo: bpm })]),
    });
  }
  for (const d of score.directions) {
    out.push({
      position: d.position,
      partId: d.partId,
      build: direction([leaf('words', d.text)], 'above', []),
    });
  }
  for (const c of score.chordSymbols) {
    out.push({
      position: c.position,
      partId: undefined,
      build: (offset) => harmonyElement(c.symbol, [offsetEl(offset)]),
    });
  }
  for (const d of score.dynamics) {
    const mark = el('dynamics', {}, el(d.mark));
    out.push({
      position: d.position,
      partId: d.partId,
      build: direction([mark], 'below', [leaf('staff', d.staff)]),
    });
  }
  return out.sort((a, b) => compare(a.position, b.position));
}

/** The latest position any mark needs, so the measure map can be made to reach it. */
export function lastDirectionPosition(directions: readonly TimedDirection[], from: Rational): Rational {
  return directions.reduce((m, d) => max(m, d.position), from);
}

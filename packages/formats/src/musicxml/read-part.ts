/**
 * Scans one `<part>` measure by measure: a time cursor moved by notes, `<backup>` and `<forward>`
 * gives every note and mark its offset in its measure. Grace notes (no notated time) and cue notes
 * (not sounding) are skipped; lyrics, slurs and layout are ignored.
 */
import {
  add,
  fromNumber,
  max,
  measureLength,
  rat,
  sub,
  ZERO,
  type Articulation,
  type Clef,
  type Key,
  type Pitch,
  type Rational,
  type Step,
  type TimeSignature,
} from '@cadenza/core';
import { readAttributes } from './read-attributes.js';
import { readDirection, readHarmony, soundTempo, type MarkPayload } from './read-directions.js';
import { child, childNumber, childText, childrenNamed, type XmlNode } from './xml-tree.js';

export interface RawNote {
  readonly measure: number;
  readonly offset: Rational;
  readonly duration: Rational;
  readonly pitch: Pitch;
  readonly staff: number;
  readonly voice: number;
  readonly tieStart: boolean;
  readonly tieStop: boolean;
  readonly articulations: readonly Articulation[];
}

export type RawPayload =
  | MarkPayload
  | { readonly kind: 'key'; readonly key: Key }
  | { readonly kind: 'time'; readonly time: TimeSignature };

export interface RawMark {
  readonly measure: number;
  readonly offset: Rational;
  readonly payload: RawPayload;
}

export interface MeasureScan {
  /** Furthest point the cursor reached, in quarter notes. */
  readonly extent: Rational;
  /** Length the time signature in force asks for. */
  readonly nominal: Rational;
  readonly implicit: boolean;
}

export interface PartScan {
  readonly notes: readonly RawNote[];
  readonly marks: readonly RawMark[];
  readonly measures: readonly MeasureScan[];
  readonly staves: number;
  readonly clefs: ReadonlyMap<number, Clef>;
  readonly skippedGrace: number;
  readonly skippedCue: number;
}

const STEPS = new Set(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
const ARTICULATIONS: Readonly<Record<string, Articulation>> = {
  staccato: 'staccato',
  staccatissimo: 'staccatissimo',
  spiccato: 'staccatissimo',
  accent: 'accent',
  tenuto: 'tenuto',
  'strong-accent': 'marcato',
};

/** Divisions to quarter notes; decimals (rare) land on a fine grid instead of failing. */
function quarters(value: number, divisions: number): Rational {
  if (Number.isInteger(value) && Number.isInteger(divisions)) return rat(value, divisions);
  return fromNumber(value / divisions, 10080);
}

function readPitch(note: XmlNode): Pitch | undefined {
  const p = child(note, 'pitch');
  if (p) {
    const step = childText(p, 'step')?.toUpperCase() ?? '';
    const octave = childNumber(p, 'octave');
    if (!STEPS.has(step) || octave === undefined) return undefined;
    return {
      step: step as Step,
      alter: Math.round(childNumber(p, 'alter') ?? 0),
      octave: Math.round(octave),
    };
  }
  const u = child(note, 'unpitched');
  if (!u) return undefined;
  const step = childText(u, 'display-step')?.toUpperCase() ?? 'B';
  return {
    step: (STEPS.has(step) ? step : 'B') as Step,
    alter: 0,
    octave: childNumber(u, 'display-octave') ?? 4,
  };
}

function tieTypes(note: XmlNode): { start: boolean; stop: boolean } {
  let ties = childrenNamed(note, 'tie').map((t) => t.attrs.type);
  if (ties.length === 0) {
    ties = childrenNamed(note, 'notations').flatMap((n) => childrenNamed(n, 'tied').map((t) => t.attrs.type));
  }
  return {
    start: ties.includes('start') || ties.includes('continue'),
    stop: ties.includes('stop') || ties.includes('continue'),
  };
}

function readArticulations(note: XmlNode): Articulation[] {
  const out: Articulation[] = [];
  for (const n of childrenNamed(note, 'notations')) {
    for (const a of childrenNamed(n, 'articulations').flatMap((x) => x.children)) {
      const art = ARTICULATIONS[a.name];
      if (art && !out.includes(art)) out.push(art);
    }
    if (child(n, 'fermata') && !out.includes('fermata')) out.push('fermata');
  }
  return out;
}

/** Model voice: staff 2 voices written as 5–8 (MuseScore's habit, and ours) read back as 1–4. */
function modelVoice(text: string | undefined, staff: number): number {
  const v = Number.parseInt(text ?? '1', 10);
  const voice = Number.isFinite(v) && v >= 1 ? v : 1;
  return staff > 1 && voice > 4 * (staff - 1) ? voice - 4 * (staff - 1) : voice;
}

export function scanPart(part: XmlNode): PartScan {
  const notes: RawNote[] = [];
  const marks: RawMark[] = [];
  const measures: MeasureScan[] = [];
  const clefs = new Map<number, Clef>();
  let divisions = 1;
  let staves = 1;
  let time: TimeSignature = { beats: 4, beatType: 4 };
  let skippedGrace = 0;
  let skippedCue = 0;
  childrenNamed(part, 'measure').forEach((measureEl, measure) => {
    let cursor = ZERO;
    let extent = ZERO;
    let chordStart = ZERO;
    const mark = (payload: RawPayload, offset = cursor): void => {
      marks.push({ measure, offset: max(offset, ZERO), payload });
    };
    for (const node of measureEl.children) {
      if (node.name === 'attributes') {
        const a = readAttributes(node);
        if (a.divisions !== undefined) divisions = a.divisions;
        if (a.staves !== undefined) staves = Math.max(staves, a.staves);
        if (a.key) mark({ kind: 'key', key: a.key });
        if (a.time) {
          time = a.time;
          mark({ kind: 'time', time: a.time });
        }
        for (const [staff, clef] of a.clefs) if (!clefs.has(staff)) clefs.set(staff, clef);
      } else if (node.name === 'note') {
        if (child(node, 'grace')) {
          skippedGrace++;
          continue;
        }
        const duration = quarters(childNumber(node, 'duration') ?? 0, divisions);
        const isChord = child(node, 'chord') !== undefined;
        const offset = isChord ? chordStart : cursor;
        if (!isChord) {
          chordStart = cursor;
          cursor = add(cursor, duration);
          extent = max(extent, cursor);
        }
        if (child(node, 'cue')) {
          skippedCue++;
          continue;
        }
        const pitch = readPitch(node);
        if (!pitch || child(node, 'rest')) continue;
        const staff = Math.max(1, Math.round(childNumber(node, 'staff') ?? 1));
        staves = Math.max(staves, staff);
        const ties = tieTypes(node);
        notes.push({
          measure,
          offset,
          duration,
          pitch,
          staff,
          voice: modelVoice(childText(node, 'voice'), staff),
          tieStart: ties.start,
          tieStop: ties.stop,
          articulations: readArticulations(node),
        });
      } else if (node.name === 'backup' || node.name === 'forward') {
        const d = quarters(childNumber(node, 'duration') ?? 0, divisions);
        cursor = node.name === 'backup' ? max(ZERO, sub(cursor, d)) : add(cursor, d);
        extent = max(extent, cursor);
      } else if (node.name === 'direction' || node.name === 'harmony') {
        const offset = add(cursor, quarters(childNumber(node, 'offset') ?? 0, divisions));
        const payloads = node.name === 'direction' ? readDirection(node) : readHarmony(node);
        for (const p of payloads) mark(p, offset);
      } else if (node.name === 'sound') {
        const bpm = soundTempo(node);
        if (bpm !== undefined) mark({ kind: 'tempo', bpm });
      }
    }
    measures.push({ extent, nominal: measureLength(time), implicit: measureEl.attrs.implicit === 'yes' });
  });
  return { notes, marks, measures, staves, clefs, skippedGrace, skippedCue };
}

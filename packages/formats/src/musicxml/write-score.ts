/**
 * Score → MusicXML 4.0 partwise text. Measures come from the score's measure map (a pickup is
 * measure 0, implicit); every voice is filled with rests, notes crossing barlines become tied notes,
 * and the output validates against the MusicXML 4.0 XSD.
 */
import {
  add,
  beatLength,
  contentEnd,
  gt,
  isCompoundMeter,
  keySignatureFifths,
  lt,
  max,
  measureLength,
  measureMap,
  MusicError,
  rat,
  sub,
  ZERO,
  type Key,
  type Measure,
  type Part,
  type Score,
  type TimeSignature,
} from '@cadenza/core';
import { lcm } from './note-values.js';
import { measureIndexAt, spansByMeasure, voiceChords, type VoiceChord } from './part-voices.js';
import { attributesElement } from './write-attributes.js';
import { lastDirectionPosition, timedDirections, type TimedDirection } from './write-directions.js';
import { writeMeasure, type MeasureDirection } from './write-measure.js';
import { el, leaf, serialize, type XmlElement } from './xml-builder.js';

export interface MusicXmlWriteOptions {
  /** Written as `<encoding-date>` (YYYY-MM-DD); left out by default so the output is reproducible. */
  readonly encodingDate?: string;
  /** Written as `<software>`; default "Cadenza". */
  readonly software?: string;
}

const HEADER =
  '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' +
  '<!DOCTYPE score-partwise PUBLIC "-//Recordare//DTD MusicXML 4.0 Partwise//EN" "http://www.musicxml.org/dtds/partwise.dtd">\n';

const DEFAULT_KEY: Key = { tonic: { step: 'C', alter: 0 }, mode: 'major' };

/** MusicXML ids must be XML names; model ids such as "P1" already are, others get one. */
function xmlIds(parts: readonly Part[]): string[] {
  const seen = new Set<string>();
  return parts.map((p, i) => {
    let id = /^[A-Za-z_][\w.-]*$/.test(p.id) ? p.id : `P${i + 1}`;
    while (seen.has(id)) id = `${id}-${i + 1}`;
    seen.add(id);
    return id;
  });
}

function headerElements(score: Score, options: MusicXmlWriteOptions): XmlElement[] {
  const m = score.metadata;
  const creator = (type: string, name: string | undefined) =>
    name !== undefined && leaf('creator', name, { type });
  return [
    ...(m.title !== undefined
      ? [el('work', {}, leaf('work-title', m.title)), leaf('movement-title', m.title)]
      : []),
    el(
      'identification',
      {},
      creator('composer', m.composer),
      creator('arranger', m.arranger),
      creator('lyricist', m.lyricist),
      m.copyright !== undefined && leaf('rights', m.copyright),
      el(
        'encoding',
        {},
        leaf('software', options.software ?? 'Cadenza'),
        options.encodingDate !== undefined && leaf('encoding-date', options.encodingDate),
      ),
      m.source !== undefined && leaf('source', m.source),
    ),
    ...(m.subtitle !== undefined
      ? [el('credit', { page: 1 }, leaf('credit-type', 'subtitle'), leaf('credit-words', m.subtitle))]
      : []),
  ];
}

function scorePart(part: Part, id: string, index: number): XmlElement {
  const percussion = part.clefs.includes('percussion');
  const channel = percussion ? 10 : (index % 15) + (index % 15 >= 9 ? 2 : 1);
  return el(
    'score-part',
    { id },
    leaf('part-name', part.name),
    el('score-instrument', { id: `${id}-I1` }, leaf('instrument-name', part.name)),
    el(
      'midi-instrument',
      { id: `${id}-I1` },
      leaf('midi-channel', channel),
      leaf('midi-program', Math.min(128, Math.max(1, Math.round(part.program) + 1))),
    ),
  );
}

/** Smallest divisions per quarter note that make every position and length a whole number. */
function chooseDivisions(
  chords: readonly VoiceChord[],
  measures: readonly Measure[],
  directions: readonly TimedDirection[],
): number {
  let d = 1;
  for (const c of chords) d = lcm(lcm(d, c.position.d), c.duration.d);
  // Rests are cut at beats, so the beat must be countable too (a dotted quarter in 6/8).
  for (const m of measures) d = lcm(lcm(lcm(d, m.start.d), m.length.d), beatLength(m.timeSignature).d);
  for (const t of directions) d = lcm(d, t.position.d);
  return d;
}

function keyOfMeasure(score: Score, m: Measure): Key {
  const end = add(m.start, m.length);
  let key = score.keys[0]?.key ?? DEFAULT_KEY;
  for (const k of score.keys) if (lt(k.position, end)) key = k.key;
  return key;
}

const sameKey = (a: Key | undefined, b: Key): boolean =>
  a !== undefined && keySignatureFifths(a) === keySignatureFifths(b) && a.mode === b.mode;
const sameTime = (a: TimeSignature | undefined, b: TimeSignature): boolean =>
  a !== undefined && a.beats === b.beats && a.beatType === b.beatType;

interface PartPlan {
  readonly part: Part;
  readonly id: string;
  readonly chords: readonly VoiceChord[];
  readonly directions: readonly TimedDirection[];
}

function writePart(
  plan: PartPlan,
  score: Score,
  measures: readonly Measure[],
  divisions: number,
): XmlElement {
  const { part } = plan;
  const staves = Math.max(part.staves, ...plan.chords.map((c) => c.staff));
  const clefs = Array.from({ length: staves }, (_, i) => part.clefs[i] ?? (i === 0 ? 'treble' : 'bass'));
  const spans = spansByMeasure(plan.chords, measures);
  const directionsByMeasure = measures.map((): MeasureDirection[] => []);
  for (const d of plan.directions) {
    const at = max(d.position, ZERO);
    const i = measureIndexAt(measures, at);
    const m = measures[i] as Measure;
    directionsByMeasure[i]?.push({ offset: sub(at, m.start), build: d.build });
  }
  let prevKey: Key | undefined;
  let prevTime: TimeSignature | undefined;
  const children = measures.map((m, i) => {
    const key = keyOfMeasure(score, m);
    const ts = m.timeSignature;
    const first = i === 0;
    const attributes = attributesElement({
      ...(first ? { divisions, staves, clefs } : {}),
      ...(sameKey(prevKey, key) ? {} : { key }),
      ...(sameTime(prevTime, ts) ? {} : { time: ts }),
    });
    prevKey = key;
    prevTime = ts;
    const full = measureLength(ts);
    return writeMeasure({
      measure: m,
      divisions,
      staves,
      spans: spans[i] ?? new Map(),
      ...(attributes ? { attributes } : {}),
      directions: directionsByMeasure[i] ?? [],
      keyFifths: keySignatureFifths(key),
      grid: {
        beat: beatLength(ts),
        compound: isCompoundMeter(ts),
        shift: m.isPickup && gt(full, m.length) ? sub(full, m.length) : ZERO,
      },
      final: i === measures.length - 1,
    });
  });
  return el('part', { id: plan.id }, ...children);
}

/** Writes a score as MusicXML 4.0 (partwise). Throws `MusicError` for notes the format cannot hold. */
export function writeMusicXml(score: Score, options: MusicXmlWriteOptions = {}): string {
  if (score.parts.length === 0)
    throw new MusicError('a score needs at least one part to be written as MusicXML');
  const ids = xmlIds(score.parts);
  const directions = timedDirections(score);
  const notesEnd = contentEnd(score);
  const changes = [...score.meters, ...score.keys].map((c) => c.position);
  const lastMark = changes.reduce(max, lastDirectionPosition(directions, ZERO));
  // A mark or a meter/key change at or after the last note still needs a measure to sit in.
  const end = lt(lastMark, notesEnd) ? notesEnd : add(lastMark, rat(1, 1024));
  const measures = measureMap({ ...score, end });
  const plans = score.parts.map((part, i): PartPlan => ({
    part,
    id: ids[i] ?? `P${i + 1}`,
    chords: voiceChords(part),
    directions: directions.filter(
      (d) =>
        d.partId === part.id ||
        (i === 0 && (d.partId === undefined || !score.parts.some((p) => p.id === d.partId))),
    ),
  }));
  const divisions = chooseDivisions(
    plans.flatMap((p) => p.chords),
    measures,
    directions,
  );
  const root = el(
    'score-partwise',
    { version: '4.0' },
    ...headerElements(score, options),
    el('part-list', {}, ...plans.map((p, i) => scorePart(p.part, p.id, i))),
    ...plans.map((p) => writePart(p, score, measures, divisions)),
  );
  return HEADER + serialize(root) + '\n';
}

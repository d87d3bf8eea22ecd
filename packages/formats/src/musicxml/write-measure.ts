/**
 * One `<measure>` of one part: attributes, then each staff's voices in turn (with `<backup>` between
 * them), every voice filled with rests to the full measure, and the part's directions slotted in
 * front of the first voice's notes. Element order follows the MusicXML 4.0 schema.
 */
import { add, lt, lte, mul, rat, sub, type Measure, type Rational } from '@cadenza/core';
import { accidentalSigns } from './accidentals.js';
import type { BeatGrid } from './span-split.js';
import { layoutVoice, type ChordSpan, type LaidEvent, type LaidNote } from './voice-layout.js';
import { el, leaf, type XmlChild, type XmlElement } from './xml-builder.js';

export interface MeasureDirection {
  /** Quarter notes from the measure start. */
  readonly offset: Rational;
  readonly build: (offsetDivisions: number) => XmlElement;
}

export interface MeasureInput {
  readonly measure: Measure;
  readonly divisions: number;
  readonly staves: number;
  /** Spans by `${staff}|${voice}`. */
  readonly spans: ReadonlyMap<string, readonly ChordSpan[]>;
  readonly attributes?: XmlElement;
  readonly directions: readonly MeasureDirection[];
  readonly keyFifths: number;
  readonly grid: BeatGrid;
  readonly final: boolean;
}

/** A voice as written: its number in the file (staff 2 voices start at 5, as MuseScore writes them). */
interface Stream {
  readonly staff: number;
  readonly xmlVoice: number;
  readonly events: readonly LaidEvent[] | 'measure-rest';
}

const ARTICULATION_ELEMENT: Readonly<Record<string, string>> = {
  staccato: 'staccato',
  staccatissimo: 'staccatissimo',
  accent: 'accent',
  tenuto: 'tenuto',
  marcato: 'strong-accent',
};

/** A length in divisions; the divisions were chosen so this is whole, and a fraction here is a bug. */
function toDivisions(length: Rational, divisions: number): number {
  const d = mul(length, rat(divisions));
  if (d.d !== 1)
    throw new Error(
      `internal: ${length.n}/${length.d} quarter notes is not a whole number of ${divisions} divisions`,
    );
  return d.n;
}

export const xmlVoiceNumber = (staff: number, voice: number): number => (staff - 1) * 4 + voice;

function streamsOf(input: MeasureInput): Stream[] {
  const streams: Stream[] = [];
  for (let staff = 1; staff <= input.staves; staff++) {
    const voices = [...input.spans.keys()]
      .map((k) => k.split('|').map(Number) as [number, number])
      .filter(([s]) => s === staff)
      .map(([, v]) => v)
      .sort((a, b) => a - b);
    if (voices.length === 0)
      streams.push({ staff, xmlVoice: xmlVoiceNumber(staff, 1), events: 'measure-rest' });
    for (const v of voices) {
      const events = layoutVoice(input.spans.get(`${staff}|${v}`) ?? [], input.measure.length, input.grid);
      streams.push({ staff, xmlVoice: xmlVoiceNumber(staff, v), events });
    }
  }
  return streams;
}

function notations(note: LaidNote, event: LaidEvent, first: boolean): XmlChild {
  const items: XmlChild[] = [];
  if (note.tieStop) items.push(el('tied', { type: 'stop' }));
  if (note.tieStart) items.push(el('tied', { type: 'start' }));
  if (first && event.tupletStart) items.push(el('tuplet', { type: 'start', bracket: 'yes' }));
  if (first && event.tupletStop) items.push(el('tuplet', { type: 'stop' }));
  const arts = note.articulations.filter((a) => a !== 'fermata').map((a) => el(ARTICULATION_ELEMENT[a] ?? a));
  if (arts.length) items.push(el('articulations', {}, ...arts));
  if (note.articulations.includes('fermata')) items.push(el('fermata', { type: 'upright' }));
  return items.length > 0 && el('notations', {}, ...items);
}

function noteElements(
  event: LaidEvent,
  ctx: { divisions: number; stream: Stream; staves: number; signs: Map<LaidNote, string> },
): XmlElement[] {
  const duration = toDivisions(event.duration, ctx.divisions);
  const common = (tail: readonly XmlChild[]): XmlChild[] => [
    leaf('voice', ctx.stream.xmlVoice),
    leaf('type', event.value.type),
    ...Array.from({ length: event.value.dots }, () => el('dot')),
    ...tail,
  ];
  const timeMod: XmlChild =
    event.tuplet &&
    el(
      'time-modification',
      {},
      leaf('actual-notes', event.tuplet.actual),
      leaf('normal-notes', event.tuplet.normal),
    );
  const staff: XmlChild = ctx.staves > 1 && leaf('staff', ctx.stream.staff);
  if (event.notes.length === 0) {
    const tuplet = (event.tupletStart || event.tupletStop) && el('notations', {}, ...restTuplets(event));
    return [el('note', {}, el('rest'), leaf('duration', duration), ...common([timeMod, staff, tuplet]))];
  }
  return event.notes.map((n, k) =>
    el(
      'note',
      {},
      k > 0 && el('chord'),
      el(
        'pitch',
        {},
        leaf('step', n.pitch.step),
        n.pitch.alter !== 0 && leaf('alter', n.pitch.alter),
        leaf('octave', n.pitch.octave),
      ),
      leaf('duration', duration),
      n.tieStop && el('tie', { type: 'stop' }),
      n.tieStart && el('tie', { type: 'start' }),
      ...common([
        ctx.signs.has(n) && leaf('accidental', ctx.signs.get(n) ?? ''),
        timeMod,
        staff,
        ...(k === 0 ? event.beams.map((b, level) => leaf('beam', b, { number: level + 1 })) : []),
        notations(n, event, k === 0),
      ]),
    ),
  );
}

function restTuplets(event: LaidEvent): XmlElement[] {
  return [
    event.tupletStart && el('tuplet', { type: 'start', bracket: 'yes' }),
    event.tupletStop && el('tuplet', { type: 'stop' }),
  ].filter((x): x is XmlElement => x !== false);
}

function measureRest(input: MeasureInput, stream: Stream): XmlElement {
  return el(
    'note',
    {},
    el('rest', { measure: 'yes' }),
    leaf('duration', toDivisions(input.measure.length, input.divisions)),
    leaf('voice', stream.xmlVoice),
    input.staves > 1 && leaf('staff', stream.staff),
  );
}

/** Directions falling in [from, to), each with its offset from `from` in divisions. */
function directionsIn(input: MeasureInput, from: Rational, to: Rational, last: boolean): XmlElement[] {
  return input.directions
    .filter((d) => lte(from, d.offset) && (lt(d.offset, to) || last))
    .map((d) => d.build(toDivisions(sub(d.offset, from), input.divisions)));
}

export function writeMeasure(input: MeasureInput): XmlElement {
  const { measure } = input;
  const streams = streamsOf(input);
  const signsByStaff = new Map<number, Map<LaidNote, string>>();
  for (let staff = 1; staff <= input.staves; staff++) {
    const events = streams.flatMap((s) => (s.staff === staff && s.events !== 'measure-rest' ? s.events : []));
    signsByStaff.set(staff, accidentalSigns(events, input.keyFifths));
  }
  const children: XmlChild[] = [input.attributes];
  streams.forEach((stream, i) => {
    if (i > 0)
      children.push(el('backup', {}, leaf('duration', toDivisions(measure.length, input.divisions))));
    if (stream.events === 'measure-rest') {
      if (i === 0) children.push(...directionsIn(input, rat(0), measure.length, true));
      children.push(measureRest(input, stream));
      return;
    }
    const signs = signsByStaff.get(stream.staff) ?? new Map<LaidNote, string>();
    stream.events.forEach((event, k) => {
      if (i === 0) {
        const end = add(event.offset, event.duration);
        children.push(...directionsIn(input, event.offset, end, k === stream.events.length - 1));
      }
      children.push(
        ...noteElements(event, { divisions: input.divisions, stream, staves: input.staves, signs }),
      );
    });
  });
  if (input.final) children.push(el('barline', { location: 'right' }, leaf('bar-style', 'light-heavy')));
  return el(
    'measure',
    { number: measure.number, implicit: measure.isPickup ? 'yes' : undefined },
    ...children,
  );
}

/** `<attributes>` content: divisions, key (fifths and mode), time, staves and clefs. */
import { keySignatureFifths, type Clef, type Key, type TimeSignature } from '@cadenza/core';
import { el, leaf, type XmlElement } from './xml-builder.js';

const CLEF_SIGNS: Readonly<Record<Clef, readonly [string, number, number]>> = {
  treble: ['G', 2, 0],
  bass: ['F', 4, 0],
  alto: ['C', 3, 0],
  tenor: ['C', 4, 0],
  'treble-8vb': ['G', 2, -1],
  percussion: ['percussion', 3, 0],
};

export function clefElement(clef: Clef, staff: number | undefined): XmlElement {
  const [sign, line, octave] = CLEF_SIGNS[clef];
  return el(
    'clef',
    { number: staff },
    leaf('sign', sign),
    sign !== 'percussion' && leaf('line', line),
    octave !== 0 && leaf('clef-octave-change', octave),
  );
}

export function keyElement(key: Key): XmlElement {
  return el('key', {}, leaf('fifths', keySignatureFifths(key)), leaf('mode', key.mode));
}

export function timeElement(ts: TimeSignature): XmlElement {
  return el('time', {}, leaf('beats', ts.beats), leaf('beat-type', ts.beatType));
}

export interface AttributeChanges {
  readonly divisions?: number;
  readonly key?: Key;
  readonly time?: TimeSignature;
  /** Staves and clefs are written in the first measure only. */
  readonly staves?: number;
  readonly clefs?: readonly Clef[];
}

/** An `<attributes>` element, or undefined when nothing changes. */
export function attributesElement(a: AttributeChanges): XmlElement | undefined {
  const clefs = a.clefs ?? [];
  if (a.divisions === undefined && !a.key && !a.time && clefs.length === 0) return undefined;
  const multi = (a.staves ?? 1) > 1;
  return el(
    'attributes',
    {},
    a.divisions !== undefined && leaf('divisions', a.divisions),
    a.key && keyElement(a.key),
    a.time && timeElement(a.time),
    multi && leaf('staves', a.staves ?? 1),
    ...clefs.map((c, i) => clefElement(c, multi ? i + 1 : undefined)),
  );
}

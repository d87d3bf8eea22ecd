/** Reading `<attributes>` children: key, time and clef elements into model values. */
import { keyFromFifths, MODES, type Clef, type Key, type Mode, type TimeSignature } from '@cadenza/core';
import { child, childNumber, childText, childrenNamed, type XmlNode } from './xml-tree.js';

/** A `<key>` as a Key; a missing or unknown mode (or "none") reads as major. */
export function readKey(node: XmlNode): Key | undefined {
  const fifths = childNumber(node, 'fifths');
  if (fifths === undefined) return undefined;
  const modeText = childText(node, 'mode')?.toLowerCase();
  const mode: Mode = (MODES as readonly string[]).includes(modeText ?? '') ? (modeText as Mode) : 'major';
  return keyFromFifths(Math.round(fifths), mode);
}

/** A `<time>` as a TimeSignature; additive beats ("3+2") are summed; senza-misura gives undefined. */
export function readTime(node: XmlNode): TimeSignature | undefined {
  const beats = (childText(node, 'beats') ?? '').split('+').reduce((s, x) => s + Number(x), 0);
  const beatType = childNumber(node, 'beat-type');
  if (
    !Number.isInteger(beats) ||
    beats < 1 ||
    beatType === undefined ||
    !Number.isInteger(beatType) ||
    beatType < 1
  ) {
    return undefined;
  }
  return { beats, beatType };
}

/** A `<clef>` as the nearest model clef. */
export function readClef(node: XmlNode): Clef {
  const sign = childText(node, 'sign')?.toUpperCase();
  const line = childNumber(node, 'line');
  const octave = childNumber(node, 'clef-octave-change') ?? 0;
  if (sign === 'F') return 'bass';
  if (sign === 'C') return line === 4 ? 'tenor' : 'alto';
  if (sign === 'PERCUSSION') return 'percussion';
  return octave === -1 ? 'treble-8vb' : 'treble';
}

export interface AttributeUpdate {
  readonly divisions?: number;
  readonly key?: Key;
  readonly time?: TimeSignature;
  readonly staves?: number;
  /** Clefs by staff number. */
  readonly clefs: ReadonlyMap<number, Clef>;
}

export function readAttributes(node: XmlNode): AttributeUpdate {
  const divisions = childNumber(node, 'divisions');
  const keyEl = child(node, 'key');
  const timeEl = child(node, 'time');
  const key = keyEl && readKey(keyEl);
  const time = timeEl && readTime(timeEl);
  const staves = childNumber(node, 'staves');
  const clefs = new Map<number, Clef>();
  for (const c of childrenNamed(node, 'clef')) {
    const staff = Number(c.attrs.number ?? '1');
    if (!clefs.has(staff)) clefs.set(staff, readClef(c));
  }
  return {
    ...(divisions !== undefined && divisions > 0 ? { divisions } : {}),
    ...(key ? { key } : {}),
    ...(time ? { time } : {}),
    ...(staves !== undefined && staves >= 1 ? { staves: Math.round(staves) } : {}),
    clefs,
  };
}

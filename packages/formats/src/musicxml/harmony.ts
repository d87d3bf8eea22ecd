/**
 * Chord symbols as MusicXML `<harmony>`: the root and bass go to their own elements, the rest of the
 * chart symbol to `<kind text="…">`, so a reader gets back exactly the symbol that was written
 * ("Ebmaj7#11/G" → root E♭, kind text "maj7#11", bass G). The kind value itself comes from the chord's
 * tones as `parseChordSymbol` reads them ("Am7" → minor-seventh), for programs that ignore the text.
 */
import {
  MusicError,
  pitchClassName,
  tryParseChordSymbol,
  type Chord,
  type PitchClass,
  type Step,
} from '@cadenza/core';
import { el, leaf, type XmlChild, type XmlElement } from './xml-builder.js';

/** MusicXML kind values and the suffix a chart usually shows for them. */
const KIND_SUFFIX: Readonly<Record<string, string>> = {
  major: '',
  minor: 'm',
  augmented: 'aug',
  diminished: 'dim',
  dominant: '7',
  'major-seventh': 'maj7',
  'minor-seventh': 'm7',
  'diminished-seventh': 'dim7',
  'augmented-seventh': 'aug7',
  'half-diminished': 'm7b5',
  'major-minor': 'm(maj7)',
  'major-sixth': '6',
  'minor-sixth': 'm6',
  'dominant-ninth': '9',
  'major-ninth': 'maj9',
  'minor-ninth': 'm9',
  'dominant-11th': '11',
  'major-11th': 'maj11',
  'minor-11th': 'm11',
  'dominant-13th': '13',
  'major-13th': 'maj13',
  'minor-13th': 'm13',
  'suspended-second': 'sus2',
  'suspended-fourth': 'sus4',
  power: '5',
};

/** MusicXML kinds by the chord's semitones above the root, from `parseChordSymbol`. */
const KIND_BY_SEMITONES: Readonly<Record<string, string>> = {
  '0,4,7': 'major',
  '0,3,7': 'minor',
  '0,4,8': 'augmented',
  '0,3,6': 'diminished',
  '0,4,7,10': 'dominant',
  '0,4,7,11': 'major-seventh',
  '0,3,7,10': 'minor-seventh',
  '0,3,6,9': 'diminished-seventh',
  '0,4,8,10': 'augmented-seventh',
  '0,3,6,10': 'half-diminished',
  '0,3,7,11': 'major-minor',
  '0,4,7,9': 'major-sixth',
  '0,3,7,9': 'minor-sixth',
  '0,4,7,10,14': 'dominant-ninth',
  '0,4,7,11,14': 'major-ninth',
  '0,3,7,10,14': 'minor-ninth',
  '0,4,7,10,14,17': 'dominant-11th',
  '0,4,7,11,14,17': 'major-11th',
  '0,3,7,10,14,17': 'minor-11th',
  '0,4,7,10,14,21': 'dominant-13th',
  '0,4,7,10,14,17,21': 'dominant-13th',
  '0,4,7,11,14,21': 'major-13th',
  '0,4,7,11,14,17,21': 'major-13th',
  '0,3,7,10,14,21': 'minor-13th',
  '0,3,7,10,14,17,21': 'minor-13th',
  '0,2,7': 'suspended-second',
  '0,5,7': 'suspended-fourth',
  '0,7': 'power',
};

/** The kind of a parsed chord; 'other' (shown by its text) for chords MusicXML has no kind for. */
function kindOf(chord: Chord): string {
  const semitones = chord.intervals.map((i) => i.semitones).sort((x, y) => x - y);
  return KIND_BY_SEMITONES[semitones.join(',')] ?? 'other';
}

export interface ChordSymbolParts {
  readonly root: PitchClass;
  /** Everything between the root and the slash bass: "maj7#11". */
  readonly suffix: string;
  readonly bass?: PitchClass;
}

const ALTERS: Readonly<Record<string, number>> = {
  '': 0,
  '#': 1,
  '♯': 1,
  '##': 2,
  x: 2,
  b: -1,
  '♭': -1,
  bb: -2,
};
const ROOT_RE = /^([A-G])(##|bb|#|b|♯|♭|x)?(.*?)(?:\/([A-G])(##|bb|#|b|♯|♭)?)?$/u;

/** Splits a chart symbol into root, suffix and slash bass; undefined when it has no root letter. */
export function splitChordSymbol(symbol: string): ChordSymbolParts | undefined {
  const m = ROOT_RE.exec(symbol.trim());
  if (!m) return undefined;
  const root = { step: m[1] as Step, alter: ALTERS[m[2] ?? ''] ?? 0 };
  const suffix = m[3] ?? '';
  if (m[4] === undefined) return { root, suffix };
  return { root, suffix, bass: { step: m[4] as Step, alter: ALTERS[m[5] ?? ''] ?? 0 } };
}

const isNoChord = (symbol: string): boolean => /^N\.?\s*C\.?$/i.test(symbol.trim());

/** A `<harmony>` element; `extra` holds what follows the chord (offset, staff). */
export function harmonyElement(symbol: string, extra: readonly XmlChild[] = []): XmlElement {
  if (isNoChord(symbol)) {
    return el(
      'harmony',
      {},
      el('root', {}, leaf('root-step', 'C', { text: '' })),
      leaf('kind', 'none', { text: symbol.trim() }),
      ...extra,
    );
  }
  const parts = splitChordSymbol(symbol);
  const parsed = tryParseChordSymbol(symbol);
  if (!parts) {
    const why = parsed.ok ? 'it should start with a root letter A–G' : parsed.error;
    throw new MusicError(`'${symbol}' cannot be written as a chord symbol: ${why}`, symbol);
  }
  // The parser knows what the chord is (its kind); the chart text stays exactly as written. A symbol
  // the parser does not know is still written, as kind "other" with its text.
  const root = parsed.ok ? parsed.chord.root : parts.root;
  const bass = parts.bass && (parsed.ok ? parsed.chord.bass : parts.bass);
  const alter = (a: number, name: string): XmlChild => a !== 0 && leaf(name, a);
  return el(
    'harmony',
    {},
    el('root', {}, leaf('root-step', root.step), alter(root.alter, 'root-alter')),
    leaf('kind', parsed.ok ? kindOf(parsed.chord) : 'other', { text: parts.suffix }),
    bass && el('bass', {}, leaf('bass-step', bass.step), alter(bass.alter, 'bass-alter')),
    ...extra,
  );
}

/** What a reader needs from a `<harmony>` element, already pulled out of the XML. */
export interface HarmonyFields {
  readonly rootStep?: string;
  readonly rootAlter?: number;
  readonly kind?: string;
  /** The kind's `text` attribute, when present (it may be empty). */
  readonly kindText?: string;
  readonly bassStep?: string;
  readonly bassAlter?: number;
  /** Degree changes as chart text, e.g. "add9", "b9". */
  readonly degrees: readonly string[];
}

/** The chart symbol a `<harmony>` shows; undefined when it names no chord. */
export function harmonySymbol(h: HarmonyFields): string | undefined {
  if (h.kind === 'none') return h.kindText || 'N.C.';
  if (!h.rootStep || !/^[A-G]$/.test(h.rootStep)) return undefined;
  const name = (step: string, alter = 0): string =>
    pitchClassName({ step: step as Step, alter: Math.round(alter) });
  const suffix = h.kindText ?? KIND_SUFFIX[h.kind ?? 'major'] ?? '';
  const degrees = h.degrees.length ? `(${h.degrees.join(',')})` : '';
  const bass = h.bassStep && /^[A-G]$/.test(h.bassStep) ? `/${name(h.bassStep, h.bassAlter)}` : '';
  return `${name(h.rootStep, h.rootAlter)}${suffix}${degrees}${bass}`;
}

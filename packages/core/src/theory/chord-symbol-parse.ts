import { MusicError } from '../errors.js';
import type { PitchClass, Step } from '../pitch/pitch.js';
import { buildChord, type Chord } from './chord.js';
import {
  atEnd,
  eat,
  eatAny,
  eatDigits,
  peek,
  readSoFar,
  rest,
  symbolError,
  unreadable,
  FLAT_SIGNS,
  SHARP_SIGNS,
  type Cursor,
} from './chord-symbol-cursor.js';
import { eatMajorSign, readGroup, readModifier } from './chord-symbol-modifiers.js';
import { emptySpec, ordinal, specIntervals, type ChordNumber, type ChordSpec } from './chord-symbol-spec.js';

/*
 * Grammar (one pass, left to right):
 *   symbol   = root quality? number? modifier* ("/" bass)?
 *   quality  = major-sign | minor major-sign? | dim | aug major-sign? | half-dim
 *   number   = 2 | 5 | 6 | 6/9 | 69 | 7 | 9 | 11 | 13
 *   modifier = alteration | "add" degree | "no"/"omit" 3|5 | "sus" 2|4 | "alt" | major-sign number?
 *              | "(" modifier ("," modifier)* ")"
 * Each part is read compositionally, so "Cm9(maj7)b5/E" needs no table entry of its own.
 */

const LETTERS: ReadonlySet<string> = new Set(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
const DOUBLE_SIGNS: Readonly<Record<string, number>> = { '𝄪': 2, '𝄫': -2 };

function notePlace(role: 'root' | 'bass'): string {
  return role === 'root' ? 'chord roots are' : 'bass notes are';
}

/** Explains why `ch` cannot start a root or bass note. */
function noteProblem(c: Cursor, role: 'root' | 'bass'): string {
  const ch = peek(c);
  const after = c.text.charAt(c.pos + 1);
  if (ch === '') {
    return role === 'root'
      ? 'an empty chord symbol: write a root A–G, e.g. C or Am7'
      : `the slash needs a bass note after it, e.g. '${readSoFar(c)}E'`;
  }
  if (ch === 'H' || ch === 'h') return `${notePlace(role)} A–G (H is the German name for B)`;
  if ((SHARP_SIGNS as readonly string[]).includes(ch) || (ch === 'b' && LETTERS.has(after)) || ch === '♭') {
    const letter = LETTERS.has(after) ? after : role === 'root' ? 'C' : 'F';
    const example = `${letter}${ch === '♭' ? 'b' : ch}`;
    return `write the accidental after the letter, e.g. '${role === 'root' ? `${example}7` : `C/${example}`}'`;
  }
  if (/[a-g]/.test(ch)) return `${notePlace(role)} capital letters A–G, e.g. '${ch.toUpperCase()}'`;
  if (ch === '/')
    return role === 'root' ? 'a slash bass needs a chord before it, e.g. C/E' : 'the slash is written twice';
  if (role === 'bass') return `after the slash write a bass note A–G, e.g. '${readSoFar(c)}E'`;
  return /\d/.test(ch) ? 'a chord symbol starts with its root A–G, e.g. C7' : `${notePlace(role)} A–G`;
}

/** Reads a letter and its accidentals: "F#", "Bb", "E♭", "C𝄪". */
function readNote(c: Cursor, role: 'root' | 'bass'): PitchClass {
  const letter = peek(c);
  if (!LETTERS.has(letter)) throw symbolError(c, noteProblem(c, role));
  c.pos += 1;
  let sharps = 0;
  let flats = 0;
  for (;;) {
    if (eatAny(c, SHARP_SIGNS)) sharps += 1;
    else if (eatAny(c, FLAT_SIGNS)) flats += 1;
    else {
      const double = Object.keys(DOUBLE_SIGNS).find((s) => eat(c, s));
      if (double === undefined) break;
      const alter = DOUBLE_SIGNS[double] ?? 0;
      if (alter > 0) sharps += alter;
      else flats -= alter;
    }
  }
  if (sharps > 0 && flats > 0) throw symbolError(c, `the ${role} ${letter} has both a sharp and a flat`);
  if (sharps + flats > 2) throw symbolError(c, `a ${role} takes at most two sharps or two flats`);
  return { step: letter as Step, alter: sharps - flats };
}

/** Reads the quality signs right after the root. */
function readQuality(c: Cursor, spec: ChordSpec): void {
  const major = eatMajorSign(c);
  if (major !== undefined) {
    spec.majorSeventh = true;
    // A triangle or caret alone is a major 7th chord; "Cmaj" or "CM" alone is the triad.
    if ((major === 'Δ' || major === '∆' || major === '^') && !/^\d/.test(rest(c))) spec.number = 7;
    return;
  }
  if (eatAny(c, ['min', 'mi', 'm', '-'])) {
    spec.quality = 'minor';
  } else if (!rest(c).startsWith('omit') && eatAny(c, ['dim', '°', 'º', 'o'])) {
    spec.quality = 'dim';
    return;
  } else if (eatAny(c, ['aug', '+'])) {
    spec.quality = 'aug';
    // "C+5" spells the raised 5th out: still an augmented triad.
    if (/^5(?!\d)/.test(rest(c))) c.pos += 1;
  } else if (eatAny(c, ['ø', 'Ø'])) {
    spec.quality = 'halfDim';
    return;
  } else {
    return;
  }
  // minor or augmented, then an optional major 7th: "mMaj7", "-Δ7", "minmaj7", "+M7".
  const sign = eatMajorSign(c);
  if (sign === undefined) return;
  spec.majorSeventh = true;
  if (!/^\d/.test(rest(c))) spec.number = 7;
}

const NUMBERS: ReadonlySet<number> = new Set([2, 5, 6, 7, 9, 11, 13]);

/** Reads the chord number: 7, 9, 6/9, 69, ... */
function readNumber(c: Cursor, spec: ChordSpec): void {
  if (spec.number !== undefined) {
    if (/^\d/.test(rest(c))) throw unreadable(c);
    return;
  }
  const before = readSoFar(c);
  let n: ChordNumber;
  if (eat(c, '6/9') || (/^69(?!\d)/.test(rest(c)) && eat(c, '69'))) {
    n = 69;
  } else {
    const digits = eatDigits(c);
    if (digits === '') return;
    const value = Number(digits);
    if (value === 4) {
      throw symbolError(c, `a bare '4' is ambiguous: write '${before}sus4' or '${before}add4'`);
    }
    if (!NUMBERS.has(value)) {
      throw symbolError(c, `there is no ${ordinal(value)} chord: chord numbers are 5, 6, 7, 9, 11 and 13`);
    }
    n = value as ChordNumber;
  }
  const q = spec.quality;
  const plainOrMinor = q === 'major' || q === 'minor';
  if (n === 5 && (q !== 'major' || spec.majorSeventh)) {
    throw symbolError(
      c,
      `a power chord ('5': root and 5th) has no 3rd, so it takes no quality sign before the 5`,
    );
  }
  if ((n === 6 || n === 69 || n === 2) && !plainOrMinor) {
    throw symbolError(
      c,
      `'${n === 69 ? '6/9' : n}' cannot follow '${before}': sixth chords are major or minor`,
    );
  }
  spec.number = n;
}

const QUALITY_WORDS = ['dim', 'aug', 'min', 'mi', 'm', '°', 'º', 'ø', 'Ø', '+', '-'];

/** A second quality ("Caugdim", "C°°7") gets its own message; anything else is unreadable text. */
function unreadableAfterQuality(c: Cursor, spec: ChordSpec): Error {
  const second = QUALITY_WORDS.find((w) => rest(c).startsWith(w));
  if (second !== undefined && spec.quality !== 'major' && spec.number === undefined) {
    return symbolError(c, `a chord has one quality: '${second}' cannot follow '${readSoFar(c)}'`);
  }
  return unreadable(c);
}

/** Reads the slash bass; it must end the symbol. */
function readBass(c: Cursor): PitchClass {
  eat(c, '/');
  const bass = readNote(c, 'bass');
  if (!atEnd(c)) throw unreadable(c);
  return bass;
}

/**
 * Parses a lead-sheet chord symbol: "Cmaj7", "F#m7b5", "Bb13sus", "C7(b9,#11)", "Ebmaj7#11/G", "E♭7♯9".
 * Notes are spelled by interval (C7#9 has D#, not Eb). Throws a MusicError naming the problem.
 */
export function parseChordSymbol(text: string): Chord {
  const c: Cursor = { text: text.trim(), pos: 0 };
  const root = readNote(c, 'root');
  const spec = emptySpec();
  readQuality(c, spec);
  readNumber(c, spec);
  let bass: PitchClass | undefined;
  while (!atEnd(c)) {
    const ch = peek(c);
    if (ch === '/') {
      bass = readBass(c);
      break;
    }
    if (ch === '(') readGroup(c, spec);
    else if (ch === ')') throw symbolError(c, `')' closes a parenthesis that was never opened`);
    else if (ch === ',' && c.pos > 0) {
      // "C7b9,#11": a list without parentheses; the comma must sit between two modifiers.
      eat(c, ',');
      if (!readModifier(c, spec, false)) {
        throw symbolError(c, `a comma must stand between two alterations, e.g. 'C7b9,#11'`);
      }
    } else if (!readModifier(c, spec, false)) throw unreadableAfterQuality(c, spec);
  }
  const intervals = specIntervals(spec, c.text);
  return buildChord(root, intervals, { symbol: c.text, ...(bass ? { bass } : {}) });
}

export type ChordSymbolResult =
  { readonly ok: true; readonly chord: Chord } | { readonly ok: false; readonly error: string };

/** Like `parseChordSymbol`, but returns the musician-worded problem instead of throwing it. */
export function tryParseChordSymbol(text: string): ChordSymbolResult {
  try {
    return { ok: true, chord: parseChordSymbol(text) };
  } catch (e) {
    if (e instanceof MusicError) return { ok: false, error: e.message };
    throw e;
  }
}

import { MusicError } from '../errors.js';
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
import { ADDABLE, ALTERATIONS, ordinal, type ChordNumber, type ChordSpec } from './chord-symbol-spec.js';

/** Signs for a major 7th, longest first. "ma" must not eat the "ma" of "madd9" (minor add 9). */
export const MAJOR_SIGNS = ['maj', 'Maj', 'MAJ', 'ma', 'Ma', 'M', 'Δ', '∆', '^'] as const;

export function eatMajorSign(c: Cursor): string | undefined {
  const sign = MAJOR_SIGNS.find(
    (w) => c.text.startsWith(w, c.pos) && !(w.length === 2 && /^[mM]add/.test(rest(c))),
  );
  if (sign !== undefined) c.pos += sign.length;
  return sign;
}

/** Old fake books write + and - for sharp and flat after the chord number: C7-9, C7+5. */
const RAISE = [...SHARP_SIGNS, '+'];
const LOWER = [...FLAT_SIGNS, '-'];

const numberText = (n: ChordNumber): string => (n === 69 ? '6/9' : String(n));

/** The degree a lone accidental was probably meant to alter, for the error's example. */
function suggestDegree(spec: ChordSpec, sharp: boolean): string {
  if (sharp) return spec.majorSeventh || spec.number === 9 || spec.number === 13 ? '11' : '9';
  if (spec.number === 9 || spec.number === 69 || spec.number === 2) return '13';
  return spec.quality === 'minor' && spec.number === 7 ? '5' : '9';
}

/** Reads "#11", "b9", "+5", "-9". */
function readAlteration(c: Cursor, spec: ChordSpec): boolean {
  const start = readSoFar(c);
  const sign = eatAny(c, RAISE) ?? eatAny(c, LOWER);
  if (sign === undefined) return false;
  const sharp = RAISE.includes(sign);
  if (RAISE.includes(peek(c)) || LOWER.includes(peek(c))) {
    throw symbolError(c, `an alteration takes a single sharp or flat, e.g. '#9' or 'b9'`);
  }
  const digits = eatDigits(c);
  if (digits === '') {
    const example = `${start}${sign}${suggestDegree(spec, sharp)}`;
    throw new MusicError(
      `'${c.text}' is not a chord symbol: '${sign}' needs a degree, e.g. '${example}'`,
      c.text,
    );
  }
  const key = (sharp ? '#' : 'b') + digits;
  const written = ALTERATIONS[key];
  if (written === undefined) {
    const degree = Number(digits);
    const hint =
      degree === 7
        ? `a dominant 7th is written '7', a major 7th 'maj7'`
        : degree === 3
          ? `the 3rd is never altered; write 'm' for a minor 3rd`
          : 'chord symbols alter the 5th, 9th, 11th and 13th: b5, #5, b9, #9, #11, b13';
    throw symbolError(c, `'${sign}${digits}' is not a chord alteration (${hint})`);
  }
  if (spec.alterations.some((a) => a.key === key)) {
    throw symbolError(c, `the ${ordinal(written.degree)} is altered twice ('${key}' written twice)`);
  }
  if (spec.alt && (written.degree === 5 || written.degree === 9)) {
    throw symbolError(c, `'alt' already alters the 5th and 9th, so '${key}' cannot be added`);
  }
  const n = spec.number;
  const natural =
    (written.degree === 9 && (n === 9 || n === 69 || n === 2)) ||
    (written.degree === 6 && (n === 6 || n === 69)) ||
    written.degree === n;
  if (natural && n !== undefined) {
    const how = sharp ? 'sharp' : 'flat';
    throw symbolError(
      c,
      `the ${ordinal(written.degree)} is written both natural (${numberText(n)}) and ${how} (${key})`,
    );
  }
  spec.alterations.push(written);
  return true;
}

/** Reads "add9", "add#11", "addb9"; or, inside parentheses, a bare "9" or "13". */
function readAdd(c: Cursor, spec: ChordSpec, bare: boolean): boolean {
  if (!bare && !eat(c, 'add')) return false;
  const sign = eatAny(c, RAISE) ?? eatAny(c, LOWER);
  const digits = eatDigits(c);
  if (bare && digits === '') return false;
  if (digits === '') {
    throw symbolError(c, `'add' needs a degree, e.g. '${readSoFar(c)}9${rest(c)}'`);
  }
  const key = (sign === undefined ? '' : RAISE.includes(sign) ? '#' : 'b') + digits;
  const written = ADDABLE[key];
  if (written === undefined) {
    const what = bare ? `'${key}' in parentheses` : `'add${key}'`;
    throw symbolError(c, `${what} is not a degree to add: add 2, 4, 6, 9, 11 or 13 (or b9, #9, #11, b13)`);
  }
  if (spec.adds.some((a) => a.key === key)) {
    throw symbolError(c, `the ${ordinal(written.degree)} is added twice ('add${key}' written twice)`);
  }
  spec.adds.push(written);
  return true;
}

/** Reads "no3", "omit5". */
function readOmit(c: Cursor, spec: ChordSpec): boolean {
  const word = eatAny(c, ['omit', 'no']);
  if (word === undefined) return false;
  const digits = eatDigits(c);
  if (digits !== '3' && digits !== '5') {
    throw symbolError(c, `'${word}' leaves out the 3rd or the 5th: write '${word}3' or '${word}5'`);
  }
  const degree = digits === '3' ? 3 : 5;
  if (spec.omits.has(degree)) throw symbolError(c, `the ${ordinal(degree)} is left out twice`);
  spec.omits.add(degree);
  return true;
}

/** Reads "sus", "sus4", "sus2", "sus(4)". A bare "sus" is sus4, as on every chart. */
function readSus(c: Cursor, spec: ChordSpec): boolean {
  if (!eat(c, 'sus')) return false;
  if (spec.sus !== undefined) throw symbolError(c, `'sus' is written twice`);
  if (spec.quality !== 'major' && spec.quality !== 'aug') {
    throw symbolError(
      c,
      `a ${spec.quality === 'minor' ? 'minor' : 'diminished'} chord cannot be suspended: 'sus' replaces the 3rd`,
    );
  }
  const digits = eat(c, '(2)') ? '2' : eat(c, '(4)') ? '4' : eatDigits(c);
  if (digits !== '' && digits !== '2' && digits !== '4') {
    throw symbolError(
      c,
      `'sus${digits}' is not a suspension: 'sus' replaces the 3rd with a 2nd or a 4th (sus2, sus4)`,
    );
  }
  spec.sus = digits === '2' ? 2 : 4;
  return true;
}

/** Reads "alt": a dominant 7th with ♭5, ♯5, ♭9 and ♯9 ("Calt" is C7alt). */
function readAlt(c: Cursor, spec: ChordSpec): boolean {
  if (!eat(c, 'alt')) return false;
  if (spec.alt) throw symbolError(c, `'alt' is written twice`);
  if (spec.quality !== 'major' || spec.majorSeventh || (spec.number !== undefined && spec.number !== 7)) {
    throw symbolError(c, `'alt' names an altered dominant 7th: write it after the root and 7, e.g. 'C7alt'`);
  }
  if (spec.alterations.some((a) => a.degree === 5 || a.degree === 9)) {
    throw symbolError(c, `'alt' already alters the 5th and 9th; leave out the other 5th and 9th alterations`);
  }
  spec.alt = true;
  return true;
}

/** Reads a major-7th sign after the quality: "m(maj7)", "m9(maj7)", "m(maj9)". */
function readMajorSeventh(c: Cursor, spec: ChordSpec): boolean {
  const sign = eatMajorSign(c);
  if (sign === undefined) return false;
  if (spec.majorSeventh) throw symbolError(c, `the major 7th is written twice`);
  if (spec.quality === 'halfDim') {
    throw symbolError(c, `'${sign}' contradicts the half-diminished sign, which already means a minor 7th`);
  }
  const digits = eatDigits(c);
  const n = digits === '' ? 7 : Number(digits);
  if (n !== 7 && n !== 9 && n !== 11 && n !== 13) {
    throw symbolError(c, `'${sign}${digits}' is not a major 7th chord number: use 7, 9, 11 or 13`);
  }
  if (spec.number === undefined) spec.number = n;
  else if (n !== 7 || spec.number === 7) throw symbolError(c, `the 7th is written twice`);
  else if (spec.number !== 9 && spec.number !== 11 && spec.number !== 13) {
    throw symbolError(c, `a major 7th cannot go with '${numberText(spec.number)}'`);
  }
  spec.majorSeventh = true;
  return true;
}

/** Reads one modifier; returns false when none starts here. */
export function readModifier(c: Cursor, spec: ChordSpec, inParentheses: boolean): boolean {
  return (
    readAdd(c, spec, false) ||
    readOmit(c, spec) ||
    readSus(c, spec) ||
    readAlt(c, spec) ||
    readAlteration(c, spec) ||
    readMajorSeventh(c, spec) ||
    (inParentheses && readAdd(c, spec, true))
  );
}

/** Reads "(b9,#11)", "(b9 #11)", "(add9)", "(maj7)". */
export function readGroup(c: Cursor, spec: ChordSpec): void {
  const open = c.pos;
  eat(c, '(');
  const unclosed = (): Error =>
    symbolError(c, `the parenthesis opened at '${c.text.slice(0, open + 1)}' is never closed`);
  if (peek(c) === ')') throw symbolError(c, `empty parentheses '()'`);
  for (;;) {
    while (eat(c, ' '));
    if (atEnd(c)) throw unclosed();
    if (peek(c) === ',' || peek(c) === ')')
      throw symbolError(c, `an empty item in the list after '${readSoFar(c)}'`);
    if (!readModifier(c, spec, true)) {
      if (peek(c) === '(') throw symbolError(c, `parentheses cannot be nested`);
      throw unreadable(c);
    }
    while (eat(c, ' '));
    if (eat(c, ')')) return;
    if (atEnd(c)) throw unclosed();
    eat(c, ',');
  }
}

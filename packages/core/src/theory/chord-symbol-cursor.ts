import { MusicError } from '../errors.js';

/** A position in a chord symbol being read; the readers move `pos` forward as they consume text. */
export interface Cursor {
  readonly text: string;
  pos: number;
}

export const rest = (c: Cursor): string => c.text.slice(c.pos);
export const readSoFar = (c: Cursor): string => c.text.slice(0, c.pos);
export const peek = (c: Cursor, offset = 0): string => c.text.charAt(c.pos + offset);
export const atEnd = (c: Cursor): boolean => c.pos >= c.text.length;

/** Consumes `word` if the text continues with it. */
export function eat(c: Cursor, word: string): boolean {
  if (!c.text.startsWith(word, c.pos)) return false;
  c.pos += word.length;
  return true;
}

/** Consumes the first of `words` that the text continues with (list longer words first). */
export function eatAny(c: Cursor, words: readonly string[]): string | undefined {
  return words.find((w) => eat(c, w));
}

/** Consumes a run of decimal digits. */
export function eatDigits(c: Cursor): string {
  const m = /^\d+/.exec(rest(c));
  const digits = m ? m[0] : '';
  c.pos += digits.length;
  return digits;
}

/** A MusicError naming the symbol: "'C7b9b9': the 9th is altered twice". */
export const symbolError = (c: Cursor, problem: string): MusicError =>
  new MusicError(`'${c.text}': ${problem}`, c.text);

/** The error for text the grammar has no reading for. */
export const unreadable = (c: Cursor): MusicError =>
  c.pos === 0
    ? symbolError(c, 'a chord symbol starts with its root A–G, e.g. C7')
    : symbolError(c, `could not read '${rest(c)}' after '${readSoFar(c)}'`);

export const SHARP_SIGNS = ['#', '♯'] as const;
export const FLAT_SIGNS = ['b', '♭'] as const;

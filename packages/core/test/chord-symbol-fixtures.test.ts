import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  chordNotesFromBass,
  formatChordSymbol,
  MusicError,
  parseChordSymbol,
  pitchClassName,
} from '@cadenza/core';

const REAL = new URL('./fixtures/lead-sheet-chords.json', import.meta.url);
const MALFORMED = new URL('./fixtures/malformed-chords.json', import.meta.url);

interface RealSymbol {
  readonly symbol: string;
  /** Spelled pitch classes: the bass first for slash chords (then the upper tones without it), else the root. */
  readonly notes: readonly string[];
  readonly from: string;
}
interface MalformedSymbol {
  readonly symbol: string;
  readonly why: string;
}

const load = <T>(url: URL): T => JSON.parse(readFileSync(url, 'utf8')) as T;

/** Bass (or root) first, then the other tones as a set: what the fixture's `notes` means. */
function fixtureProblem(entry: RealSymbol): string | undefined {
  let got: string[];
  try {
    got = chordNotesFromBass(parseChordSymbol(entry.symbol)).map((n) => pitchClassName(n));
  } catch (e) {
    return `${entry.symbol}: ${(e as Error).message}`;
  }
  const same =
    got.length === entry.notes.length &&
    got[0] === entry.notes[0] &&
    entry.notes.every((n) => got.includes(n));
  return same ? undefined : `${entry.symbol}: got ${got.join(' ')}, fixture says ${entry.notes.join(' ')}`;
}

describe.skipIf(!existsSync(REAL))('real lead-sheet symbols (fixtures/lead-sheet-chords.json)', () => {
  const symbols = existsSync(REAL) ? load<{ symbols: RealSymbol[] }>(REAL).symbols : [];

  it('has at least 300 symbols', () => {
    expect(symbols.length).toBeGreaterThanOrEqual(300);
  });

  it('parses at least 99 % of them to exactly the fixture notes', () => {
    const failures = symbols.map(fixtureProblem).filter((p): p is string => p !== undefined);
    const rate = (symbols.length - failures.length) / symbols.length;
    console.log(
      `chord symbols: ${symbols.length - failures.length}/${symbols.length} parsed with the fixture's notes ` +
        `(${(100 * rate).toFixed(1)} %)${failures.length > 0 ? `\n  ${failures.join('\n  ')}` : ''}`,
    );
    expect(rate).toBeGreaterThanOrEqual(0.99);
  });

  it('writes each one canonically in a form that reads back to the same notes', () => {
    const drift: string[] = [];
    for (const { symbol } of symbols) {
      const parsed = parseChordSymbol(symbol);
      const canonical = formatChordSymbol(parsed);
      const reread = chordNotesFromBass(parseChordSymbol(canonical))
        .map((n) => pitchClassName(n))
        .join(' ');
      const original = chordNotesFromBass(parsed)
        .map((n) => pitchClassName(n))
        .join(' ');
      if (reread !== original) drift.push(`${symbol} -> ${canonical}: ${original} became ${reread}`);
    }
    expect(drift).toEqual([]);
  });
});

describe.skipIf(!existsSync(MALFORMED))('malformed symbols (fixtures/malformed-chords.json)', () => {
  const symbols = existsSync(MALFORMED) ? load<{ symbols: MalformedSymbol[] }>(MALFORMED).symbols : [];

  it('rejects at least 30 with a MusicError that quotes the symbol', () => {
    const rejected: string[] = [];
    const accepted: string[] = [];
    for (const { symbol, why } of symbols) {
      try {
        const chord = parseChordSymbol(symbol);
        accepted.push(`${symbol} (${why}) read as ${chord.notes.map((n) => pitchClassName(n)).join(' ')}`);
      } catch (e) {
        if (e instanceof MusicError && e.message.includes(`'${symbol.trim()}'`)) rejected.push(symbol);
        else accepted.push(`${symbol}: unexpected error ${String(e)}`);
      }
    }
    console.log(
      `malformed chord symbols: ${rejected.length}/${symbols.length} rejected` +
        (accepted.length > 0 ? `\n  ${accepted.join('\n  ')}` : ''),
    );
    expect(rejected.length).toBeGreaterThanOrEqual(30);
  });
});

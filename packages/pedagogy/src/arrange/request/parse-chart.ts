import { MusicError, parseChordSymbol, type Chord } from '@cadenza/core';

/**
 * Reads a lead-sheet chart such as `| Cmaj7 | Am7 | Dm7 G7 | Cmaj7 |` into bars of parsed chords.
 * A bad symbol is reported with its bar number, so the user can find it in what they typed.
 */
export function parseChart(text: string): Chord[][] {
  const bars = text
    .split('|')
    .map((cell) => cell.trim())
    .filter((cell) => cell.length > 0);
  if (bars.length === 0)
    throw new MusicError('the chart has no bars: write it like "| C | F | G7 | C |"', text);
  return bars.map((cell, index) =>
    cell.split(/\s+/).map((symbol) => {
      try {
        return parseChordSymbol(symbol);
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        throw new MusicError(`bar ${index + 1}: '${symbol}' is not a chord symbol: ${why}`, text);
      }
    }),
  );
}

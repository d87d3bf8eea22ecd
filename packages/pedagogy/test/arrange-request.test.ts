import { describe, expect, it } from 'vitest';
import { parseChart } from '../src/arrange/request/parse-chart.js';

describe('parseChart', () => {
  it('reads bars of chords, two chords sharing a bar', () => {
    const bars = parseChart('| Cmaj7 | Am7 | Dm7 G7 | Cmaj7 |');
    expect(bars.map((bar) => bar.length)).toEqual([1, 1, 2, 1]);
    expect(bars[2]?.map((chord) => chord.root.step)).toEqual(['D', 'G']);
  });
  it('names the bar and the symbol it could not read', () => {
    expect(() => parseChart('| C | F | Dm7# G7 |')).toThrow(/bar 3: 'Dm7#' is not a chord symbol/);
  });
  it('rejects a chart with no bars', () => {
    expect(() => parseChart('|  |')).toThrow(/no bars/);
  });
});

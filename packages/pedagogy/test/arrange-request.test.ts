import { describe, expect, it } from 'vitest';
import { parseChart } from '../src/arrange/request/parse-chart.js';
import { readDescription } from '../src/arrange/request/read-description.js';

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

describe('readDescription', () => {
  it.each([
    ['uplifting gospel in Bb minor', 'B', -1, 'minor', 'in Bb minor'],
    ['F# major ballad', 'F', 1, 'major', 'F# major'],
    ['a tune in the key of Eb', 'E', -1, 'major', 'key of Eb'],
    ['C minor blues', 'C', 0, 'minor', 'C minor'],
    ['a ballad in A flat', 'A', -1, 'major', 'in A flat'],
    ['worship in E-flat major', 'E', -1, 'major', 'in E-flat major'],
    ['a lament in F sharp minor', 'F', 1, 'minor', 'in F sharp minor'],
    ['blues in Bb minor, 12 bars', 'B', -1, 'minor', 'in Bb minor'],
  ])('reads the key of %j', (text, step, alter, mode, words) => {
    const key = readDescription(text).key;
    expect(key?.value.tonic).toEqual({ step, alter });
    expect(key?.value.mode).toBe(mode);
    expect(key?.words).toBe(words);
  });
  it.each([
    ['slow and soulful', 66, 'slow'],
    ['upbeat shuffle', 132, 'upbeat'],
    ['swing at 92 bpm', 92, '92 bpm'],
    ['swing 92bpm', 92, '92bpm'],
  ])('reads the tempo of %j', (text, tempo, words) => {
    expect(readDescription(text).tempo).toEqual({ value: tempo, words });
  });
  it.each([
    ['16 bars of blues', 16],
    ['a 32-bar standard', 32],
  ])('reads the length of %j', (text, bars) => {
    expect(readDescription(text).bars?.value).toBe(bars);
  });
  it('does not read an article as a key', () => {
    expect(readDescription('a warm groove').key).toBeUndefined();
  });
});

describe('readDescription moods and styles', () => {
  it('reads moods with their words', () => {
    expect(readDescription('Uplifting and soulful').moods).toEqual([
      { value: 'uplifting', words: 'Uplifting' },
      { value: 'soulful', words: 'soulful' },
    ]);
  });
  it.each([
    ['jazz with ii-V-I turnarounds', ['ii-v-i', 'turnaround']],
    [
      'laid-back Dorian vamp with syncopated bass lines and chromatic fills',
      ['syncopated', 'bass-line', 'fills', 'dorian', 'laid-back'],
    ],
    ['blues with tremolo and call and response', ['tremolo', 'call-response']],
    ['a gospel shuffle', ['gospel-shuffle']],
    ['12-bar boogie-woogie with a quick change', ['twelve-bar', 'boogie-woogie', 'quick-change']],
    ['Baroque, Alberti bass', ['baroque', 'alberti']],
  ])('reads the style cues of %j', (text, styles) => {
    expect(readDescription(text).styles.map((r) => r.value)).toEqual(styles);
  });
});

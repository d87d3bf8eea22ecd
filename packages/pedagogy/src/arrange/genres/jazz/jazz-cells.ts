import type { JazzChord, JazzVocabulary } from './jazz-chords.js';

/** A chord of a cell and how long it lasts, in half bars. */
export interface CellChord {
  readonly chord: JazzChord;
  readonly halves: number;
}

/** A named harmonic cell: a few chords that do one thing (a ii–V–I, a turnaround…). */
export interface Cell {
  readonly name: string;
  readonly chords: readonly CellChord[];
}

const cell = (name: string, ...chords: [JazzChord, number][]): Cell => ({
  name,
  chords: chords.map(([chord, halves]) => ({ chord, halves })),
});

/** Length of a cell in half bars. */
export const cellHalves = (c: Cell): number => c.chords.reduce((sum, x) => sum + x.halves, 0);

/**
 * The four-bar cells (eight half bars) of a chorus in the key: ii–V–I chains in the key and in
 * secondary keys, the two turnarounds, the tritone substitute and the backdoor ii–V.
 */
export function fourBarCells(v: JazzVocabulary): Cell[] {
  return [
    cell('ii–V–I', [v.ii, 2], [v.v, 2], [v.tonic, 4]),
    cell('ii–subV–I', [v.ii, 2], [v.tritoneSub, 2], [v.tonic, 4]),
    cell('backdoor ii–V', [v.backdoorIv, 2], [v.backdoorBVII, 2], [v.tonic, 4]),
    cell('I–vi–ii–V', [v.tonic, 2], [v.turnaroundSecond, 2], [v.ii, 2], [v.v, 2]),
    cell('iii–VI–ii–V', [v.iii, 2], [v.vi7, 2], [v.ii, 2], [v.v, 2]),
    cell('ii–V into IV', [v.secondaryII, 2], [v.secondaryV, 2], [v.secondaryGoal, 4]),
    cell('ii–V into ii', [v.secondII2, 2], [v.secondV2, 2], [v.secondGoal2, 2], [v.v, 2]),
  ];
}

/** Two-bar cells with a chord every half bar: the bebop player's faster harmonic rhythm. */
export function twoBarCells(v: JazzVocabulary): Cell[] {
  return [
    cell('ii–V–I', [v.ii, 1], [v.v, 1], [v.tonic, 2]),
    cell('ii–subV–I', [v.ii, 1], [v.tritoneSub, 1], [v.tonic, 2]),
    cell('I–vi–ii–V', [v.tonic, 1], [v.turnaroundSecond, 1], [v.ii, 1], [v.v, 1]),
    cell('iii–VI–ii–V', [v.iii, 1], [v.vi7, 1], [v.ii, 1], [v.v, 1]),
    cell('ii–V into IV', [v.secondaryII, 1], [v.secondaryV, 1], [v.secondaryGoal, 2]),
    cell('ii–V into ii', [v.secondII2, 1], [v.secondV2, 1], [v.secondGoal2, 1], [v.v, 1]),
  ];
}

/** The closing cadence that fills `halves` (2–8) and ends on the tonic. */
export function finalCadence(v: JazzVocabulary, halves: number): Cell {
  switch (halves) {
    case 2:
      return cell('I', [v.tonic, 2]);
    case 4:
      return cell('ii–V–I', [v.ii, 1], [v.vStrong, 1], [v.tonic, 2]);
    case 6:
      return cell('ii–V–I', [v.ii, 2], [v.vStrong, 2], [v.tonic, 2]);
    default:
      return cell('ii–V–I', [v.ii, 2], [v.vStrong, 2], [v.tonic, 4]);
  }
}

/** A bar of tonic that fills an odd gap of two half bars. */
export const tonicBar = (v: JazzVocabulary): Cell => cell('I', [v.tonicColour, 2]);

/** Rhythm changes' A-section fragments (Gershwin's "I Got Rhythm"), two chords a bar. */
export function rhythmChangesA(v: JazzVocabulary): { first: Cell; second: Cell; last: Cell } {
  return {
    first: cell(
      'rhythm changes A (I–VI–ii–V, iii–VI–ii–V)',
      [v.tonicColour, 1],
      [v.vi7, 1],
      [v.ii, 1],
      [v.v, 1],
      [v.iii, 1],
      [v.vi7, 1],
      [v.ii, 1],
      [v.v, 1],
    ),
    second: cell(
      'rhythm changes A (I–I7–IV–iv, iii–VI–ii–V)',
      [v.tonic, 1],
      [v.secondaryV, 1],
      [v.secondaryGoal, 1],
      [v.backdoorIv, 1],
      [v.iii, 1],
      [v.vi7, 1],
      [v.ii, 1],
      [v.v, 1],
    ),
    last: cell(
      'rhythm changes A ending (I–I7–IV–iv, ii–V–I)',
      [v.tonic, 1],
      [v.secondaryV, 1],
      [v.secondaryGoal, 1],
      [v.backdoorIv, 1],
      [v.ii, 1],
      [v.vStrong, 1],
      [v.tonic, 2],
    ),
  };
}

/** Rhythm changes' bridge: dominants around the cycle of fifths, two bars each (III7–VI7–II7–V7). */
export function rhythmChangesBridge(): Cell {
  const dom = (degree: string, numeral: string, comment: string): JazzChord => ({
    degree,
    suffix: '9',
    numeral,
    comment,
  });
  return cell(
    'rhythm changes bridge',
    [dom('M3', 'V7/vi', 'III9 (V7/vi): the bridge starts far from home on a secondary dominant'), 4],
    [dom('M6', 'V7/ii', 'VI9 (V7/ii): down a fifth around the cycle of dominants'), 4],
    [dom('M2', 'V7/V', 'II9 (V7/V): the dominant of the dominant, one fifth from V'), 4],
    [dom('P5', 'V9', 'V9: the last dominant of the cycle leads back to the A section'), 4],
  );
}

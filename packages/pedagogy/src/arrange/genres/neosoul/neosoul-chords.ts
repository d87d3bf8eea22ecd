import type { JazzChord } from '../jazz/jazz-chords.js';

/**
 * The neo-soul vocabulary, relative to the key: every chord carries a colour tone (9th, 11th, 13th,
 * ♯11, add9, sus) — the sound of D'Angelo, Erykah Badu and Robert Glasper. `degree` is the interval from
 * the tonic to the root; `symbolIn` (jazz) spells it in the key.
 */
export type NeoChord = JazzChord;

const n = (degree: string, suffix: string, numeral: string, comment: string): NeoChord => ({
  degree,
  suffix,
  numeral,
  comment,
});

/** A bar of a cell: one chord, or two sharing the bar (the second from the middle). */
export type NeoBar = readonly [NeoChord] | readonly [NeoChord, NeoChord];
/** A cell: a few bars that make one harmonic idea. */
export interface NeoCell {
  readonly id: string;
  readonly bars: readonly NeoBar[];
}

const MAJOR = {
  I9: n('P1', 'maj9', 'Imaj9', 'the tonic as maj9: the 9th softens the major triad, the neo-soul home'),
  Iadd9: n('P1', 'add9', 'Iadd9', 'tonic add9: the 9th without the 7th, open and bright'),
  I69: n('P1', '6/9', 'I6/9', 'tonic 6/9: the pentatonic colour of the key in one chord'),
  ii9: n('M2', 'm9', 'ii9', 'ii as a minor 9th: the extended ii of the ii–V, smooth and dark'),
  ii11: n('M2', 'm11', 'ii11', 'ii11: the 11th stacks fourths over the root, the Rhodes sound'),
  iii7: n('M3', 'm7', 'iii7', 'iii7 passing between I and vi, a plain 7th for contrast'),
  IV9: n('P4', 'maj9', 'IVmaj9', 'IV as maj9: the subdominant floats without pulling anywhere'),
  IV711: n('P4', 'maj7#11', 'IVmaj7♯11', 'IV with ♯11: the Lydian colour that is already in the key'),
  V13: n('P5', '13', 'V13', 'V13: the dominant with the 13th on top, tension without harshness'),
  V9sus: n('P5', '9sus4', 'V9sus4', 'V9sus4: the dominant with its 3rd replaced by the 4th — IV over V'),
  V13sus: n('P5', '13sus4', 'V13sus4', 'V13sus4: a suspended dominant, the 4th hangs over the bass'),
  vi9: n('M6', 'm9', 'vi9', 'vi9: the relative minor with its 9th, the tender side of the key'),
  vi11: n('M6', 'm11', 'vi11', 'vi11: the relative minor in fourths'),
  iv9: n('P4', 'm9', 'iv9', 'iv9 borrowed from the minor: the minor plagal colour before home'),
  bVI9: n('m6', 'maj9', '♭VImaj9', '♭VImaj9 borrowed from the parallel minor: the walk-up starts'),
  bVII13: n('m7', '13', '♭VII13', '♭VII13: the backdoor dominant, resolving up a whole step to I'),
  bIII9: n('m3', 'maj9', '♭IIImaj9', 'chromatic planing: the maj9 shape a whole step above II'),
  II9: n('M2', 'maj9', 'IImaj9', 'chromatic planing: the same maj9 shape slides down a half step'),
  bII9: n('m2', 'maj9', '♭IImaj9', 'chromatic planing: the maj9 shape a half step above I, sliding home'),
} as const;

const MINOR = {
  i9: n('P1', 'm9', 'i9', 'the minor tonic as m9: the 9th makes the minor warm, not sad'),
  i11: n('P1', 'm11', 'i11', 'i11: the minor tonic in fourths, the Dorian vamp sound'),
  IV9: n('P4', '9', 'IV9', 'IV9 with the raised 6th of Dorian: the other half of the Dorian vamp'),
  IV13: n('P4', '13', 'IV13', 'IV13: the Dorian subdominant with its 13th'),
  iv9: n('P4', 'm9', 'iv9', 'iv9: the minor subdominant, starting an extended ii–V to ♭III'),
  bVII13: n('m7', '13', '♭VII13', '♭VII13: the V of the relative major'),
  bIII9: n('m3', 'maj9', '♭IIImaj9', '♭IIImaj9: the relative major, the progression brightens'),
  bVI9: n('m6', 'maj9', '♭VImaj9', '♭VImaj9: the submediant, a soft step down towards V'),
  V7s9: n('P5', '7#9', 'V7♯9', 'V7♯9: the dominant with the raised 9th, blues in the tension'),
  v9: n('P5', 'm9', 'v9', 'v9: the natural-minor dominant, a modal cadence without a leading tone'),
  bii9: n('m2', 'm9', '♭ii9', 'chromatic planing: the tonic m9 shape a half step up, sliding home'),
} as const;

export const MAJOR_CELLS: readonly NeoCell[] = [
  { id: 'ii-V-I', bars: [[MAJOR.ii9], [MAJOR.V13], [MAJOR.I9], [MAJOR.I9]] },
  { id: 'lydian-vamp', bars: [[MAJOR.I9], [MAJOR.IV711], [MAJOR.I9], [MAJOR.IV711]] },
  { id: 'sus-ii-V', bars: [[MAJOR.ii11], [MAJOR.V9sus, MAJOR.V13], [MAJOR.Iadd9], [MAJOR.vi9]] },
  { id: 'walk-up', bars: [[MAJOR.IV9], [MAJOR.iii7, MAJOR.vi9], [MAJOR.bVI9], [MAJOR.bVII13]] },
  {
    id: 'planing',
    bars: [
      [MAJOR.bIII9, MAJOR.II9],
      [MAJOR.bII9, MAJOR.I9],
    ],
  },
  { id: 'vi-ii', bars: [[MAJOR.vi11], [MAJOR.ii9], [MAJOR.IV9], [MAJOR.V13sus]] },
];

export const MINOR_CELLS: readonly NeoCell[] = [
  { id: 'dorian-vamp', bars: [[MINOR.i9], [MINOR.IV9], [MINOR.i11], [MINOR.IV13]] },
  { id: 'relative-ii-V', bars: [[MINOR.iv9], [MINOR.bVII13], [MINOR.bIII9], [MINOR.bVI9]] },
  { id: 'modal-cadence', bars: [[MINOR.i11], [MINOR.bVI9], [MINOR.v9], [MINOR.i9]] },
  { id: 'planing', bars: [[MINOR.bii9, MINOR.i9], [MINOR.i11]] },
];

export const MAJOR_INTRO: readonly NeoBar[] = [[MAJOR.I9], [MAJOR.IV711]];
export const MINOR_INTRO: readonly NeoBar[] = [[MINOR.i9], [MINOR.IV9]];

/** The last two bars: a cadence home (one bar when the piece has one). */
export const MAJOR_ENDING: readonly NeoBar[] = [
  [
    MAJOR.ii9,
    n('P4', 'm9', 'iv9', 'iv9 borrowed from the minor: the minor plagal close, neo-soul\'s "amen"'),
  ],
  [MAJOR.I69],
];
export const MINOR_ENDING: readonly NeoBar[] = [[MINOR.bVI9, MINOR.V7s9], [MINOR.i9]];
export const MAJOR_HOME: NeoBar = [MAJOR.I9];
export const MINOR_HOME: NeoBar = [MINOR.i9];

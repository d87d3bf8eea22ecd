import { isMinorLike, parseInterval, transposeClass, type Key } from '@cadenza/core';
import { chartName } from '../../chart-spelling.js';

/** One chord of the jazz vocabulary, relative to the key: the interval from the tonic to its root. */
export interface JazzChord {
  /** Interval from the tonic to the root ('M2' = the supertonic). */
  readonly degree: string;
  /** Chord-symbol suffix ('m9', '7b9', 'maj7'). */
  readonly suffix: string;
  readonly numeral: string;
  readonly comment: string;
}

const j = (degree: string, suffix: string, numeral: string, comment: string): JazzChord => ({
  degree,
  suffix,
  numeral,
  comment,
});

/** The chord symbol in the key ("Cm7" for ii7 in B♭), awkward roots respelled (C♭7 → B7, A♭♭ → G). */
export function symbolIn(key: Key, chord: JazzChord): string {
  return chartName(transposeClass(key.tonic, parseInterval(chord.degree))) + chord.suffix;
}

/** The chords a key's progression is built from: tonic, ii, V and their colours, in major or minor. */
export interface JazzVocabulary {
  readonly tonic: JazzChord;
  /** The tonic with a different colour, for a bar that stays home. */
  readonly tonicColour: JazzChord;
  readonly ii: JazzChord;
  readonly v: JazzChord;
  /** The dominant with a stronger pull (♭9 or altered) for the final cadence. */
  readonly vStrong: JazzChord;
  /** The tritone substitute of V: ♭II7, its 3rd and 7th are V7's 7th and 3rd. */
  readonly tritoneSub: JazzChord;
  /** Turnaround chords: I–vi–ii–V (major) or i–♭VI–iiø–V (minor). */
  readonly turnaroundSecond: JazzChord;
  /** iii–VI–ii–V's first two chords (major) or their minor-key counterparts. */
  readonly iii: JazzChord;
  readonly vi7: JazzChord;
  /** Backdoor ii–V: iv7–♭VII7 resolving up a whole step to I. */
  readonly backdoorIv: JazzChord;
  readonly backdoorBVII: JazzChord;
  /** A secondary ii–V and its goal: into IV (major) or into iv (minor). */
  readonly secondaryII: JazzChord;
  readonly secondaryV: JazzChord;
  readonly secondaryGoal: JazzChord;
  /** A secondary ii–V into ii (major: iiiø–VI7♭9–ii) or into ♭III (minor: the relative major). */
  readonly secondII2: JazzChord;
  readonly secondV2: JazzChord;
  readonly secondGoal2: JazzChord;
}

const MAJOR: JazzVocabulary = {
  tonic: j('P1', 'maj7', 'Imaj7', 'Imaj7: home, the tonic with its major 7th'),
  tonicColour: j('P1', '6', 'I6', 'I6: the tonic with a 6th, the classic swing-era colour of home'),
  ii: j('M2', 'm9', 'ii9', 'ii9: the subdominant-function ii, first step of the ii–V–I'),
  v: j('P5', '13', 'V13', 'V13: the dominant, its 3rd and 7th (the tritone) pulling to the tonic'),
  vStrong: j('P5', '7b9', 'V7♭9', 'V7♭9: the dominant with a ♭9, the strongest pull home'),
  tritoneSub: j(
    'm2',
    '7',
    'subV7',
    'subV7 (♭II7): tritone substitution, it shares V7’s tritone and slides down a half step to I',
  ),
  turnaroundSecond: j('M6', 'm7', 'vi7', 'vi7: the relative minor, second chord of the I–vi–ii–V turnaround'),
  iii: j('M3', 'm7', 'iii7', 'iii7: a tonic substitute that starts the iii–VI–ii–V turnaround'),
  vi7: j('M6', '7b9', 'V7/ii', 'VI7♭9 (V7/ii): a secondary dominant that points at ii'),
  backdoorIv: j('P4', 'm7', 'iv7', 'iv7: the borrowed minor iv, first chord of the backdoor ii–V'),
  backdoorBVII: j(
    'm7',
    '7',
    '♭VII7',
    '♭VII7: the backdoor dominant, it resolves up a whole step to I instead of down a fifth',
  ),
  secondaryII: j('P5', 'm7', 'ii7/IV', 'ii–V into IV: a secondary ii–V tonicises the subdominant'),
  secondaryV: j('P1', '7', 'V7/IV', 'I7 (V7/IV): the tonic turned dominant, it resolves to IV'),
  secondaryGoal: j('P4', 'maj7', 'IVmaj7', 'IVmaj7: the subdominant reached by its own ii–V'),
  secondII2: j('M3', 'm7b5', 'iiø7/ii', 'iiiø7 (iiø7/ii): the minor ii–V into ii starts here'),
  secondV2: j('M6', '7b9', 'V7♭9/ii', 'VI7♭9 (V7/ii): secondary dominant with ♭9, it tonicises ii'),
  secondGoal2: j('M2', 'm7', 'ii7', 'ii7: reached by its own minor ii–V, then on to V'),
};

const MINOR: JazzVocabulary = {
  tonic: j('P1', 'm6', 'i6', 'i6: the minor tonic with a major 6th (melodic minor colour)'),
  tonicColour: j('P1', 'm9', 'i9', 'i9: the minor tonic with a 9th, a darker home'),
  ii: j('M2', 'm7b5', 'iiø7', 'iiø7: the half-diminished ii of minor, first step of the minor ii–V–i'),
  v: j('P5', '7alt', 'V7alt', 'V7alt: the altered dominant (♭9 ♯9 ♭5 ♯5), maximum tension inside the phrase'),
  vStrong: j(
    'P5',
    '7b9',
    'V7♭9',
    'V7♭9: the minor-key dominant, its ♭9 is the key’s own ♭6, resolving home to i',
  ),
  tritoneSub: j(
    'm2',
    '7',
    'subV7',
    'subV7 (♭II7): tritone substitution, it shares V7’s tritone and slides down a half step to i',
  ),
  turnaroundSecond: j(
    'm6',
    'maj7',
    '♭VImaj7',
    '♭VImaj7: the submediant, second chord of the minor turnaround',
  ),
  iii: j('m3', 'maj7', '♭IIImaj7', '♭IIImaj7: the relative major, a bright tonic substitute'),
  vi7: j('m6', '7', '♭VI7', '♭VI7: a dominant on ♭6 that falls a half step to the dominant'),
  backdoorIv: j('P4', 'm7', 'iv7', 'iv7: the minor subdominant, it leads on to the dominant'),
  backdoorBVII: j('m7', '7', '♭VII7', '♭VII7: the subtonic dominant, it resolves to ♭III or back home'),
  secondaryII: j('P5', 'm7b5', 'iiø7/iv', 'ii–V into iv: a secondary minor ii–V tonicises the subdominant'),
  secondaryV: j('P1', '7b9', 'V7♭9/iv', 'I7♭9 (V7/iv): the tonic turned dominant, it resolves to iv'),
  secondaryGoal: j('P4', 'm9', 'iv9', 'iv9: the subdominant reached by its own ii–V'),
  secondII2: j('P4', 'm7', 'ii7/♭III', 'ii–V into ♭III: iv7 acts as ii of the relative major'),
  secondV2: j('m7', '7', 'V7/♭III', '♭VII7 (V7/♭III): the dominant of the relative major'),
  secondGoal2: j('m3', 'maj7', '♭IIImaj7', '♭IIImaj7: the relative major, tonicised by its ii–V'),
};

/** The vocabulary for the key's mode (dorian, aeolian… count as minor). */
export const vocabularyOf = (key: Key): JazzVocabulary => (isMinorLike(key) ? MINOR : MAJOR);

import { iv, transposeClass } from '../pitch/interval.js';
import { pitchClassName, samePitchClass, type PitchClass } from '../pitch/pitch.js';
import type { Chord } from './chord.js';
import { chordAnatomy, inversionOf, type ChordAnatomy } from './chord-anatomy.js';
import { isMinorLike, keyName, parallelKey, type Key } from './key.js';
import {
  augmentedSixthTones,
  degreeAccidental,
  degreeOf,
  diatonicSet,
  inSet,
  NUMERALS,
} from './roman-numeral-parts.js';

export type HarmonicFunction =
  | 'tonic'
  | 'predominant'
  | 'dominant'
  | 'secondary dominant'
  | 'secondary leading-tone'
  | 'borrowed'
  | 'neapolitan'
  | 'augmented sixth'
  | 'chromatic';

export interface RomanNumeralAnalysis {
  /** "V65/V", "ii7", "♭VII", "viiø7", "N6", "Ger+6". */
  readonly numeral: string;
  readonly function: HarmonicFunction;
  /** 0 root position, 1 first inversion, 2 second, 3 third; -1 when the bass is not a chord tone. */
  readonly inversion: number;
  /** One teaching sentence: what the chord is doing in this key. */
  readonly description: string;
}

const TRIAD_FIGURES = ['', '6', '64'];
const SEVENTH_FIGURES = ['7', '65', '43', '42'];

/** Quality marks and the 7th/extension text that follow the numeral (before inversion figures). */
function qualitySuffix(a: ChordAnatomy): { mark: string; seventh: string } {
  const ext = a.extension ? String(a.extension) : '7';
  const alts = a.alterations.join('').replace(/b/g, '♭').replace(/#/g, '♯');
  if (a.third === 3 && a.fifth === 6) {
    if (a.seventh === 9) return { mark: '°', seventh: '7' };
    if (a.seventh === 10) return { mark: 'ø', seventh: ext + alts };
    return { mark: '°', seventh: '' };
  }
  if (a.third === 4 && a.fifth === 8) {
    if (a.seventh === 11) return { mark: '+', seventh: 'maj' + ext };
    return { mark: '+', seventh: a.seventh ? ext + alts : '' };
  }
  let seventh = '';
  if (a.seventh === 11) seventh = (a.third === 3 ? '(maj7)' : 'maj' + ext) + alts;
  else if (a.seventh) seventh = ext + (a.third === 4 && a.fifth === 6 ? '♭5' : '') + alts;
  else if (a.sixth) seventh = a.additions.includes('9') ? '(6/9)' : '(add6)';
  else if (a.additions.length) seventh = `(${a.additions.join(',')})`;
  if (a.suspension) seventh += a.suspension;
  return { mark: '', seventh };
}

function numeralText(base: string, a: ChordAnatomy, inversion: number, chord: Chord): string {
  const { mark, seventh } = qualitySuffix(a);
  const plainSeventh = seventh === '7' || seventh === 'maj7';
  if (inversion <= 0 || (!plainSeventh && seventh !== '')) {
    const over = inversion === 0 ? '' : ` (${pitchClassName(chord.bass, true)} in the bass)`;
    return base + mark + seventh + over;
  }
  if (seventh === '') return base + mark + (TRIAD_FIGURES[inversion] ?? '');
  return base + mark + (seventh === 'maj7' ? 'maj' : '') + (SEVENTH_FIGURES[inversion] ?? '');
}

const cased = (numeral: string, a: ChordAnatomy): string => (a.third === 3 ? numeral.toLowerCase() : numeral);

const isDominantShape = (a: ChordAnatomy): boolean =>
  a.third === 4 && (a.fifth === 7 || a.fifth === undefined) && (a.seventh === 10 || a.seventh === undefined);
const isLeadingToneShape = (a: ChordAnatomy): boolean =>
  a.third === 3 && a.fifth === 6 && (a.seventh === 9 || a.seventh === 10 || a.seventh === undefined);

/** Numeral of a diatonic target (for V/x), cased by its triad in the key: ii, iii, IV, V, vi; III, iv, VI in minor. */
function targetNumeral(target: PitchClass, key: Key): string | undefined {
  const set = diatonicSet(key);
  if (!inSet(set, target) || samePitchClass(target, key.tonic)) return undefined;
  const { degree, diff } = degreeOf(target, key);
  if (diff !== 0) return undefined;
  const third = transposeClass(target, iv('M3'));
  const minorThird = transposeClass(target, iv('m3'));
  const fifth = transposeClass(target, iv('P5'));
  const numeral = NUMERALS[degree - 1] as string;
  if (isMinorLike(key) && degree === 5) return 'V';
  if (!inSet(set, fifth)) return undefined; // diminished triads are not tonicised
  if (inSet(keyScaleOnly(key), third)) return numeral;
  return inSet(set, minorThird) ? numeral.toLowerCase() : undefined;
}

const keyScaleOnly = (key: Key): PitchClass[] => diatonicSet(key).slice(0, 7);

function augmentedSixth(chord: Chord, key: Key): RomanNumeralAnalysis | undefined {
  const tones = [...chord.notes, chord.bass];
  const t = augmentedSixthTones(key);
  const present = (pc: PitchClass): boolean => tones.some((x) => samePitchClass(x, pc));
  if (!present(t.flat6) || !present(t.sharp4) || !present(t.tonic)) return undefined;
  const sharp2 = transposeClass(key.tonic, iv('A2'));
  const [name, numeral] =
    present(t.flat3) || present(sharp2)
      ? ['German', 'Ger+6']
      : present(t.two)
        ? ['French', 'Fr+6']
        : ['Italian', 'It+6'];
  return {
    numeral,
    function: 'augmented sixth',
    inversion: samePitchClass(chord.bass, t.flat6) ? 0 : -1,
    description: `${name} augmented sixth: ${pitchClassName(t.flat6, true)} and ${pitchClassName(t.sharp4, true)} spread outward to the dominant octave`,
  };
}

const DIATONIC_FUNCTION: Record<number, HarmonicFunction> = {
  1: 'tonic',
  2: 'predominant',
  3: 'tonic',
  4: 'predominant',
  5: 'dominant',
  6: 'tonic',
  7: 'dominant',
};

/**
 * Roman-numeral analysis of a chord in a key. Recognises secondary dominants and leading-tone chords
 * (V7/V, vii°7/ii), the Neapolitan (N6), augmented sixths (It+6, Fr+6, Ger+6), chords borrowed from
 * the parallel mode (iv, ♭VI, ♭VII in major) and inversions (V65, I64). Sevenths follow chart
 * usage: "7" is the dominant 7th on an upper-case numeral, "maj7" the major 7th.
 */
export function analyzeChord(chord: Chord, key: Key): RomanNumeralAnalysis {
  const aug6 = augmentedSixth(chord, key);
  if (aug6) return aug6;
  const a = chordAnatomy(chord);
  const inversion = inversionOf(chord);
  const set = diatonicSet(key);
  // Tensions (9ths, 11ths, 13ths) colour a chord without changing its function: judge the core.
  const core = chord.notes.filter((_, i) => (chord.intervals[i]?.steps ?? 0) <= 6);
  const diatonic = core.every((n) => inSet(set, n));
  const { degree, diff } = degreeOf(chord.root, key);
  const leadingTone = isMinorLike(key) && degree === 7 && diff === 1 && isLeadingToneShape(a);
  const base = degreeAccidental(leadingTone ? 0 : diff) + cased(NUMERALS[degree - 1] as string, a);
  const plain = numeralText(base, a, inversion, chord);
  const where = keyName(key, true);

  if (diatonic && (diff === 0 || leadingTone || isMinorLike(key))) {
    const fn = DIATONIC_FUNCTION[degree] ?? 'tonic';
    return {
      numeral: plain,
      function: fn,
      inversion,
      description: `${fn} chord on scale degree ${degree} of ${where}`,
    };
  }
  const picardy = degree === 1 && diff === 0 && !a.seventh;
  if (!picardy && (isDominantShape(a) || isLeadingToneShape(a))) {
    const dominant = isDominantShape(a);
    const target = transposeClass(chord.root, iv(dominant ? 'P4' : 'm2'));
    const targetText = targetNumeral(target, key);
    if (targetText) {
      const own = numeralText(dominant ? 'V' : 'vii', a, inversion, chord);
      return {
        numeral: `${own}/${targetText}`,
        function: dominant ? 'secondary dominant' : 'secondary leading-tone',
        inversion,
        description: `${dominant ? 'dominant' : 'leading-tone chord'} of ${targetText} (${pitchClassName(target, true)}): it leans toward ${targetText}`,
      };
    }
  }
  if (degree === 2 && diff === -1 && a.third === 4 && a.fifth === 7 && !a.seventh) {
    return {
      numeral: `N${TRIAD_FIGURES[Math.max(0, inversion)] ?? ''}`,
      function: 'neapolitan',
      inversion,
      description: `Neapolitan: major chord on the lowered second degree, a predominant usually in first inversion`,
    };
  }
  const parallel = parallelKey(key);
  if (core.every((n) => inSet(diatonicSet(parallel), n))) {
    return {
      numeral: plain,
      function: 'borrowed',
      inversion,
      description: `borrowed from ${keyName(parallel, true)} (modal mixture)`,
    };
  }
  return {
    numeral: plain,
    function: 'chromatic',
    inversion,
    description: `chromatic chord on ${base} in ${where}`,
  };
}

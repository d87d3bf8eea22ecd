import { MusicError } from '../errors.js';
import { iv, transposeClass, type Interval } from '../pitch/interval.js';
import { buildChord, type Chord } from './chord.js';
import { isMinorLike, type Key } from './key.js';
import { pitchClassName } from '../pitch/pitch.js';
import { augmentedSixthTones, NUMERALS, rootOfDegree } from './roman-numeral-parts.js';

const NUMERAL_RE =
  /^(?<acc>[♭b♯#]*)(?<num>VII|VI|IV|V|III|II|I|vii|vi|iv|v|iii|ii|i)(?<qual>°|o|ø|\+)?(?<seventh>\(maj7\)|maj7|maj9|maj11|maj13|M7|maj|M|7|9|11|13)?(?<fig>65|6\/5|43|4\/3|42|4\/2|64|6\/4|6|2)?$/;

const FIGURE_INVERSION: Record<string, number> = {
  '6': 1,
  '64': 2,
  '6/4': 2,
  '65': 1,
  '6/5': 1,
  '43': 2,
  '4/3': 2,
  '42': 3,
  '4/2': 3,
  '2': 3,
};
const SEVENTH_FIGURES = new Set(['65', '6/5', '43', '4/3', '42', '4/2', '2']);

function accidentalValue(text: string): number {
  return [...text].reduce((sum, ch) => sum + (ch === '♭' || ch === 'b' ? -1 : 1), 0);
}

/** The intervals of a numeral's chord from its case and marks (upper-case 7 = dominant 7th). */
function numeralIntervals(
  upper: boolean,
  qual: string,
  seventh: string,
  impliedSeventh: boolean,
): Interval[] {
  const names = [
    upper ? 'M3' : 'm3',
    qual === '+' ? 'A5' : qual === '°' || qual === 'o' || qual === 'ø' ? 'd5' : 'P5',
  ];
  const hasSeventh = seventh !== '' || impliedSeventh || qual === 'ø';
  if (hasSeventh) {
    const major = seventh.startsWith('maj') || seventh.startsWith('M') || seventh === '(maj7)';
    names.push(major ? 'M7' : qual === '°' || qual === 'o' ? 'd7' : 'm7');
    const ext = Number(/\d+/.exec(seventh)?.[0] ?? 7);
    if (ext >= 9) names.push('M9');
    if (ext === 11) names.push('P11');
    if (ext === 13) names.push('M13');
  }
  return ['P1', ...names].map((n) => iv(n));
}

/**
 * Realises a roman numeral in a key: "V7/V" in C → D F♯ A C; "viiø7" → B D F A; "N6" → D♭ major with
 * F in the bass; "Ger+6" in C → A♭ C E♭ F♯. Figures give inversions (V65, I64). An upper-case "7" is a
 * dominant seventh and "maj7" a major seventh, as on charts.
 */
export function realizeRomanNumeral(text: string, key: Key): Chord {
  const t = text.trim();
  const aug6 = /^(It|Fr|Ger)(\+?6|\+?43|\+?65)?$/.exec(t);
  if (aug6) {
    const tones = augmentedSixthTones(key);
    const kind = aug6[1] as 'It' | 'Fr' | 'Ger';
    const extra = kind === 'Fr' ? ['A4'] : kind === 'Ger' ? ['P5'] : [];
    const intervals = ['P1', 'M3', ...extra, 'A6'].map((n) => iv(n));
    const suffix = kind === 'It' ? '7(no5)' : kind === 'Fr' ? '7b5' : '7';
    const root = tones.flat6;
    return buildChord(root, intervals, { symbol: `${pitchClassName(root)}${suffix}` });
  }
  const neapolitan = /^N(6|64)?$/.exec(t);
  if (neapolitan) return realizeRomanNumeral(`♭II${neapolitan[1] ?? ''}`, key);

  const [head, ...targets] = t.split('/').reduce<string[]>((parts, piece) => {
    // Re-join figure slashes such as 6/5 that belong to the numeral, not to a secondary target.
    const last = parts[parts.length - 1];
    if (last !== undefined && /^\d$/.test(piece) && /\d$/.test(last))
      parts[parts.length - 1] = `${last}/${piece}`;
    else parts.push(piece);
    return parts;
  }, []);
  if (head === undefined || head === '') throw new MusicError(`'${text}' is not a roman numeral`, text);
  let context = key;
  for (const target of targets.reverse()) {
    const targetChord = realizeRomanNumeral(target, context);
    const targetUpper = /^[♭b♯#]*[IV]/.test(target);
    context = { tonic: targetChord.root, mode: targetUpper ? 'major' : 'minor' };
  }
  const m = NUMERAL_RE.exec(head);
  if (!m?.groups) {
    throw new MusicError(
      `'${text}' is not a roman numeral: write e.g. I, ii7, V65, viiø7, ♭VII, V7/V, N6 or Ger+6`,
      text,
    );
  }
  const { acc = '', num = '', qual = '', seventh = '', fig = '' } = m.groups;
  const degree = NUMERALS.indexOf(num.toUpperCase() as (typeof NUMERALS)[number]) + 1;
  const upper = num === num.toUpperCase();
  const dimLike = qual === '°' || qual === 'o' || qual === 'ø';
  // In minor, vii° and its sevenths sit on the raised leading tone; other numerals follow natural minor.
  const raise = isMinorLike(context) && degree === 7 && dimLike && acc === '' ? 1 : 0;
  const root = rootOfDegree(context, degree, accidentalValue(acc) + raise);
  const intervals = numeralIntervals(upper, qual, seventh, SEVENTH_FIGURES.has(fig));
  const inversion = FIGURE_INVERSION[fig] ?? 0;
  const bassInterval = intervals[inversion] ?? iv('P1');
  return buildChord(root, intervals, { bass: transposeClass(root, bassInterval) });
}

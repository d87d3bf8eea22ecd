import {
  isMinorLike,
  MusicError,
  realizeRomanNumeral,
  type Key,
  type Rng,
  type Section,
} from '@cadenza/core';
import type { ArrangeRequest, ChordEvent, Progression } from '../../arrangement-types.js';
import { barTwelfths, fromTwelfths, halfBarTwelfths } from './meter-grid.js';
import { phraseBars, type BarPlan, type Cadence, type Period } from './period-harmony.js';

/** The period an application names (classical, baroque, romantic). */
export function periodOf(request: ArrangeRequest): Period {
  const id = request.application.id;
  if (id === 'classical' || id === 'baroque' || id === 'romantic') return id;
  throw new MusicError(`'${id}' is not a classical application: use classical, baroque or romantic`);
}

/** Major-key numerals as the minor key spells them (i, iv, III, VI, ii°, the natural VII of a sequence). */
const IN_MINOR: Readonly<Record<string, string>> = {
  I: 'i',
  I6: 'i6',
  IV: 'iv',
  ii: 'ii°',
  ii6: 'ii°6',
  iii: 'III',
  vi: 'VI',
  'vii°': 'VII',
  '♭VI': 'VI',
  'V7/IV': 'V7/iv',
  'V7/vi': 'V7/VI',
};

const inKey = (numeral: string, key: Key): string =>
  isMinorLike(key) ? (IN_MINOR[numeral] ?? numeral) : numeral;

/** In a minor key iv and VI are the key's own chords, not borrowed: the comment says so. */
const commentInKey = (comment: string, numeral: string, key: Key): string =>
  isMinorLike(key) && /modal mixture/.test(comment)
    ? `${numeral}: the minor key's own dark ${numeral === 'VI' ? 'submediant' : 'subdominant'}, the colour a major key has to borrow`
    : comment;

/**
 * Phrase lengths: balanced four-bar phrases; a remainder of one to three bars lengthens the last phrase
 * (a phrase extension before the final cadence), and a piece shorter than four bars is one phrase.
 */
export function phraseLengths(bars: number): number[] {
  if (bars < 4) return [bars];
  const lengths = new Array<number>(Math.floor(bars / 4)).fill(4);
  lengths[lengths.length - 1] = 4 + (bars % 4);
  return lengths;
}

/**
 * Cadences: antecedent phrases (1st, 3rd…) close on a half cadence, consequents on a perfect authentic
 * cadence, now and then deceptive instead (never the last phrase, which always closes with a PAC).
 */
function cadenceOf(index: number, count: number, rng: Rng): Cadence {
  if (index === count - 1) return 'PAC';
  if (index % 2 === 0) return 'HC';
  return rng.chance(0.3) ? 'DC' : 'PAC';
}

/** The bar plans of the whole piece. */
export function classicalPlan(period: Period, bars: number, rng: Rng): BarPlan[] {
  const lengths = phraseLengths(bars);
  return lengths.flatMap((length, i) => phraseBars(period, length, cadenceOf(i, lengths.length, rng), rng));
}

/**
 * A rehearsal mark at the start of each period (two phrases: antecedent and consequent): A, A′, A″, A‴,
 * then A5, A6… — the periods restate the theme with new cadences, so they are variants of A, not new sections.
 */
function periodSections(lengths: readonly number[], barTwelfths: number): Section[] {
  const sections: Section[] = [];
  let position = 0;
  lengths.forEach((length, i) => {
    if (i % 2 === 0) {
      const n = i / 2;
      const label = n <= 3 ? `A${['', '′', '″', '‴'][n] ?? ''}` : `A${n + 1}`;
      sections.push({ position: fromTwelfths(position * barTwelfths), label });
    }
    position += length;
  });
  return sections;
}

/**
 * The progression of a classical-style piece: phrases by period (Classical I–IV–V–I with HC and PAC,
 * Baroque circle-of-fifths sequences, Romantic augmented sixths, Neapolitan and secondary dominants),
 * each numeral realised in the request's key and meter.
 */
export function classicalProgression(request: ArrangeRequest, rng: Rng): Progression {
  const period = periodOf(request);
  const plan = classicalPlan(period, request.bars, rng);
  const bar = barTwelfths(request.meter);
  const half = halfBarTwelfths(request.meter);
  const chords: ChordEvent[] = [];
  plan.forEach((harmonies, b) => {
    const split = harmonies.length > 1 && half < bar ? harmonies : harmonies.slice(0, 1);
    split.forEach((harmony, i) => {
      const start = b * bar + (i === 0 ? 0 : half);
      const end = split.length === 1 || i === 1 ? (b + 1) * bar : b * bar + half;
      const numeral = inKey(harmony.numeral, request.key);
      chords.push({
        position: fromTwelfths(start),
        duration: fromTwelfths(end - start),
        chord: realizeRomanNumeral(numeral, request.key),
        numeral,
        comment: commentInKey(harmony.comment, numeral, request.key),
      });
    });
  });
  return { chords, sections: periodSections(phraseLengths(request.bars), bar) };
}

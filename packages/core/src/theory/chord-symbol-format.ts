import { MusicError } from '../errors.js';
import { intervalName, type Interval } from '../pitch/interval.js';
import { pitchClassName, samePitchClass } from '../pitch/pitch.js';
import type { Chord } from './chord.js';
import { tryParseChordSymbol } from './chord-symbol-parse.js';

export interface FormatChordSymbolOptions {
  /** Write ♯ and ♭ (and 𝄪, 𝄫) instead of # and b: "E♭maj7♯11/G". */
  readonly unicode?: boolean;
}

/** Altered tones in the order Cadenza writes them: by degree, flat before sharp ("7b9#9", "7#9b13"). */
const ALTERATION_TEXT: readonly (readonly [string, string])[] = [
  ['d5', 'b5'],
  ['A5', '#5'],
  ['m6', 'b6'],
  ['m9', 'b9'],
  ['A9', '#9'],
  ['A11', '#11'],
  ['m13', 'b13'],
];
const ADD_TEXT: readonly (readonly [string, string])[] = [
  ['M2', 'add2'],
  ['P4', 'add4'],
  ['M6', 'add6'],
  ['M9', 'add9'],
  ['P11', 'add11'],
  ['M13', 'add13'],
];

/**
 * The suffix for intervals that match no catalogue type: quality, number, sus, alterations, added tones,
 * omissions. Undefined when the tones need something no chord symbol says (a major and a minor 3rd).
 */
function suffixFor(intervals: readonly Interval[]): string | undefined {
  const left = new Set(intervals.map(intervalName));
  const has = (n: string): boolean => left.has(n);
  const take = (n: string): boolean => left.delete(n);
  take('P1');
  const minor = has('m3');
  if (minor && has('M3')) return undefined;
  const noThird = !minor && !has('M3');
  take('m3');
  take('M3');
  const sus = noThird && take('P4') ? 'sus4' : noThird && take('M2') ? 'sus2' : '';
  const sevenths = ['M7', 'm7', 'd7'].filter(has);
  if (sevenths.length > 1) return undefined;
  const seventh = sevenths[0];
  const noPerfectFifth = !has('P5');
  const dim =
    minor && has('d5') && noPerfectFifth && !has('A5') && (seventh === 'd7' || (!seventh && !has('M6')));
  const aug = !minor && !noThird && has('A5') && noPerfectFifth && !has('d5') && !seventh && !has('M6');
  if (seventh === 'd7' && !dim) return undefined;
  if (dim) take('d5');
  if (aug) take('A5');
  const quality = dim ? 'dim' : aug ? 'aug' : minor ? 'm' : '';
  const fifthWritten = dim || aug || has('P5') || has('d5') || has('A5');
  take('P5');

  const naturalNinth = has('M9');
  const oneNinth = naturalNinth !== (has('m9') || has('A9'));
  let head = quality;
  if (seventh !== undefined) {
    take(seventh);
    let n = '7';
    if (has('M13') && !has('m13') && oneNinth) n = '13';
    else if (has('P11') && !has('A11') && oneNinth) n = '11';
    else if (naturalNinth && oneNinth) n = '9';
    if (n !== '7' && naturalNinth) take('M9');
    if (n === '13') take('M13');
    if (n === '11') take('P11');
    if (seventh === 'M7') head = quality === '' ? `maj${n}` : `${quality}(maj${n})`;
    else head = quality + n;
  } else if (has('M6') && !has('m6')) {
    take('M6');
    const sixNine = naturalNinth && oneNinth;
    if (sixNine) take('M9');
    head = quality + (sixNine ? '6/9' : '6');
  } else if (noThird && sus === '' && left.size === 0 && fifthWritten) {
    head = '5';
  }
  head += sus;

  const alterations = ALTERATION_TEXT.filter(([n]) => take(n)).map(([, text]) => text);
  const adds = ADD_TEXT.filter(([n]) => take(n)).map(([, text]) => text);
  if (left.size > 0) return undefined;
  const omits = [...(noThird && sus === '' && head !== '5' ? ['no3'] : []), ...(fifthWritten ? [] : ['no5'])];
  // A bare "b5" or "#5" straight after the root would read as the root's accidental: "C(b5)", not "Cb5".
  const altered = head === '' && alterations.length > 0 ? `(${alterations.join(',')})` : alterations.join('');
  return head + altered + adds.join('') + (omits.length > 0 ? `(${omits.join(',')})` : '');
}

const sameIntervals = (a: readonly Interval[], b: readonly Interval[]): boolean => {
  const names = new Set(a.map(intervalName));
  return a.length === b.length && b.every((x) => names.has(intervalName(x)));
};

/**
 * Writes a chord in Cadenza's canonical spelling: "Cmaj7", "Cm7b5", "F#7#9b13", "Ebmaj7#11/G"
 * (catalogue types use their catalogue suffix). With `unicode`, "E♭maj7♯11/G".
 * Throws a MusicError for tones no chord symbol can name; the result always reads back to the same tones.
 */
export function formatChordSymbol(chord: Chord, options: FormatChordSymbolOptions = {}): string {
  const suffix = chord.type ? chord.type.suffix : suffixFor(chord.intervals);
  const ascii = (unicode: boolean): string => {
    const slash = samePitchClass(chord.bass, chord.root) ? '' : `/${pitchClassName(chord.bass, unicode)}`;
    const tail = unicode ? (suffix ?? '').replaceAll('#', '♯').replaceAll('b', '♭') : (suffix ?? '');
    return pitchClassName(chord.root, unicode) + tail + slash;
  };
  const text = ascii(false);
  const reread = suffix === undefined ? undefined : tryParseChordSymbol(text);
  if (!reread?.ok || !sameIntervals(reread.chord.intervals, chord.intervals)) {
    const tones = chord.notes.map((n) => pitchClassName(n)).join(' ');
    throw new MusicError(
      `no chord symbol names the tones ${tones} (intervals ${chord.intervals.map(intervalName).join(' ')})`,
    );
  }
  return options.unicode ? ascii(true) : text;
}
